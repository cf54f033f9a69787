import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import { nationalDigits } from '../input/phone';
import type { ProviderProfile } from '../profile';
import { sendRequest } from '../sending/send';
import type { LookupKey } from './lookup';
import { listTotals } from './pages';
import { accountOf } from './lookup';
import { idOf } from './records';
import type { Row } from '../engine/row';

/**
 * Create or Update's index: the account's contacts, read once per run of the node (per
 * credential), that rows are matched against instead of a search each. Worth it when the
 * account takes fewer pages to read than the run has rows: the first page's totals tell, and
 * otherwise every row is searched as before (contactIndexOf). Rows created or updated during
 * the run are put in it (upsert.ts), so that a later row describing the same person finds
 * them as its search would.
 *
 * Matching stays each lookup key's own `matches` (exact email, case aside; exact phone): the
 * index only narrows the contacts to try, by tokens that every contact a key matches is sure
 * to share with it (contactTokens, ContactListing.keyTokens).
 */

/** How a provider lists its contacts, for the index. */
export interface ContactListing {
	/** The list endpoint, relative to the API root. */
	url: string;
	pageParameter: string;
	sizeParameter: string;
	firstPage: number;
	/** The most contacts a page may hold: the size asked for. */
	pageSize: number;
	/** A page's contacts, strictly: undefined for an answer without the list (never an empty account). */
	records: (body: unknown) => IDataObject[] | undefined;
}

/** Limits that keep the index worth it and its memory bounded. Tests lower them. */
export const indexLimits = { maxContacts: 50_000 };

/**
 * The list in a page under one of `keys` (or the page itself, with `bare`), strictly: an
 * answer holding none is unreadable, never an empty account.
 */
export function contactsUnder(keys: string[], bare = false) {
	return (body: unknown): IDataObject[] | undefined => {
		if (Array.isArray(body)) return bare ? (body as IDataObject[]) : undefined;
		if (!body || typeof body !== 'object') return undefined;
		for (const key of keys) {
			const value = (body as IDataObject)[key];
			if (Array.isArray(value)) return value as IDataObject[];
		}
		return undefined;
	};
}

const digitsOf = (text: string) => text.replace(/\D/g, '');
const emailToken = (email: string) => `email:${email.trim().toLowerCase()}`;

/**
 * The tokens a number held by a contact is filed under: its digits, and its digits without
 * leading zeros (a national "06 12…", an international "0033 6 12…"). A key's number (E.164)
 * is looked up by its digits, its national digits, and those without leading zeros (keyTokens):
 * however the contact's number is written, the two share a token, and the key's own `matches`
 * then reads the number to decide.
 */
function phoneTokens(text: string): string[] {
	const digits = digitsOf(text);
	return [`phone:${digits}`, `phone:${digits.replace(/^0+/, '')}`];
}

function keyTokens(key: LookupKey): string[] {
	if (key.email !== undefined) return [emailToken(key.email)];
	if (key.phone === undefined) return [];
	const national = nationalDigits(key.phone);
	return [...new Set([`phone:${digitsOf(key.phone)}`, `phone:${national}`, `phone:${national.replace(/^0+/, '')}`])];
}

/**
 * Every token a contact could be found by: each text (or number) among its fields, their
 * lists and the objects in them, as an email if it holds an @, as a phone if it holds 5
 * digits or more. More than any key needs (dates and ids give tokens too): enough that a
 * contact a key matches always shares the key's token.
 */
export function contactTokens(contact: IDataObject): Set<string> {
	const tokens = new Set<string>();
	const walk = (value: unknown, depth: number) => {
		if (typeof value === 'number') value = String(value);
		if (typeof value === 'string') {
			if (value.length > 320) return;
			if (value.includes('@')) tokens.add(emailToken(value));
			if (digitsOf(value).length >= 5) for (const token of phoneTokens(value)) tokens.add(token);
		} else if (value && typeof value === 'object' && depth < 4) {
			for (const entry of Array.isArray(value) ? value : Object.values(value)) walk(entry, depth + 1);
		}
	};
	walk(contact, 0);
	return tokens;
}

/** The contacts of an account, filed by token. */
export class ContactIndex {
	private readonly byToken = new Map<string, Set<IDataObject>>();
	private readonly tokensOf = new WeakMap<IDataObject, Set<string>>();
	private readonly byId = new Map<string, IDataObject>();

	constructor(readonly listing: ContactListing) {}

	get size(): number {
		return this.byId.size;
	}

	add(contact: IDataObject): void {
		const id = idOf(contact);
		const previous = id === undefined ? undefined : this.byId.get(id);
		if (previous) this.remove(previous);
		if (id !== undefined) this.byId.set(id, contact);
		const tokens = contactTokens(contact);
		this.tokensOf.set(contact, tokens);
		for (const token of tokens) {
			let holders = this.byToken.get(token);
			if (!holders) this.byToken.set(token, (holders = new Set()));
			holders.add(contact);
		}
	}

	remove(contact: IDataObject): void {
		const id = idOf(contact);
		if (id !== undefined && this.byId.get(id) === contact) this.byId.delete(id);
		for (const token of this.tokensOf.get(contact) ?? []) this.byToken.get(token)?.delete(contact);
	}

	get(id: string): IDataObject | undefined {
		return this.byId.get(id);
	}

	/** The contacts `key` matches; undefined when the key has no token, so that only its search can tell. */
	matches(key: LookupKey): IDataObject[] | undefined {
		const tokens = keyTokens(key);
		if (tokens.length === 0) return undefined;
		const candidates = new Set<IDataObject>();
		for (const token of tokens) for (const contact of this.byToken.get(token) ?? []) candidates.add(contact);
		return [...candidates].filter(key.matches);
	}
}

/** Options › Lookup Strategy (description/lookupStrategy.ts): "search" turns the index off. */
function indexAllowed(context: Row): boolean {
	const options = context.getNodeParameter('options', {}) as IDataObject | undefined;
	return options?.lookupStrategy !== 'search';
}

/**
 * The run's index for this account, read when first asked for (by whichever row asks first,
 * the others wait for it), or undefined when each row is to be searched: the option says so,
 * the listing costs more pages than the run has rows, the account is larger than
 * indexLimits.maxContacts, or the list cannot be read completely (then the rows' own searches
 * say what is wrong, row by row).
 */
export async function contactIndexOf(
	context: Row,
	profile: ProviderProfile,
	listing: ContactListing | undefined,
	options: IHttpRequestOptions,
): Promise<ContactIndex | undefined> {
	if (!listing || !indexAllowed(context)) return undefined;
	const key = `contact index|${await accountOf(context, profile)}`;
	const rows = context.run.items.length;
	return await context.run.shared(key, async () => await readIndex(context, profile, listing, options, rows).catch(() => undefined));
}

async function readIndex(
	context: Row,
	profile: ProviderProfile,
	listing: ContactListing,
	options: IHttpRequestOptions,
	rows: number,
): Promise<ContactIndex | undefined> {
	const page = async (number: number) => {
		const qs = { [listing.pageParameter]: number, [listing.sizeParameter]: listing.pageSize };
		const answer = await sendRequest.call(context, profile, { ...options, method: 'GET', url: listing.url, qs, body: undefined });
		const { pages, total, count } = listTotals(answer.body);
		return { contacts: listing.records(answer.body), pages, total: total ?? count };
	};
	const first = await page(listing.firstPage);
	if (!first.contacts) return undefined;
	const pageLength = first.contacts.length;
	// What reading the whole list will cost, from the first page: a short page that the totals
	// do not contradict is the whole list; else the totals say (pages at the size asked, or
	// contacts at the size the server gives). Neither said: unknown, and each row is searched.
	const whole = pageLength < listing.pageSize && (first.total ?? 0) <= pageLength && (first.pages ?? 1) <= 1;
	if (!whole && pageLength === 0) return undefined;
	const expected = whole ? 1 : Math.max(first.pages ?? 0, first.total !== undefined ? Math.ceil(first.total / pageLength) : 0) || undefined;
	const affordable = (pages: number) => pages <= rows && pages * listing.pageSize <= indexLimits.maxContacts;
	if (expected === undefined || !affordable(expected)) return undefined;
	const index = new ContactIndex(listing);
	for (const contact of first.contacts) index.add(contact);
	// Read until a short page, or the number of pages the list announces. Totals are not trusted
	// to stop earlier (a provider's `count` may be the page's): a contact left unread would be
	// created again. Reading more pages than the run has rows gives up, as per-row searches are cheaper.
	const seen = new Set(first.contacts.map(keyOf));
	let last = first.contacts;
	for (let read = 1; !whole && last.length >= pageLength && !(first.pages !== undefined && read >= first.pages); read++) {
		if (!affordable(read + 1)) return undefined;
		const next = await page(listing.firstPage + read);
		if (!next.contacts) return undefined;
		// A page of contacts already read: the server repeats its pages, and more would not help.
		const fresh = next.contacts.filter((contact) => !seen.has(keyOf(contact)));
		if (fresh.length === 0) return undefined;
		for (const contact of fresh) {
			seen.add(keyOf(contact));
			index.add(contact);
		}
		last = next.contacts;
	}
	// Fewer contacts than the first page announced (pages shifted while they were read): an
	// index that may miss a contact would create it again, so each row is searched instead.
	if (first.total !== undefined && index.size < first.total) return undefined;
	return index;
}

const keyOf = (contact: IDataObject) => idOf(contact) ?? JSON.stringify(contact);
