import { pacing } from '../../nodes/common/sending/pacing';
import { retryPolicy } from '../../nodes/common/sending/send';
import { type ScriptedServer, json, runAgainst, scriptedServer } from '../support/scripted.cts';

/**
 * Issue 9, cases 2 and 3: "too many requests" answers whose wait is zero or nonsense cost
 * every retry time against Max Rate-Limit Wait, and one answer's X-RateLimit-Remaining: 0
 * cannot hold a key longer than a row may wait nor longer than pacing.maxHoldMs.
 */

let server: ScriptedServer;
const original = { ...pacing };
beforeAll(async () => {
	retryPolicy.firstBackoffMs = 10;
	server = await scriptedServer((_, response) => json(response, 200, { id: 'c1' }));
});
afterAll(async () => {
	Object.assign(pacing, original);
	await server.stop();
});

let port = 0;
/** Each test its own Base URL: the pacing budget (and its holds) is per key and Base URL. */
const freshBase = () => `${server.origin}/v1/${++port}`;
const get = (options: object = {}) => ({ operation: 'get', contactId: 'c1', options });

describe('Every 429 retry costs time against Max Rate-Limit Wait, whatever the server says to wait', () => {
	const nowSeconds = () => Math.floor(Date.now() / 1000);
	it.each([
		['Retry-After: 0', () => ({ 'Retry-After': '0' })],
		['a negative Retry-After', () => ({ 'Retry-After': '-30' })],
		['an unreadable Retry-After', () => ({ 'Retry-After': 'soon' })],
		['X-RateLimit-Reset: 0', () => ({ 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': '0' })],
		['an X-RateLimit-Reset in the past', () => ({ 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': String(nowSeconds() - 3600) })],
	])('%s: backs off from the floor, doubling, and fails when the wait is spent', async (_, headers) => {
		server.requests.length = 0;
		server.script((_request, response) => json(response, 429, { message: 'Too Many Requests' }, headers()));
		const started = Date.now();
		const result = await runAgainst('skipcall', freshBase(), get({ maxRateLimitWait: 1 }), [{}], { continueOnFail: true });
		const elapsed = Date.now() - started;
		// 10 + 20 + 40 + 80 + 160 + 320 ms waited; the next wait (640 ms) would pass 1 s.
		expect(server.requests).toHaveLength(7);
		expect(elapsed).toBeGreaterThanOrEqual(600);
		expect(result.items).toEqual([{ error: '[item 0 · contact c1] Rate limited by Skipcall (429): Too Many Requests' }]);
	});

	it('Max Rate-Limit Wait 0: the first 429 fails the row', async () => {
		server.requests.length = 0;
		server.script((_request, response) => json(response, 429, { message: 'Too Many Requests' }, { 'Retry-After': '0' }));
		const result = await runAgainst('skipcall', freshBase(), get({ maxRateLimitWait: 0 }), [{}], { continueOnFail: true });
		expect(server.requests).toHaveLength(1);
		expect(result.items?.[0].error).toMatch(/Rate limited by Skipcall \(429\)/);
	});

	it('a usable Retry-After is still followed as given', async () => {
		server.requests.length = 0;
		let refused = 0;
		server.script((_request, response) =>
			refused++ < 2 ? json(response, 429, { message: 'slow down' }, { 'Retry-After': '0.3' }) : json(response, 200, { id: 'c1' }),
		);
		const started = Date.now();
		const result = await runAgainst('skipcall', freshBase(), get());
		expect(Date.now() - started).toBeGreaterThanOrEqual(590);
		expect(result.items).toEqual([{ id: 'c1' }]);
	});
});

describe('X-RateLimit-Remaining: 0 holds a key no longer than a row may wait, nor than pacing.maxHoldMs', () => {
	beforeEach(() => {
		pacing.maxHoldMs = 1500;
	});

	it('a reset an hour ahead holds the key for pacing.maxHoldMs, not an hour', async () => {
		const base = freshBase();
		const inAnHour = String(Math.floor(Date.now() / 1000) + 3600);
		server.script((_request, response) => json(response, 200, { id: 'c1' }, { 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': inAnHour }));
		expect((await runAgainst('skipcall', base, get())).items).toEqual([{ id: 'c1' }]);
		server.script((_request, response) => json(response, 200, { id: 'c1' }));
		const started = Date.now();
		const later = await runAgainst('skipcall', base, get());
		expect(later.items).toEqual([{ id: 'c1' }]);
		expect(Date.now() - started).toBeGreaterThanOrEqual(1300);
		expect(Date.now() - started).toBeLessThan(4000);
	});

	it('the hold is bounded by the Max Rate-Limit Wait of the row that read it', async () => {
		const base = freshBase();
		const inAnHour = String(Math.floor(Date.now() / 1000) + 3600);
		server.script((_request, response) => json(response, 200, { id: 'c1' }, { 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': inAnHour }));
		await runAgainst('skipcall', base, get({ maxRateLimitWait: 0.3 }));
		server.script((_request, response) => json(response, 200, { id: 'c1' }));
		const started = Date.now();
		expect((await runAgainst('skipcall', base, get())).items).toEqual([{ id: 'c1' }]);
		expect(Date.now() - started).toBeLessThan(1000);
	});

	it('a later row that may wait less than the hold fails at once, naming the wait, without sending', async () => {
		const base = freshBase();
		const inAnHour = String(Math.floor(Date.now() / 1000) + 3600);
		server.script((_request, response) => json(response, 200, { id: 'c1' }, { 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': inAnHour }));
		await runAgainst('skipcall', base, get());
		server.requests.length = 0;
		const started = Date.now();
		const impatient = await runAgainst('skipcall', base, get({ maxRateLimitWait: 0.5 }), [{}], { continueOnFail: true });
		expect(Date.now() - started).toBeLessThan(500);
		expect(server.requests).toEqual([]);
		expect(impatient.items).toEqual([
			{
				error: '[item 0 · contact c1] Rate limited by Skipcall: it asked to wait another 2 s, more than Options › Max Rate-Limit Wait (0.5 s) leaves this row: raise it to 2 s or more, or run the node again later. Not sent',
			},
		]);
	});
});
