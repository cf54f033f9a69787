import { type ContactOperation, contactOperation } from '../../../common/description/operations';
import { upsertContact } from '../../../common/operations/upsert';
import { namingRefusedFields } from '../../../common/sending/errorField';
import { skodeProfile } from '../../profile';
import { createBody } from './create';
import { skodeEndpoints } from './endpoints';
import { skodeUpsertPlan } from './lookup';

export const upsert: ContactOperation = {
	option: contactOperation({
		name: 'Create or Update',
		value: 'upsert',
		action: 'Create or update a contact',
		description: 'Create a new record, or update the current one if it already exists (upsert)',
		request: { method: 'POST', url: skodeEndpoints.create },
		preSend: [createBody],
		send: namingRefusedFields(upsertContact(skodeProfile, skodeUpsertPlan)),
	}),
	// The fields are Create's (create.ts shows them for both operations).
	properties: [
		{
			displayName:
				'Creates the contact; if Skode AI already has one with this email, updates it with these fields. A row without an email is found by its phone: one match is updated, none is created, several is an error.',
			name: 'upsertNotice',
			type: 'notice',
			default: '',
			displayOptions: { show: { resource: ['contact'], operation: ['upsert'] } },
		},
	],
};
