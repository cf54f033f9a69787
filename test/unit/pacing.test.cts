import {
	budgetKey,
	noteRateLimitHeaders,
	pacing,
	pauseBudget,
	serverWaitMs,
	sleep as pacedSleep,
	takeSlot,
} from '../../nodes/common/sending/pacing';

const WINDOW_MS = 200;
const original = { ...pacing };

beforeAll(() => {
	pacing.windowMs = WINDOW_MS;
});

afterAll(() => {
	pacing.windowMs = original.windowMs;
	pacing.maxInFlight = original.maxInFlight;
});

/** A budget of its own for each test: budgets live for the whole process. */
let keyCount = 0;
const freshKey = () => budgetKey('rateLimitTest', `https://test-${++keyCount}.example`, `secret-${keyCount}`);

const sleep = async (ms: number) => await new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Whether the promise has settled after `ms`. */
async function settledWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
	let settled = false;
	void promise.then(() => {
		settled = true;
	});
	await sleep(ms);
	return settled;
}

/** Takes `count` slots at once, each held for `holdMs`; returns the grant times and the most held at once. */
async function takeMany(key: string, limit: number, count: number, holdMs = 0) {
	const start = Date.now();
	const grants: number[] = [];
	const order: number[] = [];
	let held = 0;
	let maxHeld = 0;
	await Promise.all(
		Array.from({ length: count }, async (_, index) => {
			const slot = await takeSlot(key, limit);
			grants.push(Date.now() - start);
			order.push(index);
			held++;
			maxHeld = Math.max(maxHeld, held);
			if (holdMs) await sleep(holdMs);
			held--;
			slot.release();
		}),
	);
	return { grants, order, maxHeld, totalMs: Date.now() - start };
}

describe('429 waits follow Retry-After (seconds or HTTP date) and X-RateLimit-Reset (Unix time)', () => {
	const now = Date.parse('2025-01-15T12:00:00Z');

	it.each([
		['3', 3000],
		['0', 0],
		['1.5', 1500],
		['120', 120000],
		['-5', 0],
	])('Retry-After: %s -> %p ms', (value, expected) => {
		expect(serverWaitMs({ 'retry-after': value }, now)).toBe(expected);
	});

	it('Retry-After as a number', () => {
		expect(serverWaitMs({ 'retry-after': 7 }, now)).toBe(7000);
	});

	it('Retry-After as an HTTP date: the time left until then', () => {
		expect(serverWaitMs({ 'retry-after': 'Wed, 15 Jan 2025 12:00:30 GMT' }, now)).toBe(30000);
	});

	it('Retry-After as an HTTP date in the past: no wait', () => {
		expect(serverWaitMs({ 'retry-after': 'Wed, 15 Jan 2025 11:59:00 GMT' }, now)).toBe(0);
	});

	it('X-RateLimit-Reset as a Unix time in seconds: the time left until then', () => {
		expect(serverWaitMs({ 'x-ratelimit-reset': String(now / 1000 + 45) }, now)).toBe(45000);
	});

	it('X-RateLimit-Reset in the past: no wait', () => {
		expect(serverWaitMs({ 'x-ratelimit-reset': String(now / 1000 - 10) }, now)).toBe(0);
	});

	it('a small X-RateLimit-Reset is a number of seconds to wait', () => {
		expect(serverWaitMs({ 'x-ratelimit-reset': '30' }, now)).toBe(30000);
	});

	it('Retry-After wins over X-RateLimit-Reset', () => {
		expect(serverWaitMs({ 'retry-after': '2', 'x-ratelimit-reset': String(now / 1000 + 45) }, now)).toBe(2000);
	});

	it('an unreadable Retry-After falls back to X-RateLimit-Reset', () => {
		expect(serverWaitMs({ 'retry-after': 'soon', 'x-ratelimit-reset': '5' }, now)).toBe(5000);
	});

	it('an unreadable Retry-After alone gives no wait', () => {
		expect(serverWaitMs({ 'retry-after': 'soon' }, now)).toBeUndefined();
	});

	it('an unreadable X-RateLimit-Reset gives no wait', () => {
		expect(serverWaitMs({ 'x-ratelimit-reset': 'later' }, now)).toBeUndefined();
	});

	it('reads the lower-case header names Node gives', () => {
		const headers = { 'content-type': 'application/json', 'retry-after': '4', 'x-ratelimit-limit': '100' };
		expect(serverWaitMs(headers, now)).toBe(4000);
		expect(serverWaitMs({ 'x-ratelimit-reset': String(now / 1000 + 1) }, now)).toBe(1000);
	});

	it('a header repeated as an array: the first value', () => {
		expect(serverWaitMs({ 'retry-after': ['5', '9'] }, now)).toBe(5000);
	});

	it.each([[{}], [{ 'retry-after': undefined }], [{ 'retry-after': null }], [{ 'retry-after': [] }], [{ 'x-ratelimit-remaining': '0' }]])(
		'nothing to wait for in %p',
		(headers) => {
			expect(serverWaitMs(headers as Record<string, unknown>, now)).toBeUndefined();
		},
	);

	it('uses the current time by default', () => {
		const reset = Math.floor(Date.now() / 1000) + 100;
		const wait = serverWaitMs({ 'x-ratelimit-reset': String(reset) })!;
		expect(wait).toBeGreaterThan(98000);
		expect(wait).toBeLessThanOrEqual(100000);
	});
});

describe('one budget per credential type, base URL and API key, which never shows the key', () => {
	it('the same inputs give the same key', () => {
		expect(budgetKey('skipcallApi', 'https://api.skipcall.com', 'sk_live_1')).toBe(
			budgetKey('skipcallApi', 'https://api.skipcall.com', 'sk_live_1'),
		);
	});

	it('differs per secret', () => {
		expect(budgetKey('skipcallApi', 'https://api.skipcall.com', 'sk_live_1')).not.toBe(
			budgetKey('skipcallApi', 'https://api.skipcall.com', 'sk_live_2'),
		);
	});

	it('differs per base URL', () => {
		expect(budgetKey('skipcallApi', 'https://api.skipcall.com', 'sk_live_1')).not.toBe(
			budgetKey('skipcallApi', 'https://staging.skipcall.com', 'sk_live_1'),
		);
	});

	it('differs per credential type', () => {
		expect(budgetKey('skipcallApi', 'https://x', 'k')).not.toBe(budgetKey('klenAiApi', 'https://x', 'k'));
	});

	it('never contains the secret', () => {
		const secret = 'sk_live_9f8e7d6c5b4a';
		const key = budgetKey('skipcallApi', 'https://api.skipcall.com', secret);
		expect(key).not.toContain(secret);
		expect(key).not.toContain('9f8e7d6c5b4a');
		expect(key).toMatch(/^skipcallApi\|https:\/\/api\.skipcall\.com\|[0-9a-f]{16}$/);
	});

	it('accepts a missing base URL and secret', () => {
		expect(budgetKey('klenAiApi', undefined, undefined)).toMatch(/^klenAiApi\|\|[0-9a-f]{16}$/);
		expect(budgetKey('klenAiApi', undefined, undefined)).toBe(budgetKey('klenAiApi', '', ''));
	});
});

describe('takeSlot grants at most `limit` slots per window, in call order', () => {
	it('the first `limit` slots are immediate, the next wait for the window', async () => {
		const { grants } = await takeMany(freshKey(), 3, 7);
		grants.sort((a, b) => a - b);
		expect(grants).toHaveLength(7);
		expect(grants[2]).toBeLessThan(WINDOW_MS / 2);
		expect(grants[3]).toBeGreaterThanOrEqual(WINDOW_MS - 5);
		expect(grants[6]).toBeGreaterThanOrEqual(2 * WINDOW_MS - 5);
	});

	it('no window holds more than `limit` grants', async () => {
		const limit = 4;
		const { grants } = await takeMany(freshKey(), limit, 13);
		grants.sort((a, b) => a - b);
		for (let index = 0; index + limit < grants.length; index++) {
			expect(grants[index + limit] - grants[index]).toBeGreaterThanOrEqual(WINDOW_MS - 5);
		}
	});

	it('slots are granted in call order', async () => {
		const { order } = await takeMany(freshKey(), 2, 6);
		expect(order).toEqual([0, 1, 2, 3, 4, 5]);
	});

	it('slots are granted in call order when callers hold them', async () => {
		const { order } = await takeMany(freshKey(), 0, 8, 5);
		expect(order).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
	});

	it('limit 0 means no waiting', async () => {
		const { grants, totalMs } = await takeMany(freshKey(), 0, 30);
		expect(grants).toHaveLength(30);
		expect(totalMs).toBeLessThan(WINDOW_MS / 2);
	});

	it('budgets are independent: a full budget does not hold another', async () => {
		const busy = freshKey();
		await takeMany(busy, 1, 1);
		const start = Date.now();
		(await takeSlot(freshKey(), 1)).release();
		expect(Date.now() - start).toBeLessThan(WINDOW_MS / 2);
		// The full budget still waits.
		const again = takeSlot(busy, 1);
		expect(await settledWithin(again, 20)).toBe(false);
		(await again).release();
	});
});

describe('takeSlot caps the requests in flight, and its release frees a place', () => {
	afterEach(() => {
		pacing.windowMs = WINDOW_MS;
		pacing.maxInFlight = original.maxInFlight;
	});

	it('the cap is what the limit allows in 250 ms: limit 20 a second gives 5', async () => {
		pacing.windowMs = 1000;
		// Math.ceil(20 * 250 / 1000) = 5; 15 slots stay under the limit of 20.
		const { maxHeld, grants } = await takeMany(freshKey(), 20, 15, 15);
		expect(grants).toHaveLength(15);
		expect(maxHeld).toBe(5);
	});

	it('the cap is at least 2', async () => {
		pacing.windowMs = 1000;
		// Math.ceil(4 * 250 / 1000) = 1, raised to 2.
		const { maxHeld } = await takeMany(freshKey(), 4, 4, 30);
		expect(maxHeld).toBe(2);
	});

	it('a high limit is capped by pacing.maxInFlight', async () => {
		pacing.maxInFlight = 3;
		// Math.ceil(100000 * 250 / 200) is far above 3.
		const { maxHeld, grants } = await takeMany(freshKey(), 100000, 12, 10);
		expect(grants).toHaveLength(12);
		expect(maxHeld).toBe(3);
	});

	it('an unlimited budget is capped by pacing.maxInFlight', async () => {
		pacing.maxInFlight = 4;
		const { maxHeld } = await takeMany(freshKey(), 0, 12, 10);
		expect(maxHeld).toBe(4);
	});

	it('with the default maxInFlight a high limit never holds more than 64', async () => {
		const { maxHeld, grants } = await takeMany(freshKey(), 1000000, 100, 20);
		expect(grants).toHaveLength(100);
		expect(maxHeld).toBe(64);
	});

	it('a caller waits for a place, and gets it when a slot is released', async () => {
		pacing.windowMs = 1000;
		const key = freshKey();
		// Cap 2 (Math.ceil(4 * 250 / 1000) = 1, raised to 2); the window allows 4.
		const first = await takeSlot(key, 4);
		const second = await takeSlot(key, 4);
		const third = takeSlot(key, 4);
		expect(await settledWithin(third, 40)).toBe(false);
		first.release();
		expect(await settledWithin(third, 20)).toBe(true);
		second.release();
		(await third).release();
	});

	it('calling a release twice frees only one place', async () => {
		pacing.windowMs = 1000;
		const key = freshKey();
		const first = await takeSlot(key, 4);
		const second = await takeSlot(key, 4);
		first.release();
		first.release();
		const third = await takeSlot(key, 4);
		const fourth = takeSlot(key, 4);
		expect(await settledWithin(fourth, 40)).toBe(false);
		second.release();
		expect(await settledWithin(fourth, 20)).toBe(true);
		third.release();
		(await fourth).release();
	});

	it('a slot held across windows still counts against the cap', async () => {
		const key = freshKey();
		// Limit 1 in a 200 ms window: cap 2.
		const first = await takeSlot(key, 1);
		const second = await takeSlot(key, 1);
		const third = takeSlot(key, 1);
		// The window has passed twice over, but two slots are still held.
		expect(await settledWithin(third, 2.5 * WINDOW_MS)).toBe(false);
		first.release();
		expect(await settledWithin(third, 20)).toBe(true);
		second.release();
		(await third).release();
	});
});

describe('pauseBudget delays the next slot until the time given', () => {
	it('a paused unlimited budget waits', async () => {
		const key = freshKey();
		const start = Date.now();
		pauseBudget(key, start + 150);
		(await takeSlot(key, 0)).release();
		expect(Date.now() - start).toBeGreaterThanOrEqual(145);
	});

	it('a paused limited budget waits', async () => {
		const key = freshKey();
		const start = Date.now();
		pauseBudget(key, start + 120);
		(await takeSlot(key, 10)).release();
		expect(Date.now() - start).toBeGreaterThanOrEqual(115);
	});

	it('a shorter pause does not cut a longer one', async () => {
		const key = freshKey();
		const start = Date.now();
		pauseBudget(key, start + 150);
		pauseBudget(key, start + 10);
		(await takeSlot(key, 0)).release();
		expect(Date.now() - start).toBeGreaterThanOrEqual(145);
	});

	it('a pause in the past does not delay', async () => {
		const key = freshKey();
		const start = Date.now();
		pauseBudget(key, start - 1000);
		(await takeSlot(key, 0)).release();
		expect(Date.now() - start).toBeLessThan(50);
	});

	it('a pause holds only its own budget', async () => {
		const paused = freshKey();
		pauseBudget(paused, Date.now() + 10000);
		const start = Date.now();
		(await takeSlot(freshKey(), 0)).release();
		expect(Date.now() - start).toBeLessThan(50);
	});
});

describe('noteRateLimitHeaders pauses the budget when no request is left', () => {
	it('remaining 0 with a reset: the next slot waits for the reset', async () => {
		const key = freshKey();
		const start = Date.now();
		noteRateLimitHeaders(key, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '0.15' }, start);
		(await takeSlot(key, 0)).release();
		expect(Date.now() - start).toBeGreaterThanOrEqual(145);
	});

	it('remaining 0 with Retry-After: the next slot waits', async () => {
		const key = freshKey();
		const start = Date.now();
		noteRateLimitHeaders(key, { 'x-ratelimit-remaining': 0, 'retry-after': '0.12' }, start);
		(await takeSlot(key, 0)).release();
		expect(Date.now() - start).toBeGreaterThanOrEqual(115);
	});

	it('remaining above 0: no pause', async () => {
		const key = freshKey();
		const start = Date.now();
		noteRateLimitHeaders(key, { 'x-ratelimit-remaining': '5', 'x-ratelimit-reset': '10' }, start);
		(await takeSlot(key, 0)).release();
		expect(Date.now() - start).toBeLessThan(50);
	});

	it('no remaining header: no pause, even with a reset', async () => {
		const key = freshKey();
		const start = Date.now();
		noteRateLimitHeaders(key, { 'retry-after': '10' }, start);
		(await takeSlot(key, 0)).release();
		expect(Date.now() - start).toBeLessThan(50);
	});

	it('remaining 0 without a time to wait: no pause', async () => {
		const key = freshKey();
		const start = Date.now();
		noteRateLimitHeaders(key, { 'x-ratelimit-remaining': '0' }, start);
		(await takeSlot(key, 0)).release();
		expect(Date.now() - start).toBeLessThan(50);
	});
});

describe('regressions', () => {
	it('reads headers whatever their case', () => {
		expect(serverWaitMs({ 'Retry-After': '3' })).toBe(3000);
	});
});

describe('A slot is dated when its request leaves, so the window ends as the server’s does (issue 20)', () => {
	it('a request that leaves 300 ms after its slot was taken holds the window 300 ms longer', async () => {
		pacing.windowMs = 500;
		const key = freshKey();
		const first = await takeSlot(key, 1);
		await sleep(300);
		first.leaving();
		first.release();
		const start = Date.now();
		(await takeSlot(key, 1)).release();
		// Dated when it left: the window ends about 300 ms + 500 ms (+1%) after the slot was taken.
		expect(Date.now() - start).toBeGreaterThanOrEqual(450);
	});

	it('the margin is 1% of the window (pacing.marginRatio)', async () => {
		pacing.windowMs = 1000;
		const key = freshKey();
		const first = await takeSlot(key, 1);
		first.leaving();
		first.release();
		const start = Date.now();
		(await takeSlot(key, 1)).release();
		expect(Date.now() - start).toBeGreaterThanOrEqual(1000);
		expect(Date.now() - start).toBeLessThan(1150);
	});
});

describe('A cancelled execution stops waiting at once (n8n’s sleep, and the execution’s cancel signal)', () => {
	it('a row waiting for the window gives up when the signal aborts', async () => {
		pacing.windowMs = 5000;
		const key = freshKey();
		(await takeSlot(key, 1)).release();
		const cancel = new AbortController();
		const start = Date.now();
		const waiting = takeSlot(key, 1, { signal: cancel.signal });
		setTimeout(() => cancel.abort(), 50);
		await expect(waiting).rejects.toThrow('The execution was cancelled while waiting');
		expect(Date.now() - start).toBeLessThan(1000);
	});

	it('sleep without a signal waits the time given', async () => {
		const start = Date.now();
		await pacedSleep(60);
		expect(Date.now() - start).toBeGreaterThanOrEqual(55);
	});
});
