import {
	type DeclarativeRestApiSettings,
	type ICredentialDataDecryptedObject,
	type IDataObject,
	type IExecutePaginationFunctions,
	type IExecuteSingleFunctions,
	type IHttpRequestOptions,
	type IN8nHttpFullResponse,
	type INodeExecutionData,
	NodeOperationError,
} from 'n8n-workflow';

import { type ApiAnswer, type ProviderErrorInfo, apiError, redact } from './errors';
import { budgetKey, noteRateLimitHeaders, pauseBudget, serverWaitMs, takeSlot } from './rateLimit';

/** What the sending machinery needs to know about a provider. */
export interface ProviderProfile extends ProviderErrorInfo {
	credentialType: string;
	/** Credential fields that are secrets: they never appear in an error. */
	secretFields: string[];
	/** Documented requests per minute; with `planLimitOption` it is the lowest plan's and the user can raise it. */
	requestsPerMinute: number;
	planLimitOption?: boolean;
}

/** Retry timing. Tests shorten the delays; the numbers of tries are the product's. */
export const retryPolicy = {
	transientRetries: 3,
	firstBackoffMs: 1000,
	defaultMaxWaitSeconds: 300,
};

const TRANSIENT_STATUSES = new Set([502, 503, 504]);
/** Failures where the request never reached the server: repeating it cannot duplicate anything. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND']);

const TRANSPORT_PATTERNS: Array<[RegExp, string]> = [
	[/ECONNREFUSED|refused the connection/i, 'ECONNREFUSED'],
	[/ENOTFOUND|EAI_AGAIN|incorrect host|DNS server/i, 'ENOTFOUND'],
	[/ECONNRESET|EPIPE|socket hang up|closed (the connection )?unexpectedly/i, 'ECONNRESET'],
	[/ETIMEDOUT|ESOCKETTIMEDOUT|ECONNABORTED|timed out|timeout|was aborted/i, 'ETIMEDOUT'],
];

const TRANSPORT_WORDS: Record<string, string> = {
	ECONNREFUSED: 'connection refused',
	ENOTFOUND: 'host not found',
	ECONNRESET: 'connection reset',
	ETIMEDOUT: 'timed out',
};

/**
 * The network failure behind an error from n8n's request helper. n8n wraps it in a
 * NodeApiError that keeps only texts (its own wording of the code, the original message).
 */
function transportCode(error: unknown): string | undefined {
	const texts: string[] = [];
	let current: unknown = error;
	for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
		const { code, message, messages } = current as { code?: unknown; message?: unknown; messages?: unknown };
		texts.push(String(code ?? ''), String(message ?? ''), ...(Array.isArray(messages) ? messages.map(String) : []));
		current = (current as { cause?: unknown }).cause;
	}
	const text = texts.join('\n');
	return TRANSPORT_PATTERNS.find(([pattern]) => pattern.test(text))?.[1];
}

const MAY_EXIST = ': the contact may have been created';

/** Marks a failure after which the server may have acted on a create: the contact may exist. */
function markMayHaveActed<T extends Error>(error: T): T {
	return Object.assign(error, { mayHaveActed: true });
}

export function mayHaveActed(error: unknown): boolean {
	return (error as { mayHaveActed?: unknown } | null)?.mayHaveActed === true;
}

const sleep = async (ms: number) => await new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Credentials of one node in one execution, read once: n8n reads them from its database and
 * decrypts them on every call, which a 10,000-row sync would otherwise do 20,000 times.
 */
const credentialsCache = new Map<string, { at: number; credentials: Promise<ICredentialDataDecryptedObject> }>();
const CREDENTIALS_TTL_MS = 60_000;

async function credentialsOf(context: IExecuteSingleFunctions, type: string): Promise<ICredentialDataDecryptedObject> {
	let executionId: string | undefined;
	try {
		executionId = context.getExecutionId();
	} catch {
		executionId = undefined;
	}
	if (!executionId) return await context.getCredentials(type);
	const now = Date.now();
	for (const [key, entry] of credentialsCache) if (now - entry.at > CREDENTIALS_TTL_MS) credentialsCache.delete(key);
	const key = `${executionId}|${context.getNode().id}|${type}`;
	let entry = credentialsCache.get(key);
	if (!entry) {
		entry = { at: now, credentials: context.getCredentials(type) };
		credentialsCache.set(key, entry);
		entry.credentials.catch(() => credentialsCache.delete(key));
	}
	return await entry.credentials;
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
			const safe = code !== undefined && (NOT_SENT_CODES.has(code) || repeatable);
			if (safe && transientTries < retryPolicy.transientRetries) {
				await sleep(retryPolicy.firstBackoffMs * 2 ** transientTries++);
				continue;
			}
			// Plain words: n8n replaces a message naming a Node.js error code with its own wording.
			const what = code ? TRANSPORT_WORDS[code] : error instanceof Error ? error.message : String(error);
			const mayExist = code !== undefined && !safe;
			const failure = new NodeOperationError(node, 'connection failed', {
				itemIndex,
				message: redact(
					`[item ${itemIndex}] Connection to ${profile.displayName} failed (${what})` + (mayExist ? MAY_EXIST : ''),
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
			failure.message += MAY_EXIST;
			throw markMayHaveActed(failure);
		}
		throw failure;
	}
}

/** The response body as output items: an array gives one item per element. */
export function toItems(body: unknown, itemIndex: number): INodeExecutionData[] {
	const pairedItem = { item: itemIndex };
	if (Array.isArray(body)) return body.map((json) => ({ json: json as IDataObject, pairedItem }));
	if (body && typeof body === 'object') return [{ json: body as IDataObject, pairedItem }];
	return [{ json: { success: true }, pairedItem }];
}

/**
 * n8n's RoutingNode hands a request to `routing.operations.pagination` when the operation
 * sets `send.paginate`: it is the declarative hook that decides how a request is sent. Every
 * operation of our nodes goes through it, so pacing, retries and error mapping apply to all.
 */
export function sendThroughPolicy(profile: ProviderProfile, shape: (body: unknown) => unknown = (body) => body) {
	return async function (
		this: IExecutePaginationFunctions,
		requestData: DeclarativeRestApiSettings.ResultOptions,
	): Promise<INodeExecutionData[]> {
		const answer = await sendRequest.call(this, profile, requestData.options as IHttpRequestOptions);
		return toItems(shape(answer.body), this.getItemIndex());
	};
}
