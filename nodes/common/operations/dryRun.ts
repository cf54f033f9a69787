import type { IDataObject, IExecutePaginationFunctions, IHttpRequestOptions } from 'n8n-workflow';

import type { ProviderProfile } from '../profile';
import { isDryRun, isDryRunBody } from '../sending/dryRun';
import { nodeRunOf } from '../sending/nodeRun';
import { type LookupKey, type LookupPlan, findExisting, oneMatch } from './lookup';

/**
 * What Create or Update says it did, or in a dry run would do (sending/dryRun.ts: nothing
 * that changes data is sent). A dry run predicts a real run: a row whose contact another row
 * of the run would create first is said to update that contact, as the real run would.
 */

/** Added to the output of Create or Update: what was done to the contact. */
export const UPSERT_RESULT_FIELD = 'upsertResult';

/** The contacts the rows of a dry run would create, as their create bodies: what a later row's search would find. */
const WOULD_CREATE = Symbol('contacts a dry run would create');

function wouldCreate(context: IExecutePaginationFunctions): IDataObject[] {
	const run = nodeRunOf(context);
	if (!run) return [];
	let contacts = run.once.get(WOULD_CREATE) as IDataObject[] | undefined;
	if (!contacts) run.once.set(WOULD_CREATE, (contacts = []));
	return contacts;
}

/**
 * The id standing for the contact a dry-run row would create: no id exists yet. It names the
 * row, so that a later row's "would update" says which contact it means.
 */
export function wouldCreateId(itemIndex: number): string {
	return `new-contact-of-item-${itemIndex}`;
}

/**
 * Notes the contact a row created, or in a dry run would create (the dry run's item: its
 * create body as it would be sent). In a dry run a later row describing the same person finds
 * it, as it would find the created contact in a real run.
 */
export function noteCreated(context: IExecutePaginationFunctions, created: unknown): void {
	if (!isDryRunBody(created) || !created.body || Array.isArray(created.body)) return;
	wouldCreate(context).push({ ...created.body, id: wouldCreateId(context.getItemIndex()) });
}

/**
 * The contact a row describes, by each lookup key in turn, as findExisting finds it; in a dry
 * run the contacts earlier rows would create count too (several matches in all is the same
 * error as several found by the search).
 */
export async function findForUpsert(
	this: IExecutePaginationFunctions,
	profile: ProviderProfile,
	plan: LookupPlan,
	keys: LookupKey[],
	options: IHttpRequestOptions,
): Promise<IDataObject | undefined> {
	if (!isDryRun(this)) return await findExisting.call(this, profile, plan, keys, options);
	for (const key of keys) {
		const found = await findExisting.call(this, profile, plan, [key], options);
		const matches = [...(found ? [found] : []), ...wouldCreate(this).filter(key.matches)];
		const one = oneMatch(this, profile, key, matches);
		if (one) return one;
	}
	return undefined;
}

/**
 * The fields Create or Update adds to a row's output: `upsertResult` ("created", "updated",
 * or in a dry run "would create", "would update" with the contact's `id`).
 */
export function upsertResultFields(context: IExecutePaginationFunctions, result: 'created' | 'updated', contactId?: string): IDataObject {
	if (!isDryRun(context)) return { [UPSERT_RESULT_FIELD]: result };
	const wouldBe = result === 'created' ? 'would create' : 'would update';
	return { [UPSERT_RESULT_FIELD]: wouldBe, ...(contactId !== undefined ? { id: contactId } : {}) };
}
