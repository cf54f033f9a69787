import { type IDataObject, type IExecutePaginationFunctions, type IHttpRequestOptions, NodeOperationError } from 'n8n-workflow';

import { itemPrefix } from '../messages';
import type { ProviderProfile } from '../profile';
import { sendRequest } from '../sending/send';
import { idOf } from './records';

/** One way to find the contact a row describes: search for it, keep exact matches. */
export interface LookupKey {
	/** What the user reads in messages: "email jane@example.com". */
	label: string;
	query: IDataObject;
	matches: (contact: IDataObject) => boolean;
	/** The provider itself keeps this key unique and refuses a second contact with it (profile.duplicateOnCreate). */
	unique?: boolean;
}

export interface LookupPlan {
	/** The search endpoint, relative to the base URL. */
	searchUrl: string;
	records: (body: unknown) => IDataObject[];
	/** Lookup keys in order (email first, then the first phone number), from the create body. */
	lookupKeys: (body: IDataObject) => LookupKey[];
}

const inFlight = new Map<string, Promise<unknown>>();

/**
 * Rows of one run that describe the same contact (same email or phone) are handled one after
 * the other: run side by side, both would find nothing and both would create it.
 */
export async function oneAtATime<T>(lockKeys: string[], work: () => Promise<T>): Promise<T> {
	const before = lockKeys.map((key) => inFlight.get(key)).filter(Boolean);
	const result = Promise.allSettled(before).then(work);
	const settled = result.catch(() => undefined);
	for (const key of lockKeys) inFlight.set(key, settled);
	void settled.then(() => {
		for (const key of lockKeys) if (inFlight.get(key) === settled) inFlight.delete(key);
	});
	return await result;
}

export function lockKeysOf(profile: ProviderProfile, keys: LookupKey[]): string[] {
	return keys.map((key) => `${profile.credentialType}|${key.label.toLowerCase()}`);
}

/**
 * Finds the one contact the row describes, trying each key in turn. Several matches for a key
 * is an error listing them: the node never guesses.
 */
export async function findExisting(
	this: IExecutePaginationFunctions,
	profile: ProviderProfile,
	plan: LookupPlan,
	keys: LookupKey[],
	options: IHttpRequestOptions,
): Promise<IDataObject | undefined> {
	for (const key of keys) {
		const answer = await sendRequest.call(this, profile, { ...options, method: 'GET', url: plan.searchUrl, qs: key.query, body: undefined });
		const found = oneMatch(this, profile, key, plan.records(answer.body).filter(key.matches));
		if (found) return found;
	}
	return undefined;
}

/**
 * The one contact among the exact matches for `key`, undefined for none. Several is an error
 * listing them: the node never guesses. Shared by the search and the contact index (contactIndex.ts).
 */
export function oneMatch(
	context: IExecutePaginationFunctions,
	profile: ProviderProfile,
	key: LookupKey,
	matches: IDataObject[],
): IDataObject | undefined {
	const itemIndex = context.getItemIndex();
	const ids = [...new Set(matches.map(idOf))];
	if (ids.length > 1) {
		throw new NodeOperationError(
			context.getNode(),
			`${itemPrefix(itemIndex)} ${ids.length} ${profile.displayName} contacts match ${key.label} (IDs ${ids.join(', ')}): not updating any. Merge or delete the duplicates, or use Update with the Contact ID.`,
			{ itemIndex, description: 'Create or Update only updates a contact when exactly one matches.' },
		);
	}
	return ids.length === 1 ? matches[0] : undefined;
}
