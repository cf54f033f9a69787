import {
	type DeclarativeRestApiSettings,
	type IDataObject,
	type IExecutePaginationFunctions,
	type IHttpRequestOptions,
	type INodeExecutionData,
	NodeOperationError,
} from 'n8n-workflow';

import { idOf } from './lists';
import { type ProviderProfile, mayHaveActed, sendRequest } from './request';

/** One way to find the contact a row describes: search for `term`, keep exact matches. */
export interface LookupKey {
	/** What the user reads in messages: "email jane@example.com". */
	label: string;
	query: IDataObject;
	matches: (contact: IDataObject) => boolean;
}

export interface LookupPlan {
	/** The search endpoint, relative to the base URL. */
	searchUrl: string;
	records: (body: unknown) => IDataObject[];
	/** Lookup keys in order (email first, then the first phone number), from the create body. */
	lookupKeys: (body: IDataObject) => LookupKey[];
}

export interface UpsertPlan extends LookupPlan {
	createRequest: { method: IHttpRequestOptions['method']; url: string };
	updateRequest: (id: string) => { method: IHttpRequestOptions['method']; url: string };
}

/** Added to the output of Create or Update: whether the contact was created or updated. */
export const UPSERT_RESULT_FIELD = 'upsertResult';

const inFlight = new Map<string, Promise<unknown>>();

/**
 * Rows of one run that describe the same contact (same email or phone) are handled one after
 * the other: run side by side, both would find nothing and both would create it.
 */
async function oneAtATime<T>(lockKeys: string[], work: () => Promise<T>): Promise<T> {
	const before = lockKeys.map((key) => inFlight.get(key)).filter(Boolean);
	const result = Promise.allSettled(before).then(work);
	const settled = result.catch(() => undefined);
	for (const key of lockKeys) inFlight.set(key, settled);
	void settled.then(() => {
		for (const key of lockKeys) if (inFlight.get(key) === settled) inFlight.delete(key);
	});
	return await result;
}

function lockKeysOf(profile: ProviderProfile, keys: LookupKey[]): string[] {
	return keys.map((key) => `${profile.credentialType}|${key.label.toLowerCase()}`);
}

/**
 * Finds the one contact the row describes, trying each key in turn. Several matches for a key
 * is an error listing them: the node never guesses.
 */
async function findExisting(
	this: IExecutePaginationFunctions,
	profile: ProviderProfile,
	plan: LookupPlan,
	keys: LookupKey[],
	options: IHttpRequestOptions,
): Promise<IDataObject | undefined> {
	const itemIndex = this.getItemIndex();
	for (const key of keys) {
		const answer = await sendRequest.call(this, profile, { ...options, method: 'GET', url: plan.searchUrl, qs: key.query, body: undefined });
		const matches = plan.records(answer.body).filter(key.matches);
		const ids = [...new Set(matches.map(idOf))];
		if (ids.length > 1) {
			throw new NodeOperationError(
				this.getNode(),
				`[item ${itemIndex}] ${ids.length} ${profile.displayName} contacts match ${key.label} (IDs ${ids.join(', ')}): not updating any. Merge or delete the duplicates, or use Update with the Contact ID.`,
				{ itemIndex, description: 'Create or Update only updates a contact when exactly one matches.' },
			);
		}
		if (ids.length === 1) return matches[0];
	}
	return undefined;
}

/**
 * Sends a create. When it fails in a way that means the provider may have created the contact
 * anyway (connection broken after sending, 5xx), looks the contact up: found, it is the
 * result; not found, the create is sent once more. So a flaky network neither loses the row
 * nor creates the contact twice.
 */
async function createWithRecovery(
	this: IExecutePaginationFunctions,
	profile: ProviderProfile,
	plan: LookupPlan,
	keys: LookupKey[],
	options: IHttpRequestOptions,
): Promise<unknown> {
	try {
		return (await sendRequest.call(this, profile, options)).body;
	} catch (error) {
		if (!mayHaveActed(error) || keys.length === 0) throw error;
		const existing = await findExisting.call(this, profile, plan, keys, options);
		if (existing) return existing;
		return (await sendRequest.call(this, profile, options)).body;
	}
}

function asItem(body: unknown, itemIndex: number, extra: IDataObject = {}): INodeExecutionData[] {
	const json = body && typeof body === 'object' && !Array.isArray(body) ? (body as IDataObject) : {};
	return [{ json: { ...json, ...extra }, pairedItem: { item: itemIndex } }];
}

/** Create, with recovery from ambiguous failures for providers that can search contacts. */
export function createThroughPolicy(profile: ProviderProfile, plan: LookupPlan) {
	return async function (
		this: IExecutePaginationFunctions,
		requestData: DeclarativeRestApiSettings.ResultOptions,
	): Promise<INodeExecutionData[]> {
		const options = requestData.options as IHttpRequestOptions;
		const keys = plan.lookupKeys((options.body ?? {}) as IDataObject);
		const body = await oneAtATime(lockKeysOf(profile, keys), async () => await createWithRecovery.call(this, profile, plan, keys, options));
		return asItem(body, this.getItemIndex());
	};
}

/**
 * Create or Update: finds the contact by each lookup key in turn. One match is updated with
 * the row's fields, none means create, several is an error listing them.
 */
export function upsertThroughPolicy(profile: ProviderProfile, plan: UpsertPlan) {
	return async function (
		this: IExecutePaginationFunctions,
		requestData: DeclarativeRestApiSettings.ResultOptions,
	): Promise<INodeExecutionData[]> {
		const itemIndex = this.getItemIndex();
		const options = requestData.options as IHttpRequestOptions;
		const keys = plan.lookupKeys((options.body ?? {}) as IDataObject);
		if (keys.length === 0) {
			throw new NodeOperationError(
				this.getNode(),
				`[item ${itemIndex}] Create or Update needs an email or a phone number to find the contact. Add Email or Phone Numbers, or use Create.`,
				{ itemIndex },
			);
		}
		return await oneAtATime(lockKeysOf(profile, keys), async () => {
			const existing = await findExisting.call(this, profile, plan, keys, options);
			const existingId = existing ? idOf(existing) : undefined;
			if (existingId === undefined) {
				const created = await createWithRecovery.call(this, profile, plan, keys, { ...options, ...plan.createRequest });
				return asItem(created, itemIndex, { [UPSERT_RESULT_FIELD]: 'created' });
			}
			const update = plan.updateRequest(encodeURIComponent(existingId));
			const answer = await sendRequest.call(this, profile, { ...options, ...update }, { contactId: existingId });
			return asItem(answer.body, itemIndex, { [UPSERT_RESULT_FIELD]: 'updated' });
		});
	};
}
