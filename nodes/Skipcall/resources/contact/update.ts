import { contactIdProperty, fieldsCollection } from '../../../common/description/fields';
import { type ContactOperation, contactOperation } from '../../../common/description/operations';
import { buildContactBody, contactIdInUrl } from '../../../common/input/contactBody';
import { sendContactRequest } from '../../../common/operations/single';
import { skipcallProfile } from '../../profile';
import { skipcallContactFields } from './fields';
import { SKIPCALL_ID_PLACEHOLDER } from './get';

const show = { resource: ['contact'], operation: ['update'] };

export const update: ContactOperation = {
	...contactOperation({
		name: 'Update',
		value: 'update',
		action: 'Update a contact',
		description: 'Change the given fields of the contact with this Contact ID, the others keep their values; returns the updated contact',
		request: { method: 'PATCH', url: '/contacts/{contactId}' },
		read: [contactIdInUrl(), buildContactBody(skipcallContactFields, 'update')],
		send: sendContactRequest(skipcallProfile),
	}),
	properties: [
		contactIdProperty(show, 'ID of the contact to update', SKIPCALL_ID_PLACEHOLDER),
		fieldsCollection(skipcallContactFields, 'update', show),
	],
};
