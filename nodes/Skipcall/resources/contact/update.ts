import type { INodeProperties } from 'n8n-workflow';

import { fieldsCollection } from '../../../common/fields';
import { contactIdProperty } from '../../../common/properties';
import { skipcallContactFields } from './fields';
import { SKIPCALL_ID_PLACEHOLDER } from './get';

const show = { resource: ['contact'], operation: ['update'] };

export const contactUpdateDescription: INodeProperties[] = [
	contactIdProperty(show, 'ID of the contact to update', SKIPCALL_ID_PLACEHOLDER),
	fieldsCollection(skipcallContactFields, 'update', show),
];
