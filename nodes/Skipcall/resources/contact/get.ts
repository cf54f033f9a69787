import type { INodeProperties } from 'n8n-workflow';

import { contactIdProperty } from '../../../common/properties';

export const SKIPCALL_ID_PLACEHOLDER = '550e8400-e29b-41d4-a716-446655440000';

export const contactGetDescription: INodeProperties[] = [
	contactIdProperty(
		{ resource: ['contact'], operation: ['get'] },
		'ID of the contact to get. Skipcall answers "not found" for contacts outside the API key’s workspaces.',
		SKIPCALL_ID_PLACEHOLDER,
	),
];
