import type { IDataObject } from 'n8n-workflow';

import { isDryRun } from '../sending/dryRun';
import type { Row } from '../engine/row';

/**
 * What Create or Update says it did, or in a dry run would do (sending/dryRun.ts: nothing
 * that changes data is sent). A dry run predicts a real run: a row whose contact another row
 * of the run would create first is said to update that contact, as the real run would
 * (upsertLookup.ts keeps the contacts a dry run would create).
 */

/** Added to the output of Create or Update: what was done to the contact. */
export const UPSERT_RESULT_FIELD = 'upsertResult';

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
