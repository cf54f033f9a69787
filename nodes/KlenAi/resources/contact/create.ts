import { createProperties } from '../../../common/description/fields';
import { type ContactOperation, contactOperation } from '../../../common/description/operations';
import { buildContactBody } from '../../../common/input/contactBody';
import { createContact } from '../../../common/operations/create';
import { klenAiProfile } from '../../profile';
import { klenEndpoints } from './endpoints';
import { klenAiContactFields } from './fields';
import { klenAiUpsertPlan } from './lookup';

// Create or Update takes the same fields as Create.
const show = { resource: ['contact'], operation: ['create', 'upsert'] };

export const createBody = buildContactBody(klenAiContactFields, 'create');

export const create: ContactOperation = {
	...contactOperation({
		name: 'Create',
		value: 'create',
		action: 'Create a contact',
		description: 'Create a contact from a first name and any other fields given (email, phone numbers, company…); returns the created contact',
		request: { method: 'POST', url: klenEndpoints.create },
		read: [createBody],
		send: createContact(klenAiProfile, klenAiUpsertPlan),
	}),
	properties: createProperties(klenAiContactFields, show),
};
