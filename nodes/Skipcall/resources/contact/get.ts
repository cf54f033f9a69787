import { contactIdProperty } from '../../../common/description/fields';
import { type ContactOperation, contactOperation } from '../../../common/description/operations';
import { contactIdInUrl } from '../../../common/input/contactBody';
import { sendContactRequest } from '../../../common/operations/single';
import { skipcallProfile } from '../../profile';

export const SKIPCALL_ID_PLACEHOLDER = 'e.g. 550e8400-e29b-41d4-a716-446655440000';

export const get: ContactOperation = {
	...contactOperation({
		name: 'Get',
		value: 'get',
		action: 'Get a contact',
		description: 'Get one contact by its Contact ID; returns the contact',
		request: { method: 'GET', url: '/contacts/{contactId}' },
		read: [contactIdInUrl()],
		send: sendContactRequest(skipcallProfile),
	}),
	properties: [
		contactIdProperty(
			{ resource: ['contact'], operation: ['get'] },
			'ID of the contact to get. Skipcall answers "not found" for contacts outside the API key’s workspaces.',
			SKIPCALL_ID_PLACEHOLDER,
		),
	],
};
