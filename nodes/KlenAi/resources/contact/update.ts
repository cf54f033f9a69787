import { contactIdProperty, fieldsCollection } from '../../../common/description/fields';
import { type ContactOperation, contactOperation } from '../../../common/description/operations';
import { buildContactBody, contactIdInUrl } from '../../../common/input/contactBody';
import { sendContactRequest } from '../../../common/operations/single';
import { klenAiProfile } from '../../profile';
import { klenEndpoints } from './endpoints';
import { klenAiContactFields } from './fields';

const show = { resource: ['contact'], operation: ['update'] };

export const update: ContactOperation = {
	...contactOperation({
		name: 'Update',
		value: 'update',
		action: 'Update a contact',
		description: 'Change the given fields of the contact with this Contact ID, the others keep their values; returns the updated contact',
		request: { method: 'PATCH', url: klenEndpoints.update('{contactId}') },
		read: [contactIdInUrl({ integer: true }), buildContactBody(klenAiContactFields, 'update')],
		send: sendContactRequest(klenAiProfile),
	}),
	properties: [
		contactIdProperty(show, 'ID of the contact to update (a whole number)', '1234'),
		fieldsCollection(klenAiContactFields, 'update', show),
	],
};
