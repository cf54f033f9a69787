import {
	type IExecuteSingleFunctions,
	type IHttpRequestOptions,
	type IN8nHttpFullResponse,
	type IDataObject,
	NodeOperationError,
} from 'n8n-workflow';

import { MAY_HAVE_BEEN_CREATED, itemPrefix } from '../messages';
import type { ProviderProfile } from '../profile';
import { type ApiAnswer, apiError } from './apiErrors';
import { credentialsOf } from './credentials';
import { budgetKey, noteRateLimitHeaders, pauseBudget, serverWaitMs, sleep, takeSlot } from './pacing';
import { redact } from './redact';
import { neverReachedServer, transportCode, transportWords } from './transport';

/** Retry timing. Tests shorten the delays; the numbers of tries are the product's. */
export const retryPolicy = {
	transientRetries: 3,
	firstBackoffMs: 1000,
	defaultMaxWaitSeconds: 300,
};

const TRANSIENT_STATUSES = new Set([502, 503, 504]);

/** Marks a failure after which the server may have acted on a create: the contact may exist. */
function markMayHaveActed<T extends Error>(error: T): T {
	return Object.assign(error, { mayHaveActed: true });
}

export function mayHaveActed(error: unknown): boolean {
	return (error as { mayHaveActed?: unknown } | null)?.mayHaveActed === true;
}

export interface SendContext {
	/** The contact the request is about, for "contact X not found". */
	contactId?: string;
}

function readOption<T>(options: IDataObject, name: string, fallback: T): T {
	const value = options[name];
	return value === undefined || value === null || value === '' ? fallback : (value as T);
}

/**
 * Sends one request the way a long sync needs: within the provider's rate limit, waiting
 * out 429s as the server asks, retrying transient faults where repeating is safe, and
 * turning every failure into an error that names the item and never shows a secret.
 */
export async function sendRequest(
	this: IExecuteSingleFunctions,
	profile: ProviderProfile,
	options: IHttpRequestOptions,
	sendContext: SendContext = {},
): Promise<ApiAnswer> {
	const node = this.getNode();
	const itemIndex = this.getItemIndex();
	const credentials = await credentialsOf(this, profile.credentialType);
	const secrets = profile.secretFields.map((field) => credentials[field] as string | undefined);
	const key = budgetKey(profile.credentialType, credentials.baseUrl, secrets.join('|'));
	const nodeOptions = this.getNodeParameter('options', {}) as IDataObject;
	const perMinute = profile.planLimitOption
		? Number(readOption(nodeOptions, 'requestsPerMinute', profile.requestsPerMinute))
		: profile.requestsPerMinute;
	const maxWaitMs = Number(readOption(nodeOptions, 'maxRateLimitWait', retryPolicy.defaultMaxWaitSeconds)) * 1000;
	const method = (options.method ?? 'GET').toUpperCase();
	// The credential's Base URL and the JSON headers are set here rather than in the node's
	// requestDefaults, which n8n would resolve again for every item.
	const request: IHttpRequestOptions = {
		...options,
		baseURL: String(credentials.baseUrl ?? ''),
		headers: {
			Accept: 'application/json',
			...(['POST', 'PATCH', 'PUT'].includes(method) ? { 'Content-Type': 'application/json' } : {}),
			...options.headers,
		},
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
	};
	// Passed to n8n's request helper so that it does not read and decrypt them again per request.
	const credentialsDecrypted = { id: '', name: '', type: profile.credentialType, data: credentials };
	const repeatable = method !== 'POST';
	// Read only when a request fails: each parameter read evaluates expressions, per item.
	const errorContext = () => ({
		itemIndex,
		operation: this.getNodeParameter('operation', '') as string,
		contactId: sendContext.contactId ?? (String(this.getNodeParameter('contactId', '') ?? '').trim() || undefined),
		secrets,
	});

	let waitedMs = 0;
	let transientTries = 0;
	for (;;) {
		const release = await takeSlot(key, perMinute);
		let answer: ApiAnswer;
		try {
			const response = (await this.helpers.httpRequestWithAuthentication.call(this, profile.credentialType, { ...request }, {
				credentialsDecrypted: { ...credentialsDecrypted, data: { ...credentials } },
			})) as IN8nHttpFullResponse;
			answer = { statusCode: response.statusCode, body: response.body, headers: response.headers ?? {} };
		} catch (error) {
			release();
			const code = transportCode(error);
			const safe = code !== undefined && (neverReachedServer(code) || repeatable);
			if (safe && transientTries < retryPolicy.transientRetries) {
				await sleep(retryPolicy.firstBackoffMs * 2 ** transientTries++);
				continue;
			}
			const what = code ? transportWords(code) : error instanceof Error ? error.message : String(error);
			const mayExist = code !== undefined && !safe;
			const failure = new NodeOperationError(node, 'connection failed', {
				itemIndex,
				message: redact(
					`${itemPrefix(itemIndex)} Connection to ${profile.displayName} failed (${what})` + (mayExist ? MAY_HAVE_BEEN_CREATED : ''),
					secrets,
				),
				description: mayExist
					? `The connection broke after the request was sent, so ${profile.displayName} may have created the contact. Check before running this row again, or use Create or Update where the node offers it.`
					: `Check the Base URL in the ${profile.displayName} credential and your network, then run again.`,
			});
			throw mayExist ? markMayHaveActed(failure) : failure;
		}

		release();
		noteRateLimitHeaders(key, answer.headers);
		const { statusCode } = answer;
		if (statusCode >= 200 && statusCode < 300) return answer;

		const serverWait = serverWaitMs(answer.headers);
		if (statusCode === 429 || (statusCode === 503 && serverWait !== undefined)) {
			// The server refused before acting: any request, a create included, can be repeated.
			const wait = serverWait ?? retryPolicy.firstBackoffMs * 2 ** Math.min(transientTries++, 6);
			if (waitedMs + wait <= maxWaitMs) {
				waitedMs += wait;
				pauseBudget(key, Date.now() + wait);
				continue;
			}
		} else if (TRANSIENT_STATUSES.has(statusCode) && repeatable && transientTries < retryPolicy.transientRetries) {
			await sleep(retryPolicy.firstBackoffMs * 2 ** transientTries++);
			continue;
		}
		const failure = apiError(node, profile, answer, errorContext());
		if (!repeatable && statusCode >= 500) {
			failure.message += MAY_HAVE_BEEN_CREATED;
			throw markMayHaveActed(failure);
		}
		throw failure;
	}
}
