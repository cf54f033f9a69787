import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import type { ProviderProfile } from '../profile';
import { isDryRun, isDryRunBody } from '../sending/dryRun';
import { ContactIndex, type ContactListing, contactIndexOf } from './contactIndex';
import { type LookupKey, type LookupPlan, findExisting, oneMatch } from './lookup';
import type { Row } from '../engine/row';

/**
 * How Create or Update finds a row's contact, and keeps what the run writes findable by the
 * rows after it: from the run's index of the account's contacts when the run has one
 * (contactIndex.ts), else by a search per row; in a dry run, also among the contacts earlier
 * rows would create.
 */
export interface UpsertLookup {
	/** Whether the run matches rows against its index rather than searching for each. */
	readonly indexed: boolean;
	/** The one contact the keys find, in order (several for a key is an error listing them). */
	find(keys: LookupKey[]): Promise<IDataObject | undefined>;
	/** The contact the row created (or in a dry run, the dry-run item of its create). */
	created(created: unknown): void;
	/** The contact as the update answered it. */
	updated(contactId: string, updated: unknown): void;
	/** The contact found was not there any more when it was to be updated. */
	gone(contactId: string): void;
}

const WOULD_CREATE = Symbol('contacts a dry run would create');

/**
 * The contacts the rows of a dry run would create, as their create bodies, each under the id
 * naming its row: filed like the index where the provider lists contacts, else in a list.
 */
function wouldCreate(context: Row, listing: ContactListing | undefined): { add: (contact: IDataObject) => void; matches: (key: LookupKey) => IDataObject[] } {
	const contacts = context.run.shared<ContactIndex | IDataObject[]>(WOULD_CREATE, () => (listing ? new ContactIndex(listing) : []));
	if (Array.isArray(contacts)) return { add: (contact) => contacts.push(contact), matches: (key) => contacts.filter(key.matches) };
	return { add: (contact) => contacts.add(contact), matches: (key) => contacts.matches(key) ?? [] };
}

const isObject = (value: unknown): value is IDataObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads the run's index (contactIndexOf) when there is one to read, and answers this row's lookups. */
export async function upsertLookup(
	context: Row,
	profile: ProviderProfile,
	plan: LookupPlan,
	listing: ContactListing | undefined,
	options: IHttpRequestOptions,
): Promise<UpsertLookup> {
	const index = await contactIndexOf(context, profile, listing, options);
	const dryRun = isDryRun(context);
	const matchesOf = async (key: LookupKey): Promise<IDataObject[]> => {
		const known = index?.matches(key);
		if (known) return known;
		const found = await findExisting.call(context, profile, plan, [key], options);
		return found ? [found] : [];
	};
	return {
		indexed: index !== undefined,
		async find(keys) {
			if (!index && !dryRun) return await findExisting.call(context, profile, plan, keys, options);
			for (const key of keys) {
				const matches = [...(await matchesOf(key)), ...(dryRun ? wouldCreate(context, listing).matches(key) : [])];
				const one = oneMatch(context, profile, key, matches);
				if (one) return one;
			}
			return undefined;
		},
		created(created) {
			if (isDryRunBody(created)) {
				if (isObject(created.body)) wouldCreate(context, listing).add({ ...created.body, id: wouldCreateId(context.getItemIndex()) });
			} else if (index && isObject(created)) {
				index.add(created);
			}
		},
		updated(contactId, updated) {
			if (index && !isDryRunBody(updated) && isObject(updated)) rememberUpdate(index, contactId, updated);
		},
		gone(contactId) {
			const held = index?.get(contactId);
			if (held) index?.remove(held);
		},
	};
}

/** The contact as updated: the answer over what the index held (an answer may leave fields out). */
function rememberUpdate(index: ContactIndex, contactId: string, updated: IDataObject): void {
	const held = index.get(contactId);
	index.add({ ...(held ?? {}), ...updated });
}

/**
 * What Create or Update says it did, or in a dry run would do (sending/dryRun.ts: nothing
 * that changes data is sent). A dry run predicts a real run: a row whose contact another row
 * of the run would create first is said to update that contact, as the real run would
 * (upsertLookup.ts keeps the contacts a dry run would create).
 */

/** Added to the output of Create or Update: what was done to the contact. */
const UPSERT_RESULT_FIELD = 'upsertResult';

/**
 * The fields Create or Update adds to a row's output: `upsertResult` ("created", "updated",
 * or in a dry run "would create", "would update" with the contact's `id`).
 */
export function upsertResultFields(context: Row, result: 'created' | 'updated', contactId?: string): IDataObject {
	if (!isDryRun(context)) return { [UPSERT_RESULT_FIELD]: result };
	const wouldBe = result === 'created' ? 'would create' : 'would update';
	return { [UPSERT_RESULT_FIELD]: wouldBe, ...(contactId !== undefined ? { id: contactId } : {}) };
}

/**
 * The id standing for the contact a dry-run row would create: no id exists yet. It names the
 * row, so that a later row's "would update" says which contact it means.
 */
export function wouldCreateId(itemIndex: number): string {
	return `new-contact-of-item-${itemIndex}`;
}
