import { contactIdProperty } from '../../../common/description/fields';
import { type ContactOperation, contactOperation } from '../../../common/description/operations';
import { contactIdInUrl } from '../../../common/input/contactBody';
import { sendContactRequest } from '../../../common/operations/single';
import { skodeProfile } from '../../profile';
import { skodeEndpoints } from './endpoints';

/** Skode's ids look like its docs' example. */
export const SKODE_ID_PLACEHOLDER = 'e.g. contact_xyz789';

export const get: ContactOperation = {
	...contactOperation({
		name: 'Get',
		value: 'get',
		action: 'Get a contact',
		description: 'Get one contact by its Contact ID, with its deals, recent activities and tags; returns the contact',
		request: { method: 'GET', url: skodeEndpoints.one },
		read: [contactIdInUrl()],
		send: sendContactRequest(skodeProfile, { envelope: true }),
	}),
	properties: [contactIdProperty({ resource: ['contact'], operation: ['get'] }, 'ID of the contact to get', SKODE_ID_PLACEHOLDER)],
};
