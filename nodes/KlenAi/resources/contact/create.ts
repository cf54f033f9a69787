import type { INodeProperties } from 'n8n-workflow';

import { fieldsCollection, requiredFieldProperties } from '../../../common/fields';
import { klenAiContactFields } from './fields';

// Create or Update takes the same fields as Create.
const show = { resource: ['contact'], operation: ['create', 'upsert'] };

export const contactCreateDescription: INodeProperties[] = [
	...requiredFieldProperties(klenAiContactFields, show),
	fieldsCollection(klenAiContactFields, 'create', show),
];
