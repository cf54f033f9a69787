import { type ContactOperation, contactOperation } from '../../../common/description/operations';
import { requireLookupKey, upsertContact } from '../../../common/operations/upsert';
import { skodeProfile } from '../../profile';
import { createBody } from './create';
import { skodeListing } from './listing';
import { skodeEndpoints } from './endpoints';
import { skodeUpsertPlan } from './lookup';

export const upsert: ContactOperation = {
	...contactOperation({
		name: 'Create or Update',
		value: 'upsert',
		action: 'Create or update a contact',
		description: 'Create a new record, or update the current one if it already exists (upsert)',
		request: { method: 'POST', url: skodeEndpoints.create },
		read: [createBody, requireLookupKey(skodeUpsertPlan)],
		send: upsertContact(skodeProfile, skodeUpsertPlan, skodeListing),
	}),
	// The fields are Create's (create.ts shows them for both operations); the notice is shown
	// above them (common/description/operations.ts puts notices first).
	properties: [
		{
			displayName:
				'Creates the contact; when Skode AI already has one with this Email, updates that one with these fields. A row without an Email is found by its Phone: one match is updated, none is created, several is an error. Each row needs an Email or a Phone.',
			name: 'upsertNotice',
			type: 'notice',
			default: '',
			displayOptions: { show: { resource: ['contact'], operation: ['upsert'] } },
		},
	],
};
