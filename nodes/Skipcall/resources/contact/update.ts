import type { INodeProperties } from 'n8n-workflow';

import { fieldsCollection } from '../../../common/fields';
import { skipcallContactFields } from './fields';

const show = { resource: ['contact'], operation: ['update'] };

export const contactUpdateDescription: INodeProperties[] = [
	{
		displayName: 'Contact ID',
		name: 'contactId',
		type: 'string',
		required: true,
		default: '',
		placeholder: '550e8400-e29b-41d4-a716-446655440000',
		description: 'ID of the contact to update',
		displayOptions: { show },
	},
	fieldsCollection(skipcallContactFields, 'update', show),
];
