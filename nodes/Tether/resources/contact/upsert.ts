import type { IDataObject, IHttpRequestOptions, INodeExecutionData } from 'n8n-workflow';

import { type ContactOperation, contactOperation } from '../../../common/description/operations';
import { createWithRecovery } from '../../../common/operations/create';
import { answerItems } from '../../../common/operations/single';
import { UPSERT_NOTE_FIELD, isNotFound, matchGoneNote } from '../../../common/operations/upsert';
import { upsertLookup, upsertResultFields } from '../../../common/operations/upsertLookup';
import { accountOf, lockKeysOf, lookupKeysOf, oneAtATime } from '../../../common/operations/lookup';
import { idOf } from '../../../common/operations/records';
import { sendRequest } from '../../../common/sending/send';
import { tetherProfile } from '../../profile';
import { createBody } from './create';
import { duplicateError, holderOf, tetherDuplicate } from './duplicates';
import { UPDATABLE_API_FIELDS } from './fields';
import { tetherContact, tetherEndpoints, tetherLookup } from './lookup';
import { tetherListing } from './listing';
import type { Row } from '../../../common/engine/row';

/** The part of a create body an update can send (fields.ts, tetherUpdateFields). */
function updatableOf(body: IDataObject): IDataObject {
	return Object.fromEntries(Object.entries(body).filter(([field]) => UPDATABLE_API_FIELDS.includes(field)));
}

/**
 * Finds the contact by the row's first number: one is updated with what Update can change,
 * none is created, several is an error listing them (findExisting). A create refused because
 * a number of the row belongs to a contact (another client created it meanwhile, or the
 * number is not the row's first) updates that contact.
 */
async function upsertTetherContact(
	this: Row,
	options: IHttpRequestOptions,
): Promise<INodeExecutionData[]> {
	const body = (options.body ?? {}) as IDataObject;
	const keys = lookupKeysOf(this, tetherLookup, body);
	// The run's index of the organisation's contacts, or a search per row (upsertLookup.ts).
	const lookup = await upsertLookup(this, tetherProfile, tetherLookup, tetherListing, options);
	return await oneAtATime(lockKeysOf(tetherProfile, keys, await accountOf(this, tetherProfile)), async () => {
		const existing = await lookup.find(keys);
		let existingId = existing ? idOf(existing) : undefined;
		if (existingId === undefined) {
			let refused: unknown;
			try {
				const created = await createWithRecovery.call(this, tetherProfile, tetherLookup, keys, options);
				lookup.created(tetherContact(created));
				return answerItems(tetherContact(created), upsertResultFields(this, 'created'));
			} catch (error) {
				refused = error;
			}
			const duplicate = tetherDuplicate(refused);
			if (!duplicate) throw refused;
			existingId = await holderOf.call(this, duplicate, options);
			if (existingId === undefined) throw duplicateError.call(this, duplicate, undefined, 'not created');
		}
		const update = { method: 'PATCH' as const, url: tetherEndpoints.one(encodeURIComponent(existingId)), body: updatableOf(body) };
		let refused: unknown;
		try {
			const answer = await sendRequest.call(this, tetherProfile, { ...options, ...update }, { contactId: existingId });
			lookup.updated(existingId, tetherContact(answer.body));
			return answerItems(tetherContact(answer.body), upsertResultFields(this, 'updated', existingId));
		} catch (error) {
			refused = error;
		}
		if (isNotFound(refused)) {
			// Deleted by someone else since it was found: the row's contact no longer exists.
			lookup.gone(existingId);
			const created = tetherContact(await createWithRecovery.call(this, tetherProfile, tetherLookup, keys, options));
			lookup.created(created);
			const note = { [UPSERT_NOTE_FIELD]: matchGoneNote(tetherProfile, existingId, keys, existing) };
			return answerItems(created, { ...upsertResultFields(this, 'created'), ...note });
		}
		const duplicate = tetherDuplicate(refused);
		if (!duplicate) throw refused;
		throw duplicateError.call(this, duplicate, await holderOf.call(this, duplicate, options), 'not updated');
	});
}

export const upsert: ContactOperation = {
	...contactOperation({
		name: 'Create or Update',
		value: 'upsert',
		action: 'Create or update a contact',
		description: 'Create a new record, or update the current one if it already exists (upsert)',
		request: { method: 'POST', url: tetherEndpoints.create },
		read: [createBody],
		send: upsertTetherContact,
	}),
	// The fields are Create's (create.ts shows them for both operations).
	properties: [
		{
			displayName:
				'Finds the contact by its first phone number: one match is updated (Status, Pipeline Stage, Pipeline ID and Phone Numbers; Tether cannot change names, email or process), none is created, several is an error',
			name: 'upsertNotice',
			type: 'notice',
			default: '',
			displayOptions: { show: { resource: ['contact'], operation: ['upsert'] } },
		},
	],
};
