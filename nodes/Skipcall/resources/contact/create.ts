import { createProperties } from '../../../common/description/fields';
import { type ContactOperation, contactOperation } from '../../../common/description/operations';
import { buildContactBody } from '../../../common/input/contactBody';
import { sendContactRequest } from '../../../common/operations/single';
import { skipcallProfile } from '../../profile';
import { skipcallContactFields } from './fields';

const show = { resource: ['contact'], operation: ['create'] };

// Skipcall cannot search contacts: a create that may have gone through is not sent again.
export const create: ContactOperation = {
	...contactOperation({
		name: 'Create',
		value: 'create',
		action: 'Create a contact',
		description: 'Create a contact from a first name, a last name and one or more phone numbers (numbers without + are read with Options › Default Country for Phone Numbers); returns the created contact',
		request: { method: 'POST', url: '/contacts' },
		read: [buildContactBody(skipcallContactFields, 'create')],
		send: sendContactRequest(skipcallProfile),
	}),
	properties: createProperties(skipcallContactFields, show),
};
