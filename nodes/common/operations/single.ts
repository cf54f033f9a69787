import type { IHttpRequestOptions, INodeExecutionData } from 'n8n-workflow';

import type { ProviderProfile } from '../profile';
import { sendRequest } from '../sending/send';
import { contactItems } from './items';
import type { Row } from '../engine/row';

/**
 * The hook of operations that send one request per row (Get, Update, plain Create where the
 * provider cannot search). n8n's RoutingNode hands a request to `routing.operations.pagination`
 * when the operation sets `send.paginate`: the declarative hook that decides how a request is
 * sent. Every operation of our nodes goes through one, so pacing, retries and error mapping
 * apply to all.
 */
export function sendContactRequest(profile: ProviderProfile) {
	return async function (
		this: Row,
		request: IHttpRequestOptions,
	): Promise<INodeExecutionData[]> {
		const options = request;
		const answer = await sendRequest.call(this, profile, options);
		const method = String(options.method ?? 'GET').toUpperCase();
		return contactItems(this, profile, answer.body, {}, method === 'POST' ? 'created' : method === 'GET' ? undefined : 'updated');
	};
}
