import { type IDataObject, type IHttpRequestOptions, type INodeExecutionData, NodeOperationError } from 'n8n-workflow';

import type { Row } from '../engine/row';
import { MAY_HAVE_BEEN_CREATED, itemPrefix } from '../messages';
import type { ProviderProfile } from '../profile';
import { sendRequest } from '../sending/send';
import { idOf } from './records';

/**
 * One request per row and its output items: the hook of Get, Update, and plain Create where
 * the provider cannot search, and the items every operation builds from an answer.
 */

/**
 * The output items of one input row, the one way every operation builds them: an object
 * answer is one item, an array one item per element (Get Many: a single contact's answer
 * goes through contactItems), and an answer without a body (204) says it succeeded. `extra`
 * is added to each (Create or Update's result). The engine pairs them with their row.
 */
export function answerItems(body: unknown, extra: IDataObject = {}): INodeExecutionData[] {
	if (Array.isArray(body)) return body.map((json) => ({ json: { ...(json as IDataObject), ...extra } }));
	if (body && typeof body === 'object') return [{ json: { ...(body as IDataObject), ...extra } }];
	return [{ json: { success: true, ...extra } }];
}

/**
 * The output item of a row whose answer is one contact (Get, Create, Update, Create or
 * Update). A list there breaks "one row, one item": `[]` would drop the row and `[a, b]` give
 * it two, and the node cannot tell which contact is the row's; so it fails the row. A write
 * so answered says it may have gone through.
 */
export function contactItems(
	context: Row,
	profile: ProviderProfile,
	body: unknown,
	extra: IDataObject = {},
	write?: 'created' | 'updated',
): INodeExecutionData[] {
	if (!Array.isArray(body)) return answerItems(body, extra);
	const itemIndex = context.getItemIndex();
	const what = body.length === 0 ? 'an empty list' : `a list of ${body.length}`;
	const outcome = write === 'created' ? MAY_HAVE_BEEN_CREATED : write === 'updated' ? ': the contact may have been updated' : '';
	throw new NodeOperationError(
		context.getNode(),
		`${itemPrefix(itemIndex)} ${profile.displayName} answered with ${what} where one contact was expected, so the node cannot tell which is this row's${outcome}`,
		{
			itemIndex,
			description: `Check the Base URL in the ${profile.displayName} credential${write ? `, and in ${profile.displayName} whether the contact was written,` : ''} before running this row again.`,
		},
	);
}

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

/**
 * The hook of operations that send one request per row and output its contact; `envelope`:
 * the contact may come under `data` or `contact` (contactFrom).
 */
export function sendContactRequest(profile: ProviderProfile, { envelope = false } = {}) {
	return async function (this: Row, request: IHttpRequestOptions): Promise<INodeExecutionData[]> {
		const answer = await sendRequest.call(this, profile, request);
		const method = String(request.method ?? 'GET').toUpperCase();
		const body = envelope ? contactFrom(answer.body) : answer.body;
		return contactItems(this, profile, body, {}, method === 'POST' ? 'created' : method === 'GET' ? undefined : 'updated');
	};
}
