import type { IDataObject, IHttpRequestOptions, INodeExecutionData } from 'n8n-workflow';

import type { ProviderProfile } from '../profile';
import { mayHaveActed, sendRequest } from '../sending/send';
import { alreadyExistsError, duplicateRefusal, existingContactId } from './duplicate';
import { contactFrom, contactItems } from './single';
import { type LookupKey, type LookupPlan, accountOf, findExisting, lockKeysOf, lookupKeysOf, oneAtATime } from './lookup';
import { idOf } from './records';
import { notMadeByCreate } from './recovery';
import type { Row } from '../engine/row';

/**
 * Sends a create. When it fails in a way that means the provider may have created the contact
 * anyway (connection broken after sending, 5xx), looks the contact up: found and made by this
 * create (recovery.ts), it is the result; found but older or holding other values, the row
 * fails as "may have been created"; not found, the create is sent once more. So a flaky
 * network neither loses the row nor creates the contact twice. A provider's "it exists"
 * refusal (profile.duplicateOnCreate) becomes an error naming the existing contact.
 */
export async function createWithRecovery(
	this: Row,
	profile: ProviderProfile,
	plan: LookupPlan,
	keys: LookupKey[],
	options: IHttpRequestOptions,
): Promise<unknown> {
	// sendRequest fails only with NodeApiError or NodeOperationError.
	let failure: unknown;
	const sentAt = Date.now();
	try {
		return contactFrom((await sendRequest.call(this, profile, options)).body);
	} catch (error) {
		failure = error;
	}
	// A key the provider keeps unique finds the contact if the create went through; searching
	// the others too could take someone else's contact (with the same phone) for this row's.
	const recoveryKeys = keys.some((key) => key.unique) ? keys.filter((key) => key.unique) : keys;
	if (mayHaveActed(failure) && recoveryKeys.length > 0) {
		const existing = await findExisting.call(this, profile, plan, recoveryKeys, options);
		// Only a contact this create made stands for it (recovery.ts); another one sharing the
		// email or phone leaves the row failed, "may have been created", and it is not resent.
		const notOurs = existing ? notMadeByCreate(existing, (options.body ?? {}) as IDataObject, sentAt) : undefined;
		if (existing && notOurs === undefined) return existing;
		if (existing) {
			const found = `${profile.displayName} contact ${idOf(existing) ?? '(no ID)'}, found by ${recoveryKeys.map((key) => key.label).join(' or ')}, is not this row's: ${notOurs}`;
			if (failure instanceof Error) failure.message += `. ${found}`;
			throw failure;
		}
		try {
			return contactFrom((await sendRequest.call(this, profile, options)).body);
		} catch (error) {
			failure = error;
		}
	}
	const refusal = duplicateRefusal(profile, failure);
	const uniqueKey = keys.find((key) => key.unique);
	if (refusal && uniqueKey) {
		const existingId = await existingContactId.call(this, profile, plan, uniqueKey, refusal, options);
		throw alreadyExistsError(this.getNode(), profile, this.getItemIndex(), uniqueKey, existingId, refusal);
	}
	throw failure;
}

/** The Create hook of providers that can search contacts: recovers from ambiguous failures. */
export function createContact(profile: ProviderProfile, plan: LookupPlan) {
	return async function (
		this: Row,
		options: IHttpRequestOptions,
	): Promise<INodeExecutionData[]> {
		const keys = lookupKeysOf(this, plan, (options.body ?? {}) as IDataObject);
		const account = await accountOf(this, profile);
		const body = await oneAtATime(lockKeysOf(profile, keys, account), async () => await createWithRecovery.call(this, profile, plan, keys, options));
		return contactItems(this, profile, body, {}, 'created');
	};
}
