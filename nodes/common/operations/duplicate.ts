import { type IHttpRequestOptions, type INode, type JsonObject, NodeApiError } from 'n8n-workflow';

import { itemPrefix } from '../messages';
import type { ProviderProfile } from '../profile';
import { serverReason } from '../sending/apiErrors';
import { type LookupKey, type LookupPlan, findExisting } from './lookup';
import { idOf } from './records';
import type { Row } from '../engine/row';

/**
 * A create the provider refused because the contact exists (profile.duplicateOnCreate, Skode's
 * 409 for an email it has). Where the answer names that contact is not documented: the id is
 * read from the usual fields, at the top or under `contact`, `existing`, `data` or `error`.
 */
export interface DuplicateRefusal {
	existingId?: string;
	/** The answer's body, secrets already removed (apiErrors.ts). */
	body: unknown;
}

const ID_FIELDS = ['contact_id', 'existing_id', 'existing_contact_id', 'contactId', 'existingId', 'existingContactId', 'id', '_id'];
const NESTED_FIELDS = ['contact', 'existing', 'existing_contact', 'data', 'error'];

export function existingIdIn(body: unknown, depth = 0): string | undefined {
	if (!body || typeof body !== 'object' || Array.isArray(body) || depth > 2) return undefined;
	const record = body as Record<string, unknown>;
	for (const field of ID_FIELDS) {
		const value = record[field];
		if ((typeof value === 'string' && value.trim() !== '') || typeof value === 'number') return String(value).trim();
	}
	for (const field of NESTED_FIELDS) {
		const found = existingIdIn(record[field], depth + 1);
		if (found !== undefined) return found;
	}
	return undefined;
}

/** The refusal, if `error` (from sendRequest) is the provider saying the contact exists. */
export function duplicateRefusal(profile: ProviderProfile, error: unknown): DuplicateRefusal | undefined {
	const status = profile.duplicateOnCreate?.status;
	if (status === undefined || !error || typeof error !== 'object') return undefined;
	// NodeApiError keeps the answer's body as `errorResponse` (n8n-workflow's ExecutionBaseError, both lines).
	const { httpCode, errorResponse } = error as { httpCode?: unknown; errorResponse?: unknown };
	if (String(httpCode) !== String(status)) return undefined;
	return { existingId: existingIdIn(errorResponse), body: errorResponse };
}

/** The existing contact's id: named in the refusal, or else found by the key the provider keeps unique. */
export async function existingContactId(
	this: Row,
	profile: ProviderProfile,
	plan: LookupPlan,
	key: LookupKey,
	refusal: DuplicateRefusal,
	options: IHttpRequestOptions,
): Promise<string | undefined> {
	if (refusal.existingId !== undefined) return refusal.existingId;
	const found = await findExisting.call(this, profile, plan, [key], options);
	return found ? idOf(found) : undefined;
}

function refusalError(node: INode, profile: ProviderProfile, itemIndex: number, refusal: DuplicateRefusal, message: string, description: string) {
	const body = refusal.body && typeof refusal.body === 'object' ? (refusal.body as JsonObject) : { body: String(refusal.body ?? '') };
	return new NodeApiError(node, body, {
		message: `${itemPrefix(itemIndex)} ${message}`,
		description,
		httpCode: String(profile.duplicateOnCreate?.status),
		itemIndex,
	});
}

/** Create's error for a contact that exists: names it and points to Create or Update. */
export function alreadyExistsError(
	node: INode,
	profile: ProviderProfile,
	itemIndex: number,
	key: LookupKey,
	existingId: string | undefined,
	refusal: DuplicateRefusal,
): NodeApiError {
	const reason = serverReason(refusal.body);
	const named = existingId !== undefined ? ` (ID ${existingId})` : '';
	const update = existingId !== undefined ? `, or Update with Contact ID ${existingId}` : '';
	return refusalError(
		node,
		profile,
		itemIndex,
		refusal,
		`${profile.displayName} already has a contact with ${key.label}${named} (${profile.duplicateOnCreate?.status})${reason ? `: ${reason}` : ''}. Not created: use Create or Update to update that contact${update}.`,
		`${profile.displayName} refuses a second contact with the same ${key.label}. Create or Update updates the existing contact instead of creating one.`,
	);
}

/** Create or Update's error when the provider says the contact exists but the key finds none. */
export function existingNotFoundError(node: INode, profile: ProviderProfile, itemIndex: number, key: LookupKey, refusal: DuplicateRefusal): NodeApiError {
	return refusalError(
		node,
		profile,
		itemIndex,
		refusal,
		`${profile.displayName} says a contact with ${key.label} exists (${profile.duplicateOnCreate?.status}), but searching for it finds none: not updated. Find the contact in ${profile.displayName} and use Update with its Contact ID.`,
		`${profile.displayName} named no contact ID in its answer, and no contact found by the search matched ${key.label} exactly.`,
	);
}
