import { type IDataObject, type IHttpRequestOptions, type JsonObject, NodeApiError } from 'n8n-workflow';

import { itemPrefix } from '../../../common/messages';
import { findExisting } from '../../../common/operations/lookup';
import { idOf } from '../../../common/operations/records';
import { serverReason } from '../../../common/sending/apiErrors';
import { tetherProfile } from '../../profile';
import { phoneKey, tetherLookup } from './lookup';
import type { Row } from '../../../common/engine/row';

/**
 * Tether refuses a number another contact of the organisation has. Its status is not
 * documented: 409, or 400 with an error saying so; the body's message names the number and
 * usually the contact (`Phone number +1… already exists for contact <id>`, with `contactId`).
 */
export interface TetherDuplicate {
	status: string;
	number?: string;
	contactId?: string;
	/** The answer's body, secrets already removed (common/sending/apiErrors.ts). */
	body: IDataObject;
}

/** The refusal, if `error` (from sendRequest) is Tether saying a number is taken. */
export function tetherDuplicate(error: unknown): TetherDuplicate | undefined {
	const { httpCode, errorResponse } = (error ?? {}) as { httpCode?: unknown; errorResponse?: unknown };
	const status = String(httpCode);
	if (status !== '409' && status !== '400') return undefined;
	const body = (errorResponse && typeof errorResponse === 'object' ? errorResponse : {}) as IDataObject;
	const message = typeof body.message === 'string' ? body.message : '';
	if (status === '400' && !/duplicate|already exists/i.test(`${String(body.error ?? '')} ${message}`)) return undefined;
	const named = typeof body.contactId === 'string' && body.contactId.trim() !== '' ? body.contactId.trim() : undefined;
	return {
		status,
		number: /\+\d{7,15}/.exec(message)?.[0],
		contactId: named ?? /\bcontact ([0-9a-z_-]{6,})\b/i.exec(message)?.[1],
		body,
	};
}

/** The contact holding the refused number: named by Tether, else found by searching for the number. */
export async function holderOf(
	this: Row,
	duplicate: TetherDuplicate,
	options: IHttpRequestOptions,
): Promise<string | undefined> {
	if (duplicate.contactId !== undefined || duplicate.number === undefined) return duplicate.contactId;
	const found = await findExisting.call(this, tetherProfile, tetherLookup, [phoneKey(duplicate.number)], options);
	return found ? idOf(found) : undefined;
}

/** The row's error for a refused number: names the number and its contact, and how to go on. */
export function duplicateError(
	this: Row,
	duplicate: TetherDuplicate,
	holderId: string | undefined,
	notDone: 'not created' | 'not updated',
): NodeApiError {
	const itemIndex = this.getItemIndex();
	const number = duplicate.number ?? 'a number of this row';
	const holder = holderId !== undefined ? `Tether contact ${holderId}` : 'another Tether contact';
	const reason = serverReason(duplicate.body);
	const fix =
		notDone === 'not created'
			? `Use Create or Update to update that contact${holderId !== undefined ? `, or Update with Contact ID ${holderId}` : ''}.`
			: 'Remove the number from this row, or from the other contact first.';
	return new NodeApiError(this.getNode(), duplicate.body as JsonObject, {
		message: `${itemPrefix(itemIndex)} Phone number ${number} already belongs to ${holder} (${duplicate.status})${reason && duplicate.number === undefined ? `: ${reason}` : ''}. ${fix}`,
		description: 'Tether keeps each phone number on one contact of the organisation.',
		httpCode: duplicate.status,
		itemIndex,
	});
}
