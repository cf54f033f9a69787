import { type ContactOperation, contactOperation } from '../../../common/description/operations';
import { upsertContact } from '../../../common/operations/upsert';
import { klenAiProfile } from '../../profile';
import { createBody } from './create';
import { klenEndpoints } from './endpoints';
import { klenAiUpsertPlan } from './lookup';

export const upsert: ContactOperation = {
	option: contactOperation({
		name: 'Create or Update',
		value: 'upsert',
		action: 'Create or update a contact',
		description: 'Create a new record, or update the current one if it already exists (upsert)',
		request: { method: 'POST', url: klenEndpoints.create },
		preSend: [createBody],
		send: upsertContact(klenAiProfile, klenAiUpsertPlan),
	}),
	// The fields are Create's (create.ts shows them for both operations).
	properties: [
		{
			displayName:
				'Finds the contact by email, then by its first phone number: one match is updated with these fields, none is created, several is an error',
			name: 'upsertNotice',
			type: 'notice',
			default: '',
			displayOptions: { show: { resource: ['contact'], operation: ['upsert'] } },
		},
	],
};
