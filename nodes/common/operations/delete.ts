import type {
	DeclarativeRestApiSettings,
	IExecutePaginationFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
} from 'n8n-workflow';

import type { ProviderProfile } from '../profile';
import { sendRequest } from '../sending/send';

/**
 * The Delete hook: the provider answers 204 (no body), so the row's output says what happened,
 * `{ deleted: true, id }` (interface.md), whatever the answer carried.
 */
export function deleteContact(profile: ProviderProfile) {
	return async function (
		this: IExecutePaginationFunctions,
		requestData: DeclarativeRestApiSettings.ResultOptions,
	): Promise<INodeExecutionData[]> {
		await sendRequest.call(this, profile, requestData.options as IHttpRequestOptions);
		// Already checked by the contactIdInUrl preSend, which put it in the URL.
		const id = String(this.getNodeParameter('contactId', '') ?? '').trim();
		return [{ json: { deleted: true, id }, pairedItem: { item: this.getItemIndex() } }];
	};
}
