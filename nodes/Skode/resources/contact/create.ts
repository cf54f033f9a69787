import { createProperties } from '../../../common/description/fields';
import { type ContactOperation, contactOperation } from '../../../common/description/operations';
import { buildContactBody } from '../../../common/input/contactBody';
import { createContact } from '../../../common/operations/create';
import { skodeProfile } from '../../profile';
import { skodeEndpoints } from './endpoints';
import { skodeContactFields } from './fields';
import { skodeUpsertPlan } from './lookup';

// Create or Update takes the same fields as Create.
const show = { resource: ['contact'], operation: ['create', 'upsert'] };

export const createBody = buildContactBody(skodeContactFields, 'create');

export const create: ContactOperation = {
	...contactOperation({
		name: 'Create',
		value: 'create',
		action: 'Create a contact',
		description: 'Create a contact from a name and an email or a phone; an email Skode AI already has is refused, naming that contact; returns the created contact',
		request: { method: 'POST', url: skodeEndpoints.create },
		read: [createBody],
		send: createContact(skodeProfile, skodeUpsertPlan),
	}),
	properties: createProperties(skodeContactFields, show),
};
