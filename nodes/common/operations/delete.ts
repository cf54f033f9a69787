import type { IHttpRequestOptions, INodeExecutionData } from 'n8n-workflow';

import type { ProviderProfile } from '../profile';
import { isDryRunBody } from '../sending/dryRun';
import { sendRequest } from '../sending/send';
import { answerItems } from './items';
import type { Row } from '../engine/row';

/**
 * The Delete hook: the provider answers 204 (no body), so the row's output says what happened,
 * `{ deleted: true, id }` (interface.md), whatever the answer carried; a dry run, the
 * request it would send.
 */
export function deleteContact(profile: ProviderProfile) {
	return async function (
		this: Row,
		request: IHttpRequestOptions,
	): Promise<INodeExecutionData[]> {
		const answer = await sendRequest.call(this, profile, request);
		// A dry run outputs the request it did not send (sending/dryRun.ts).
		if (isDryRunBody(answer.body)) return answerItems(answer.body, this.getItemIndex());
		// Already checked by the contactIdInUrl preSend, which put it in the URL.
		const id = String(this.getNodeParameter('contactId', '') ?? '').trim();
		return [{ json: { deleted: true, id }, pairedItem: { item: this.getItemIndex() } }];
	};
}
