import { contactIdProperty } from '../../../common/description/fields';
import { type ContactOperation, contactOperation } from '../../../common/description/operations';
import { contactIdInUrl } from '../../../common/input/contactBody';
import { sendContactRequest } from '../../../common/operations/single';
import { klenAiProfile } from '../../profile';
import { klenEndpoints } from './endpoints';

export const get: ContactOperation = {
	...contactOperation({
		name: 'Get',
		value: 'get',
		action: 'Get a contact',
		description: 'Get one contact by its Contact ID (a whole number); returns the contact',
		request: { method: 'GET', url: klenEndpoints.one },
		read: [contactIdInUrl({ integer: true })],
		send: sendContactRequest(klenAiProfile),
	}),
	properties: [contactIdProperty({ resource: ['contact'], operation: ['get'] }, 'ID of the contact to get (a whole number)', '1234')],
};
