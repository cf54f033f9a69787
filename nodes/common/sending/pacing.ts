import { createHash } from 'node:crypto';

import { sleep as n8nSleep } from 'n8n-workflow';

/**
 * Pacing shared by every node of this package in one n8n process. One budget per API key
 * and base URL: two nodes using the same credential share it, two accounts do not.
 * Rows queue here in the order the engine sends them, and at most `limit` requests leave in
 * any sliding window. A slot is counted from the moment it is taken, and dated from the
 * moment its request leaves (Slot.leaving): the window then ends as the server's does, give
 * or take pacing.marginRatio, not a little earlier.
 */
interface Budget {
	/** The slots of the window, in the order they were taken; each dated when its request left (or when taken, until then). */
	sentAt: Array<{ at: number }>;
	pausedUntil: number;
	/**
	 * The end of the longest wait a "too many requests" answer asked for, uncapped: a row that
	 * may not wait that long fails at once instead of sitting out a hold it cannot outlast.
	 * Cleared by the next request the server accepts.
	 */
	askedUntil: number;
	queue: Promise<void>;
	inFlight: number;
	/** Callers waiting for a request in flight to finish. */
	waiting: Array<() => void>;
}

const budgets = new Map<string, Budget>();

/**
 * `windowMs`: the window of a "requests per minute" limit; tests shorten it.
 * `maxInFlight`: requests of one budget on the wire at once. A slot is taken a little before
 * the request leaves (n8n authenticates it first); capping what is in flight keeps those
 * delays from bunching requests of two windows into one, and keeps a 10,000-row sync from
 * opening 10,000 sockets.
 * `maxHoldMs`: the longest a `X-RateLimit-Remaining: 0` answer holds a key's requests
 * (noteRateLimitHeaders): one bogus reset an hour ahead must not freeze the key.
 */
export const pacing = { windowMs: 60_000, maxInFlight: 64, maxHoldMs: 60_000, marginRatio: 0.01 };

/**
 * Requests of a budget on the wire at once: what the limit allows in a quarter of a second
 * (at least 2), so a limit the server still enforces a little earlier than we do refuses a
 * handful of requests, not a whole burst. Unlimited budgets get `pacing.maxInFlight`.
 */
function inFlightCap(limit: number): number {
	if (limit <= 0) return pacing.maxInFlight;
	return Math.min(pacing.maxInFlight, Math.max(2, Math.ceil((limit * 250) / pacing.windowMs)));
}

export function budgetKey(credentialType: string, baseUrl: unknown, secret: unknown): string {
	const digest = createHash('sha256').update(String(secret ?? '')).digest('hex').slice(0, 16);
	return `${credentialType}|${String(baseUrl ?? '')}|${digest}`;
}

function budget(key: string): Budget {
	let found = budgets.get(key);
	if (!found) {
		found = { sentAt: [], pausedUntil: 0, askedUntil: 0, queue: Promise.resolve(), inFlight: 0, waiting: [] };
		budgets.set(key, found);
	}
	return found;
}

/** The execution was stopped while a row waited: it waits no longer. */
export class WaitCancelled extends Error {
	constructor() {
		super('The execution was cancelled while waiting');
		this.name = 'WaitCancelled';
	}
}

/**
 * Waits `ms` with n8n's own `sleep`, or until `signal` aborts (a cancelled execution), which
 * ends the wait at once with WaitCancelled. n8n-workflow 2.34 and later also stop the timer
 * then; earlier versions ignore the signal and let it run out unheard.
 */
export async function sleep(ms: number, signal?: AbortSignal): Promise<void> {
	if (!signal) return await n8nSleep(ms);
	if (signal.aborted) throw new WaitCancelled();
	let stop = () => {};
	const cancelled = new Promise<never>((_, reject) => {
		stop = () => reject(new WaitCancelled());
		signal.addEventListener('abort', stop, { once: true });
	});
	const slept = (n8nSleep as (wait: number, abortSignal?: AbortSignal) => Promise<void>)(ms, signal);
	try {
		await Promise.race([slept, cancelled]);
	} finally {
		signal.removeEventListener('abort', stop);
		slept.catch(() => undefined);
		cancelled.catch(() => undefined);
	}
}

/** A slot not taken: the server asked this key to wait longer than the caller may wait (`maxPauseMs`). */
export class BudgetHeld extends Error {
	constructor(readonly heldMs: number) {
		super(`requests of this key are asked to wait another ${Math.ceil(heldMs / 1000)} s`);
		this.name = 'BudgetHeld';
	}
}

/**
 * A slot taken: `leaving()` dates it when its request leaves, `release()` frees it when the
 * answer has arrived (`later`: once the tasks already queued have run), `pausedMs` is how long
 * the caller waited on a pause (pauseBudget) to get it.
 */
export interface Slot {
	leaving(): void;
	release(later?: boolean): void;
	pausedMs: number;
}

/**
 * Waits for a free slot under `limit` requests per window (0 = unlimited) and under the
 * in-flight cap, then takes it. Call the returned function when the answer has arrived.
 * With `maxPauseMs`, a budget held (pauseBudget) for longer than that is not waited for:
 * the call fails with BudgetHeld.
 */
export async function takeSlot(key: string, limit: number, options: { maxPauseMs?: number; signal?: AbortSignal } = {}): Promise<Slot> {
	const state = budget(key);
	let pausedMs = 0;
	const dated = { at: 0 };
	const margin = pacing.windowMs * (1 + pacing.marginRatio);
	const turn = state.queue.then(async () => {
		for (;;) {
			while (state.inFlight >= inFlightCap(limit)) {
				await new Promise<void>((resolve) => state.waiting.push(resolve));
			}
			const now = Date.now();
			while (state.sentAt.length && state.sentAt[0].at <= now - margin) state.sentAt.shift();
			const full = limit > 0 && state.sentAt.length >= limit;
			// The margin absorbs the time between a request leaving and arriving.
			const windowEnd = full ? state.sentAt[0].at + margin - now : 0;
			const held = state.pausedUntil - now;
			const asked = Math.max(held, state.askedUntil - now);
			if (options.maxPauseMs !== undefined && asked > options.maxPauseMs) throw new BudgetHeld(asked);
			const wait = Math.max(held, windowEnd);
			if (wait <= 0) break;
			await sleep(wait, options.signal);
			if (held > 0) pausedMs += Math.min(held, wait);
		}
		dated.at = Date.now();
		if (limit > 0) state.sentAt.push(dated);
		state.inFlight++;
	});
	state.queue = turn.catch(() => undefined);
	await turn;
	let released = false;
	const free = () => {
		state.inFlight--;
		state.waiting.shift()?.();
	};
	return {
		pausedMs,
		leaving: () => {
			dated.at = Math.max(dated.at, Date.now());
		},
		release: (later = false) => {
			if (released) return;
			released = true;
			if (later) void n8nSleep(0).then(free);
			else free();
		},
	};
}

/** Holds every request of this budget until `until` (the server said to wait). */
export function pauseBudget(key: string, until: number): void {
	const state = budget(key);
	state.pausedUntil = Math.max(state.pausedUntil, until);
}

/** A "too many requests" answer asked this key to wait until `until`, more than the row that read it could wait. */
export function noteAskedWait(key: string, until: number): void {
	const state = budget(key);
	state.askedUntil = Math.max(state.askedUntil, until);
}

/** The server accepted a request of this key: whatever wait it asked for before is over. */
export function noteAccepted(key: string): void {
	const state = budgets.get(key);
	if (state) state.askedUntil = 0;
}

function header(headers: Record<string, unknown>, name: string): string | undefined {
	const wanted = name.toLowerCase();
	const found = Object.keys(headers).find((key) => key.toLowerCase() === wanted);
	const value = found === undefined ? undefined : headers[found];
	if (Array.isArray(value)) return value.length ? String(value[0]) : undefined;
	return value === undefined || value === null ? undefined : String(value);
}

/**
 * How long the server asks us to wait, in ms: `Retry-After` (seconds or an HTTP date), or
 * `X-RateLimit-Reset` (a Unix time in seconds, Skipcall).
 */
export function serverWaitMs(headers: Record<string, unknown>, now = Date.now()): number | undefined {
	const retryAfter = header(headers, 'retry-after');
	if (retryAfter !== undefined) {
		const seconds = Number(retryAfter);
		if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
		const date = Date.parse(retryAfter);
		if (!Number.isNaN(date)) return Math.max(0, date - now);
	}
	const reset = Number(header(headers, 'x-ratelimit-reset'));
	if (header(headers, 'x-ratelimit-reset') !== undefined && Number.isFinite(reset)) {
		// A reset far below a Unix time is a number of seconds to wait.
		return reset > 1e9 ? Math.max(0, reset * 1000 - now) : reset * 1000;
	}
	return undefined;
}

/**
 * `X-RateLimit-Remaining: 0` means the next request would be refused: wait for the reset,
 * but never longer than `limitMs` (the row's Max Rate-Limit Wait) nor `pacing.maxHoldMs`.
 * The pause holds every later request of the key, other executions' included, on the word
 * of one answer; past the bound, a 429 says for itself how long to wait.
 */
export function noteRateLimitHeaders(key: string, headers: Record<string, unknown>, now = Date.now(), limitMs = Infinity): void {
	const remaining = header(headers, 'x-ratelimit-remaining');
	if (remaining === undefined || remaining.trim() === '' || !(Number(remaining) <= 0)) return;
	const wait = serverWaitMs(headers, now);
	if (wait !== undefined) pauseBudget(key, now + Math.min(wait, limitMs, pacing.maxHoldMs));
}
