import type { INodeProperties } from 'n8n-workflow';

import { fieldsCollection } from '../../../common/fields';
import { contactIdProperty } from '../../../common/properties';
import { klenAiContactFields } from './fields';

const show = { resource: ['contact'], operation: ['update'] };

export const contactUpdateDescription: INodeProperties[] = [
	contactIdProperty(show, 'ID of the contact to update (a whole number)', '1234'),
	fieldsCollection(klenAiContactFields, 'update', show),
];
