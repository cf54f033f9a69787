import { contactIdProperty } from '../../../common/description/contactId';
import { type ContactOperation, contactOperation } from '../../../common/description/operations';
import { contactIdInUrl } from '../../../common/input/contactBody';
import { deleteContact } from '../../../common/operations/delete';
import { skodeProfile } from '../../profile';
import { skodeEndpoints } from './endpoints';
import { SKODE_ID_PLACEHOLDER } from './get';

export const deleteOperation: ContactOperation = {
	...contactOperation({
		name: 'Delete',
		value: 'delete',
		action: 'Delete a contact',
		description: 'Delete a contact (recoverable from Skode AI’s trash for 30 days)',
		request: { method: 'DELETE', url: skodeEndpoints.one },
		read: [contactIdInUrl()],
		send: deleteContact(skodeProfile),
	}),
	properties: [
		contactIdProperty(
			{ resource: ['contact'], operation: ['delete'] },
			'ID of the contact to delete. Its deals and conversations stay, showing the contact as removed; Skode AI keeps it in the trash for 30 days.',
			SKODE_ID_PLACEHOLDER,
		),
	],
};
