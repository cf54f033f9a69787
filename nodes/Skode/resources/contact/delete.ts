import type { IHttpRequestOptions, INodeExecutionData } from 'n8n-workflow';

import { contactIdProperty } from '../../../common/description/fields';
import { type ContactOperation, contactOperation } from '../../../common/description/operations';
import type { Row } from '../../../common/engine/row';
import { contactIdInUrl } from '../../../common/input/contactBody';
import { answerItems } from '../../../common/operations/single';
import type { ProviderProfile } from '../../../common/profile';
import { isDryRunBody } from '../../../common/sending/dryRun';
import { sendRequest } from '../../../common/sending/send';
import { skodeProfile } from '../../profile';
import { skodeEndpoints } from './endpoints';
import { SKODE_ID_PLACEHOLDER } from './get';

/**
 * The Delete hook: the provider answers 204 (no body), so the row's output says what happened,
 * `{ deleted: true, id }` (interface.md), whatever the answer carried; a dry run, the
 * request it would send.
 */
function deleteContact(profile: ProviderProfile) {
	return async function (
		this: Row,
		request: IHttpRequestOptions,
	): Promise<INodeExecutionData[]> {
		const answer = await sendRequest.call(this, profile, request);
		// A dry run outputs the request it did not send (sending/dryRun.ts).
		if (isDryRunBody(answer.body)) return answerItems(answer.body);
		// Already checked by the contactIdInUrl preSend, which put it in the URL.
		const id = String(this.getNodeParameter('contactId', '') ?? '').trim();
		return [{ json: { deleted: true, id } }];
	};
}

export const deleteOperation: ContactOperation = {
	...contactOperation({
		name: 'Delete',
		value: 'delete',
		action: 'Delete a contact',
		description: 'Delete the contact with this Contact ID (recoverable from Skode AI’s trash for 30 days); returns deleted: true and the contact’s ID',
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
