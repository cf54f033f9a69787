import { type ICredentialDataDecryptedObject, type IDataObject, type IHttpRequestOptions, NodeOperationError } from 'n8n-workflow';

import { MAY_HAVE_BEEN_CREATED, itemPrefix } from '../messages';
import type { ProviderProfile } from '../profile';
import { type ApiAnswer, apiError } from './apiErrors';
import { unreadableSuccess, withoutSecrets } from './answers';
import { inputError } from '../input/inputError';
import { DeadlineExceeded, exchange, isFinal } from './exchange';
import {
	BudgetHeld,
	type Slot,
	budgetKey,
	noteAccepted,
	noteAskedWait,
	noteRateLimitHeaders,
	pauseBudget,
	serverWaitMs,
	sleep,
	takeSlot,
} from './pacing';
import { MAX_REDIRECTS, decideRedirect, isRedirect, originOf } from './redirects';
import { dryRunAnswer, isDryRun, WRITE_METHODS } from './dryRun';
import { redact } from './redact';
import { neverReachedServer, transportCode, transportWords } from './transport';
import type { Row } from '../engine/row';

/** Retry timing. Tests shorten the delays; the numbers of tries are the product's. */
export const retryPolicy = {
	transientRetries: 3,
	/** A request that hit its deadline is tried once more, not three times: a hung server costs tries × Request Timeout. */
	timeoutRetries: 1,
	/** The first backoff after a transient fault, and the least a "too many requests" answer costs a row. */
	firstBackoffMs: 1000,
	defaultMaxWaitSeconds: 300,
	defaultTimeoutSeconds: 30,
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

function positive(value: unknown, fallback: number): number {
	const number = Number(value);
	return Number.isFinite(number) && number > 0 ? number : fallback;
}

/** The node's Options that govern sending, with their defaults. */
function sendSettings(context: Row, profile: ProviderProfile, request: IHttpRequestOptions) {
	const options = context.getNodeParameter('options', {}) as IDataObject;
	const perMinute = profile.planLimitOption
		? Number(readOption(options, 'requestsPerMinute', profile.requestsPerMinute))
		: profile.requestsPerMinute;
	const maxWaitMs = Number(readOption(options, 'maxRateLimitWait', retryPolicy.defaultMaxWaitSeconds)) * 1000;
	// Options › Request Timeout (description/requestTimeout.ts), and n8n's own Request Options ›
	// Timeout when it is shorter (RoutingNode passes it, 300 s unless set).
	const timeoutMs = Math.min(
		positive(readOption(options, 'requestTimeout', retryPolicy.defaultTimeoutSeconds), retryPolicy.defaultTimeoutSeconds) * 1000,
		positive(request.timeout, Infinity),
	);
	return { perMinute, maxWaitMs, timeoutMs };
}

/**
 * The account a credential reaches, as pacing keys its budgets: its type, its Base URL and
 * its secrets, hashed. Create or Update's locks and index are kept per account by the same key.
 */
export function accountKeyOf(profile: ProviderProfile, credentials: ICredentialDataDecryptedObject): string {
	return budgetKey(profile.credentialType, credentials.baseUrl, profile.secretFields.map((field) => credentials[field]).join('|'));
}

/**
 * The address requests go under: the profile's reading of the credential's Base URL (Tether's
 * instance plus `/api`), else the Base URL as given. A Base URL the profile cannot use fails
 * the row before anything is sent, naming the credential's field.
 */
function apiBaseUrlOf(context: Row, profile: ProviderProfile, credentials: ICredentialDataDecryptedObject): string {
	if (!profile.apiBaseUrl) return String(credentials.baseUrl ?? '');
	try {
		return profile.apiBaseUrl(credentials.baseUrl);
	} catch (error) {
		throw inputError(context.getNode(), context.getItemIndex(), error, `${profile.displayName} credential › Base URL`);
	}
}

/**
 * Sends one request the way a long sync needs: within the provider's rate limit, waiting
 * out 429s as the server asks, retrying transient faults where repeating is safe, following
 * redirects only within the Base URL's origin, within a deadline per try, and turning every
 * failure into an error that names the item and never shows a secret.
 */
export async function sendRequest(
	this: Row,
	profile: ProviderProfile,
	options: IHttpRequestOptions,
	sendContext: SendContext = {},
): Promise<ApiAnswer> {
	const node = this.getNode();
	const itemIndex = this.getItemIndex();
	const { displayName } = profile;
	const credentials = await this.getCredentials(profile.credentialType);
	// A login's token is a secret too, but changes with each login: not part of the budget's key.
	const secrets = profile.secretsOf?.(this, credentials) ?? profile.secretFields.map((field) => credentials[field] as string | undefined);
	const key = accountKeyOf(profile, credentials);
	const { perMinute, maxWaitMs, timeoutMs } = sendSettings(this, profile, options);
	const baseUrl = apiBaseUrlOf(this, profile, credentials);
	const method = (options.method ?? 'GET').toUpperCase();
	// Options › Dry Run (dryRun.ts): a write is answered with what would be sent, and not sent.
	const dryRun = WRITE_METHODS.has(method) && isDryRun(this);
	// The credential's Base URL and the JSON headers are set here rather than in the node's
	// requestDefaults, which n8n would resolve again for every item.
	let request: IHttpRequestOptions = {
		...options,
		baseURL: baseUrl,
		headers: {
			Accept: 'application/json',
			...(['POST', 'PATCH', 'PUT'].includes(method) ? { 'Content-Type': 'application/json' } : {}),
			...options.headers,
		},
	};
	// Read only when a request fails: each parameter read evaluates expressions, per item.
	const errorContext = () => ({
		itemIndex,
		operation: this.getNodeParameter('operation', '') as string,
		contactId: sendContext.contactId ?? (String(this.getNodeParameter('contactId', '') ?? '').trim() || undefined),
		secrets,
	});
	const failure = (message: string, description: string) =>
		new NodeOperationError(node, redact(`${itemPrefix(itemIndex)} ${message}`, secrets), { itemIndex, description: redact(description, secrets) });

	let waitedMs = 0;
	let transientTries = 0;
	let timeoutTries = 0;
	let rateLimitTries = 0;
	let redirects = 0;
	for (;;) {
		const notToSend = this.stopped();
		if (notToSend) throw notToSend;
		if (dryRun) return dryRunAnswer(request, method, String(credentials.baseUrl ?? ''), baseUrl, secrets);
		const cancel = this.getExecutionCancelSignal();
		const slot: Slot = await takeSlot(key, perMinute, { maxPauseMs: Math.max(0, maxWaitMs - waitedMs), signal: cancel }).catch((error: unknown) => {
			if (!(error instanceof BudgetHeld)) throw error;
			const { words, description } = waitTooLong(displayName, error.heldMs, maxWaitMs);
			throw failure(`Rate limited by ${displayName}: it asked to wait another ${words}. Not sent`, description);
		});
		waitedMs += slot.pausedMs;
		// Checked once the slot is taken: another row may have failed while this one waited for it.
		const stopped = this.stopped();
		if (stopped) {
			slot.release();
			throw stopped;
		}
		const repeatable = String(request.method ?? 'GET').toUpperCase() !== 'POST';
		slot.leaving();
		const outcome = await settle(
			profile.exchange ? profile.exchange(this, request, credentials, timeoutMs) : exchange.call(this, profile.credentialType, request, credentials, timeoutMs),
		);
		// A row's failure is noted by the engine once its error has left the operation, a few
		// microtasks after its request ends: the slot of a request that did not succeed passes on
		// only after them, so that no row waiting for it leaves in between.
		slot.release('error' in outcome || outcome.answer.statusCode >= 300);
		if ('error' in outcome) {
			const { error } = outcome;
			// Worded for the row by the provider's own exchange (Tether's refused login): not a network fault.
			if (isFinal(error)) throw error;
			// The execution was stopped: nothing to retry or explain.
			if (this.getExecutionCancelSignal?.()?.aborted) throw error;
			const code = transportCode(error);
			const deadline = error instanceof DeadlineExceeded;
			const safe = code !== undefined && (neverReachedServer(code) || repeatable);
			const triesLeft = deadline ? timeoutTries < retryPolicy.timeoutRetries : transientTries < retryPolicy.transientRetries;
			if (safe && triesLeft) {
				if (deadline) timeoutTries++;
				await sleep(retryPolicy.firstBackoffMs * 2 ** transientTries++, cancel);
				continue;
			}
			const what = deadline
				? `no complete answer within ${Math.round(timeoutMs / 100) / 10} s, Options › Request Timeout`
				: code
					? transportWords(code)
					: error instanceof Error
						? error.message
						: String(error);
			const mayExist = code !== undefined && !safe;
			const broken = failure(
				`Connection to ${displayName} failed (${what})` + (mayExist ? MAY_HAVE_BEEN_CREATED : ''),
				mayExist
					? `The connection broke after the request was sent, so ${displayName} may have created the contact. Check before running this row again, or use Create or Update where the node offers it.`
					: deadline
						? `${displayName} did not answer in time. Try again later, or raise Options › Request Timeout if ${displayName} is only slow.`
						: `Check the Base URL in the ${displayName} credential and your network, then run again.`,
			);
			throw mayExist ? markMayHaveActed(broken) : broken;
		}
		const { answer } = outcome;
		noteRateLimitHeaders(key, answer.headers, Date.now(), Math.max(0, maxWaitMs - waitedMs));
		const { statusCode } = answer;
		if (isRedirect(statusCode, answer.headers)) {
			const decision = decideRedirect(request, statusCode, answer.headers, baseUrl);
			if ('follow' in decision && redirects < MAX_REDIRECTS) {
				redirects++;
				request = decision.follow;
				continue;
			}
			throw redirectRefused(failure, displayName, statusCode, baseUrl, decision);
		}
		if (statusCode >= 200 && statusCode < 300) {
			noteAccepted(key);
			const unreadable = unreadableSuccess(answer, secrets);
			if (unreadable === undefined) return { ...answer, body: withoutSecrets(answer.body, secrets) };
			// A create answered this way may have gone through: said so, but never a reason to send it again.
			throw failure(
				`${displayName} answered ${statusCode} with ${unreadable}, not the JSON the node reads` + (repeatable ? '' : MAY_HAVE_BEEN_CREATED),
				`Something between n8n and ${displayName} (a proxy, a maintenance page) may have answered instead of ${displayName}. Check the Base URL and ${displayName}'s status${repeatable ? '' : ', and whether the contact exists,'} before running this row again.`,
			);
		}

		const serverWait = serverWaitMs(answer.headers);
		if (statusCode === 429 || (statusCode === 503 && serverWait !== undefined)) {
			// The server refused before acting: any request, a create included, can be repeated.
			// Every try costs at least the first backoff, doubling while the server gives no
			// usable wait (0, negative, in the past): Max Rate-Limit Wait is always used up.
			const floor = retryPolicy.firstBackoffMs;
			const wait = serverWait !== undefined && serverWait > 0 ? Math.max(serverWait, floor) : floor * 2 ** Math.min(rateLimitTries++, 6);
			if (waitedMs + wait <= maxWaitMs) {
				pauseBudget(key, Date.now() + wait);
				continue;
			}
			// The server asked for longer than this row may wait: the row fails at once, and so do
			// the rows and runs after it that could not outlast the wait either (pacing.ts).
			if (serverWait !== undefined && serverWait > 0) {
				noteAskedWait(key, Date.now() + serverWait);
				const refused = apiError(node, profile, answer, errorContext());
				const { words, description } = waitTooLong(displayName, serverWait, maxWaitMs);
				refused.message = `${refused.message}. ${displayName} asks to wait ${words}.`;
				refused.description = description;
				throw refused;
			}
		} else if (TRANSIENT_STATUSES.has(statusCode) && repeatable && transientTries < retryPolicy.transientRetries) {
			await sleep(retryPolicy.firstBackoffMs * 2 ** transientTries++, cancel);
			continue;
		}
		const refused = apiError(node, profile, answer, errorContext());
		// The provider refused the key or its rights: the run's other rows would be refused too.
		if (statusCode === 401 || statusCode === 403) this.run.noteFailure(itemIndex, refused.message);
		if (!repeatable && statusCode >= 500) {
			refused.message += MAY_HAVE_BEEN_CREATED;
			throw markMayHaveActed(refused);
		}
		throw refused;
	}
}

/** "90 s", "60 min (3,600 s)": a wait as the user reads it. */
function waitWords(ms: number): string {
	const seconds = Math.ceil(ms / 1000);
	const text = `${seconds.toLocaleString('en-US')} s`;
	return seconds >= 120 ? `${Math.round(seconds / 60)} min (${text})` : text;
}

/** A wait the server asked for that the row cannot outlast: how long, and what to raise. */
function waitTooLong(displayName: string, askedMs: number, maxWaitMs: number): { words: string; description: string } {
	const seconds = Math.ceil(askedMs / 1000).toLocaleString('en-US');
	return {
		words: `${waitWords(askedMs)}, more than Options › Max Rate-Limit Wait (${maxWaitMs / 1000} s) leaves this row: raise it to ${seconds} s or more, or run the node again later`,
		description: `${displayName} answered "too many requests" and asked for this wait. The node does not sit out a wait longer than a row may wait: the row fails at once, and so do the rows after it until the wait is over or ${displayName} accepts a request again.`,
	};
}

/** A promise's answer or its error, to be handled outside a catch clause. */
async function settle<T>(promise: Promise<T>): Promise<{ answer: T } | { error: unknown }> {
	return await promise.then(
		(answer) => ({ answer }),
		(error: unknown) => ({ error }),
	);
}

function redirectRefused(
	failure: (message: string, description: string) => NodeOperationError,
	displayName: string,
	statusCode: number,
	baseUrl: string,
	decision: ReturnType<typeof decideRedirect>,
): NodeOperationError {
	const base = originOf(baseUrl) ?? 'the Base URL';
	if ('refuse' in decision && decision.refuse === 'otherOrigin') {
		return failure(
			`${displayName} redirected the request (${statusCode}) to ${decision.origin}, another address than the Base URL's (${base}): not followed, so neither the API key nor the contact went there`,
			`If ${displayName} has moved, set the Base URL in the ${displayName} credential to the new address; otherwise a proxy or a compromised server may be answering.`,
		);
	}
	if ('refuse' in decision && decision.refuse === 'method') {
		return failure(
			`${displayName} redirected the request (${statusCode}), which would turn it into a GET: not followed, so nothing was written`,
			`Set the Base URL in the ${displayName} credential to the address the API answers at.`,
		);
	}
	return failure(
		`${displayName} redirected the request (${statusCode}) ${'follow' in decision ? `more than ${MAX_REDIRECTS} times` : 'to an address the node cannot read'}: not followed`,
		`Set the Base URL in the ${displayName} credential to the address the API answers at.`,
	);
}
