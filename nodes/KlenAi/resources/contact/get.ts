import type { INodeProperties } from 'n8n-workflow';

import { contactIdProperty } from '../../../common/properties';

export const contactGetDescription: INodeProperties[] = [
	contactIdProperty({ resource: ['contact'], operation: ['get'] }, 'ID of the contact to get (a whole number)', '1234'),
];
