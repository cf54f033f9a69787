import { type IDataObject, type IHttpRequestOptions, type INodeExecutionData, NodeOperationError } from 'n8n-workflow';

import { itemPrefix } from '../messages';
import type { ProviderProfile } from '../profile';
import { isDryRun } from '../sending/dryRun';
import { mayHaveActed, sendRequest } from '../sending/send';
import { createWithRecovery } from './create';
import { duplicateRefusal, existingContactId, existingNotFoundError } from './duplicate';
import type { ContactListing } from './contactIndex';
import { contactFrom, contactItems } from './single';
import { type LookupKey, type LookupPlan, accountOf, findExisting, lockKeysOf, lookupKeysOf, oneAtATime } from './lookup';
import { idOf, isDotSegment } from './records';
import { upsertLookup, upsertResultFields } from './upsertLookup';
import type { Row } from '../engine/row';

export interface UpsertPlan extends LookupPlan {
	createRequest: { method: IHttpRequestOptions['method']; url: string };
	updateRequest: (id: string) => { method: IHttpRequestOptions['method']; url: string };
}

/** Added to the output of Create or Update when the contact found was gone by the time of its update. */
export const UPSERT_NOTE_FIELD = 'upsertNote';

/** Whether `error` (from sendRequest) is the provider answering 404: the contact does not exist (any more). */
export function isNotFound(error: unknown): boolean {
	return String((error as { httpCode?: unknown } | null)?.httpCode) === '404';
}

/** The note of a row whose contact, found by one of `keys`, was deleted before its update. */
export function matchGoneNote(profile: ProviderProfile, contactId: string, keys: LookupKey[], found: IDataObject | undefined): string {
	const key = (found && keys.find((candidate) => candidate.matches(found))) ?? keys[0];
	return `${profile.displayName} contact ${contactId}, found by ${key.label}, was deleted before it could be updated: a new contact was created.`;
}

/**
 * preSend: a row that gives nothing to find its contact by fails here, before anything is sent
 * (the engine reads every row first).
 */
export function requireLookupKey(plan: LookupPlan) {
	return async function (this: Row, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		if (plan.lookupKeys((requestOptions.body ?? {}) as IDataObject, {}).length === 0) throw noLookupKeyError(this, this.getItemIndex());
		return requestOptions;
	};
}

function noLookupKeyError(context: Row, itemIndex: number) {
	return new NodeOperationError(
		context.getNode(),
		`${itemPrefix(itemIndex)} Create or Update needs an email or a phone number to find the contact. Add Email or Phone Numbers, or use Create.`,
		{ itemIndex },
	);
}

/**
 * The Create or Update hook: finds the contact by each lookup key in turn. One match is
 * updated with the row's fields, none means create, several is an error listing them. Where
 * the provider itself refuses a second contact with a key the row has (profile.duplicateOnCreate,
 * Skode's email), that key alone decides, and when the row is searched for, the create is sent
 * first and its refusal gives the contact to update. Where the provider lists its contacts
 * (`listing`), the run may match its rows against the account's contacts read once
 * (contactIndex.ts) instead of searching for each. Without Continue On Fail, no row is sent
 * while a row has nothing to be found by.
 */
export function upsertContact(profile: ProviderProfile, plan: UpsertPlan, listing?: ContactListing) {
	return async function (
		this: Row,
		options: IHttpRequestOptions,
	): Promise<INodeExecutionData[]> {
		const itemIndex = this.getItemIndex();
		const keys = lookupKeysOf(this, plan, (options.body ?? {}) as IDataObject);
		if (keys.length === 0) throw noLookupKeyError(this, itemIndex);
		const account = await accountOf(this, profile);
		// The run's index of the account's contacts, or a search per row (upsertLookup.ts).
		const lookup = await upsertLookup(this, profile, plan, listing, options);
		return await oneAtATime(lockKeysOf(profile, keys, account), async () => {
			// A provider that refuses duplicates of a key itself (Skode's email) decides by that key
			// alone. Searching per row, the create is sent first: the refusal names the contact, and
			// no search can race another client's create. With the index, or in a dry run (which
			// sends no create to ask with, sending/dryRun.ts), the contact is looked up first.
			const uniqueKey = profile.duplicateOnCreate ? keys.find((key) => key.unique) : undefined;
			const askFirst = uniqueKey !== undefined && !lookup.indexed && !isDryRun(this);
			const existing = askFirst ? undefined : await lookup.find(uniqueKey ? [uniqueKey] : keys);
			let existingId = existing ? idOf(existing) : undefined;
			if (existingId === undefined && uniqueKey && !isDryRun(this)) {
				const outcome = await createUnlessDuplicate.call(this, profile, plan, uniqueKey, options);
				if ('created' in outcome) {
					lookup.created(outcome.created);
					return contactItems(this, profile, outcome.created, upsertResultFields(this, 'created'), 'created');
				}
				existingId = outcome.existingId;
			}
			if (existingId === undefined) {
				const created = await createWithRecovery.call(this, profile, plan, keys, { ...options, ...plan.createRequest });
				lookup.created(created);
				return contactItems(this, profile, created, upsertResultFields(this, 'created'), 'created');
			}
			if (isDotSegment(existingId)) {
				throw new NodeOperationError(this.getNode(), `${itemPrefix(itemIndex)} ${profile.displayName} gave the contact to update the ID "${existingId}", which would change the address of the update: not updating it`, {
					itemIndex,
					description: `Check the contact in ${profile.displayName}, or use Update with its Contact ID.`,
				});
			}
			const update = plan.updateRequest(encodeURIComponent(existingId));
			// sendRequest fails only with NodeApiError or NodeOperationError.
			let answer;
			let failure: unknown;
			try {
				answer = await sendRequest.call(this, profile, { ...options, ...update }, { contactId: existingId });
			} catch (error) {
				failure = error;
			}
			if (failure !== undefined && !isNotFound(failure)) throw failure;
			if (answer === undefined) {
				// Deleted by someone else since it was found: the row's contact no longer exists.
				lookup.gone(existingId);
				const created = await createWithRecovery.call(this, profile, plan, keys, { ...options, ...plan.createRequest });
				lookup.created(created);
				const note = { [UPSERT_NOTE_FIELD]: matchGoneNote(profile, existingId, keys, existing) };
				return contactItems(this, profile, created, { ...upsertResultFields(this, 'created'), ...note }, 'created');
			}
			const updated = contactFrom(answer.body);
			lookup.updated(existingId, updated);
			return contactItems(this, profile, updated, upsertResultFields(this, 'updated', existingId), 'updated');
		});
	};
}

/**
 * Sends the create; the provider's "it exists" refusal gives the contact to update (named in
 * the answer, else found by the unique key). A create that may have gone through is looked up
 * by the unique key (found: updated with the row, which changes nothing if it was ours) and
 * otherwise sent once more.
 */
async function createUnlessDuplicate(
	this: Row,
	profile: ProviderProfile,
	plan: UpsertPlan,
	key: LookupKey,
	options: IHttpRequestOptions,
): Promise<{ created: unknown } | { existingId: string }> {
	const create = { ...options, ...plan.createRequest };
	for (let attempt = 0; ; attempt++) {
		// sendRequest fails only with NodeApiError or NodeOperationError.
		let failure: unknown;
		try {
			return { created: contactFrom((await sendRequest.call(this, profile, create)).body) };
		} catch (error) {
			failure = error;
		}
		const refusal = duplicateRefusal(profile, failure);
		if (refusal) {
			const existingId = await existingContactId.call(this, profile, plan, key, refusal, options);
			if (existingId === undefined) throw existingNotFoundError(this.getNode(), profile, this.getItemIndex(), key, refusal);
			return { existingId };
		}
		if (!mayHaveActed(failure) || attempt > 0) throw failure;
		const found = await findExisting.call(this, profile, plan, [key], options);
		const foundId = found ? idOf(found) : undefined;
		if (foundId !== undefined) return { existingId: foundId };
	}
}
