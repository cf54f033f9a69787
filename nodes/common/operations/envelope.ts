import type { IDataObject, IHttpRequestOptions, INodeExecutionData } from 'n8n-workflow';

import type { ProviderProfile } from '../profile';
import { sendRequest } from '../sending/send';
import { answerItems } from './items';
import { idOf } from './records';
import type { Row } from '../engine/row';

const ENVELOPE_KEYS = ['data', 'contact'];

/**
 * The contact in a single-contact answer whose envelope is not documented (Skode's): the
 * answer itself when it has an id, else the object under `data` or `contact` that has one.
 * Anything else is kept as it came.
 */
export function contactFrom(body: unknown): unknown {
	if (!body || typeof body !== 'object' || Array.isArray(body) || idOf(body) !== undefined) return body;
	for (const key of ENVELOPE_KEYS) {
		const inner = (body as IDataObject)[key];
		if (inner && typeof inner === 'object' && !Array.isArray(inner) && idOf(inner) !== undefined) return inner;
	}
	return body;
}

/** The one-request hook (common/operations/single.ts) for answers that may come in an envelope: outputs the contact. */
export function sendEnvelopedContactRequest(profile: ProviderProfile) {
	return async function (
		this: Row,
		request: IHttpRequestOptions,
	): Promise<INodeExecutionData[]> {
		const answer = await sendRequest.call(this, profile, request);
		return answerItems(contactFrom(answer.body), this.getItemIndex());
	};
}
