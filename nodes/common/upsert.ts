import {
	type DeclarativeRestApiSettings,
	type IDataObject,
	type IExecutePaginationFunctions,
	type IHttpRequestOptions,
	type INodeExecutionData,
	NodeOperationError,
} from 'n8n-workflow';

import { idOf } from './lists';
import { type ProviderProfile, sendRequest } from './request';

/** One way to find the contact a row describes: search for `term`, keep exact matches. */
export interface LookupKey {
	/** What the user reads in messages: "email jane@example.com". */
	label: string;
	query: IDataObject;
	matches: (contact: IDataObject) => boolean;
}

export interface UpsertPlan {
	/** The search endpoint, relative to the base URL. */
	searchUrl: string;
	records: (body: unknown) => IDataObject[];
	/** Lookup keys in order (email first, then the first phone number), from the create body. */
	lookupKeys: (body: IDataObject) => LookupKey[];
	createRequest: { method: IHttpRequestOptions['method']; url: string };
	updateRequest: (id: string) => { method: IHttpRequestOptions['method']; url: string };
}

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

/** Added to the output of Create or Update: whether the contact was created or updated. */
export const UPSERT_RESULT_FIELD = 'upsertResult';

/**
 * Create or Update: finds the contact by each lookup key in turn. One match is updated with
 * the row's fields, none means create, several is an error listing them: we never guess.
 */
export function upsertThroughPolicy(profile: ProviderProfile, plan: UpsertPlan) {
	return async function (
		this: IExecutePaginationFunctions,
		requestData: DeclarativeRestApiSettings.ResultOptions,
	): Promise<INodeExecutionData[]> {
		const itemIndex = this.getItemIndex();
		const options = requestData.options as IHttpRequestOptions;
		const body = (options.body ?? {}) as IDataObject;
		const keys = plan.lookupKeys(body);
		if (keys.length === 0) {
			throw new NodeOperationError(
				this.getNode(),
				`[item ${itemIndex}] Create or Update needs an email or a phone number to find the contact. Add Email or Phone Numbers, or use Create.`,
				{ itemIndex },
			);
		}

		const lockKeys = keys.map((key) => `${profile.credentialType}|${key.label.toLowerCase()}`);
		return await oneAtATime(lockKeys, async () => await findThenWrite.call(this, keys, options));
	};

	async function findThenWrite(
		this: IExecutePaginationFunctions,
		keys: LookupKey[],
		options: IHttpRequestOptions,
	): Promise<INodeExecutionData[]> {
		const itemIndex = this.getItemIndex();
		let existingId: string | undefined;
		for (const key of keys) {
			const answer = await sendRequest.call(this, profile, {
				...options,
				method: 'GET',
				url: plan.searchUrl,
				qs: key.query,
				body: undefined,
			});
			const matches = plan.records(answer.body).filter(key.matches);
			const ids = [...new Set(matches.map(idOf))];
			if (ids.length > 1) {
				throw new NodeOperationError(
					this.getNode(),
					`[item ${itemIndex}] ${ids.length} ${profile.displayName} contacts match ${key.label} (IDs ${ids.join(', ')}): not updating any. Merge or delete the duplicates, or use Update with the Contact ID.`,
					{ itemIndex, description: 'Create or Update only updates a contact when exactly one matches.' },
				);
			}
			if (ids.length === 1) {
				existingId = ids[0];
				break;
			}
		}

		const request = existingId === undefined ? plan.createRequest : plan.updateRequest(encodeURIComponent(existingId));
		const answer = await sendRequest.call(this, profile, { ...options, ...request }, { contactId: existingId });
		const contact = answer.body && typeof answer.body === 'object' ? (answer.body as IDataObject) : {};
		return [
			{
				json: { ...contact, [UPSERT_RESULT_FIELD]: existingId === undefined ? 'created' : 'updated' },
				pairedItem: { item: itemIndex },
			},
		];
	}
}
