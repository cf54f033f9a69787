import type { INodeProperties } from 'n8n-workflow';

import { fieldsCollection, requiredFieldProperties } from '../../../common/fields';
import { skipcallContactFields } from './fields';

const show = { resource: ['contact'], operation: ['create'] };

export const contactCreateDescription: INodeProperties[] = [
	...requiredFieldProperties(skipcallContactFields, show),
	fieldsCollection(skipcallContactFields, 'create', show),
];
