import { type IDataObject, type IHttpRequestOptions, NodeOperationError } from 'n8n-workflow';

import { defaultCountryOf } from '../input/contactBody';
import { type PhoneOptions, samePhoneNumber } from '../input/phone';
import { itemPrefix } from '../messages';
import type { ProviderProfile } from '../profile';
import { accountKeyOf, sendRequest } from '../sending/send';
import { ListProblem, readPages } from './pages';
import { idOf } from './records';
import type { Row } from '../engine/row';

/** One way to find the contact a row describes: search for it, keep exact matches. */
export interface LookupKey {
	/** What the user reads in messages: "email jane@example.com". */
	label: string;
	query: IDataObject;
	matches: (contact: IDataObject) => boolean;
	/** The provider itself keeps this key unique and refuses a second contact with it (profile.duplicateOnCreate). */
	unique?: boolean;
	/** The email or the number (E.164) the key finds a contact by: the account's index files contacts by them (contactIndex.ts). */
	email?: string;
	phone?: string;
}

/** How the row's numbers are read (Options › Default Country for Phone Numbers, the contact's country): the provider's numbers are read the same way. */
export type PhoneReading = Omit<PhoneOptions, 'minItems' | 'maxItems'>;

export interface LookupPlan {
	/** The search endpoint, relative to the base URL. */
	searchUrl: string;
	/** The records of a search answer; undefined when the answer holds no list the node can read. */
	records: (body: unknown) => IDataObject[] | undefined;
	/**
	 * How the search pages, for providers whose search matches loosely: the exact match may lie
	 * beyond the first page of loose hits, so every page is read (up to lookupLimits.maxPages).
	 */
	paging?: { pageParameter: string; firstPage: number; pageSize: number };
	/** Lookup keys in order (email first, then the first phone number), from the create body. */
	lookupKeys: (body: IDataObject, reading: PhoneReading) => LookupKey[];
	/** The contact's country in a create body, which the row's numbers were read with too. */
	contactCountry?: (body: IDataObject) => unknown;
}

/** The row's lookup keys, its numbers matched as the row's numbers were read. */
export function lookupKeysOf(context: Row, plan: LookupPlan, body: IDataObject): LookupKey[] {
	return plan.lookupKeys(body, { defaultCountry: defaultCountryOf(context), contactCountry: plan.contactCountry?.(body) });
}

/** The lookup key of an email, matched exactly, case aside. */
export function emailLookupKey(email: string, query: IDataObject, unique = false): LookupKey {
	return {
		label: `email ${email}`,
		query,
		email,
		matches: (contact: IDataObject) => String(contact.email ?? '').trim().toLowerCase() === email.toLowerCase(),
		...(unique ? { unique } : {}),
	};
}

/**
 * The lookup key of a number (E.164): a contact matches when one of its numbers (`numbersOf`)
 * reads as the same number, however the provider stores it ("(415) 555-0101").
 */
export function phoneLookupKey(phone: string, query: IDataObject, reading: PhoneReading, numbersOf: (contact: IDataObject) => unknown[], label = `phone ${phone}`, unique = false): LookupKey {
	return {
		label,
		query,
		phone,
		matches: (contact: IDataObject) => numbersOf(contact).some((stored) => samePhoneNumber(stored, phone, reading)),
		...(unique ? { unique } : {}),
	};
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

/**
 * The locks of the rows describing a contact, per account: `account` (accountOf) keeps two
 * credentials' rows apart, so that one account's slow search never holds another's rows.
 */
export function lockKeysOf(profile: ProviderProfile, keys: LookupKey[], account = ''): string[] {
	return keys.map((key) => `${profile.credentialType}|${account}|${key.label.toLowerCase()}`);
}

/** The account a row's requests go to: the credential's Base URL and secrets, hashed (as pacing's budgets). */
export async function accountOf(context: Row, profile: ProviderProfile): Promise<string> {
	return accountKeyOf(profile, await context.getCredentials(profile.credentialType));
}

/** Pages of loose hits read for one lookup key before the node gives up. Tests lower it. */
export const lookupLimits = { maxPages: 20 };

function lookupError(context: Row, message: string, description: string) {
	const itemIndex = context.getItemIndex();
	return new NodeOperationError(context.getNode(), `${itemPrefix(itemIndex)} ${message}`, { itemIndex, description });
}

/**
 * Every contact matching `key` exactly, from every page of the provider's search. An answer
 * without a readable list, a page repeated, or more pages than lookupLimits.maxPages fail
 * the row: an incomplete search must never pass for "no such contact" (it would create one).
 */
async function exactMatches(
	this: Row,
	profile: ProviderProfile,
	plan: LookupPlan,
	key: LookupKey,
	options: IHttpRequestOptions,
): Promise<IDataObject[]> {
	const { displayName } = profile;
	const nothingWritten = 'Nothing was created or updated: the node cannot tell whether the contact exists.';
	const matches: IDataObject[] = [];
	// The first page is asked as the provider's default page: a search that does not page is asked as before.
	const fetchPage = async (index: number) => {
		const qs = plan.paging && index > 0 ? { ...key.query, [plan.paging.pageParameter]: plan.paging.firstPage + index } : key.query;
		return (await sendRequest.call(this, profile, { ...options, method: 'GET', url: plan.searchUrl, qs, body: undefined })).body;
	};
	const visit = (records: IDataObject[]) => {
		matches.push(...records.filter(key.matches));
		return plan.paging !== undefined;
	};
	// readPages fails only with a ListProblem, or with sendRequest's NodeApiError or NodeOperationError.
	const error = await readPages(fetchPage, plan.records, visit, lookupLimits.maxPages).then(
		() => undefined,
		(failure: unknown) => failure,
	);
	if (error instanceof ListProblem) {
		if (error.kind === 'unreadable') {
			throw lookupError(this, `${displayName} answered the search for ${key.label} without a list of contacts`, `${nothingWritten} Check the Base URL and ${displayName}'s status, then run again.`);
		}
		if (error.kind === 'repeats') {
			throw lookupError(this, `${displayName} answered the search for ${key.label} with contacts it had already given: the server repeats its pages, so the node cannot read every match`, nothingWritten);
		}
		throw lookupError(
			this,
			`${displayName}'s search for ${key.label} found more than ${lookupLimits.maxPages * (plan.paging?.pageSize ?? 1)} loose matches, more than the node reads`,
			`${nothingWritten} Use Update with the Contact ID for this row.`,
		);
	}
	if (error !== undefined) throw error;
	return matches;
}

/**
 * Finds the one contact the row describes, trying each key in turn. Several matches for a key
 * is an error listing them: the node never guesses.
 */
export async function findExisting(
	this: Row,
	profile: ProviderProfile,
	plan: LookupPlan,
	keys: LookupKey[],
	options: IHttpRequestOptions,
): Promise<IDataObject | undefined> {
	for (const key of keys) {
		const found = oneMatch(this, profile, key, await exactMatches.call(this, profile, plan, key, options));
		if (found) return found;
	}
	return undefined;
}

/**
 * The one contact among the exact matches for `key`, undefined for none. Several is an error
 * listing them: the node never guesses. Shared by the search and the contact index (contactIndex.ts).
 */
export function oneMatch(
	context: Row,
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
