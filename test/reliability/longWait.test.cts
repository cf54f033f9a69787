import { retryPolicy } from '../../nodes/common/sending/send';
import { type ScriptedServer, json, runAgainst, scriptedServer } from '../support/scripted.cts';

/**
 * Issue 18, item 6: a "too many requests" answer asking for a wait longer than a row may wait
 * (Options › Max Rate-Limit Wait) fails that row at once, saying how long the server asked
 * and which option to raise, and a later row or run that cannot outlast what the server asked
 * fails at once too. Before, the key was held, and the next execution sat with nothing sent.
 */

let server: ScriptedServer;
beforeAll(async () => {
	retryPolicy.firstBackoffMs = 10;
	server = await scriptedServer((_, response) => json(response, 200, { id: 'c1' }));
});
beforeEach(() => (server.requests.length = 0));
afterAll(async () => await server.stop());

let port = 0;
const freshBase = () => `${server.origin}/v1/wait${++port}`;
const get = (options: object = {}) => ({ operation: 'get', contactId: 'c1', options });
const HOUR = () => ({ 'Retry-After': '3600', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': String(Math.floor(Date.now() / 1000) + 3600) });
const FAILED =
	'[item 0 · contact c1] Rate limited by Skipcall (429): Too Many Requests. Skipcall asks to wait 60 min (3,600 s), more than Options › Max Rate-Limit Wait (300 s) leaves this row: raise it to 3,600 s or more, or run the node again later.';

describe('A wait longer than the row may wait fails the row at once, saying how long and what to raise', () => {
	it('the 429 asking an hour: one request, the row fails at once', async () => {
		server.script((_request, response) => json(response, 429, { message: 'Too Many Requests' }, HOUR()));
		const base = freshBase();
		const started = Date.now();
		const result = await runAgainst('skipcall', base, get(), [{}], { continueOnFail: true });
		expect(Date.now() - started).toBeLessThan(2000);
		expect(server.requests).toHaveLength(1);
		expect(result.items?.[0].error).toBe(FAILED);
	});

	it('the next execution, on the same key, fails at once without sending: the server asked for an hour', async () => {
		server.script((_request, response) => json(response, 429, { message: 'Too Many Requests' }, HOUR()));
		const base = freshBase();
		await runAgainst('skipcall', base, get(), [{}], { continueOnFail: true });
		server.requests.length = 0;
		server.script((_request, response) => json(response, 200, { id: 'c1' }));
		const started = Date.now();
		const result = await runAgainst('skipcall', base, get(), [{}, {}, {}], { continueOnFail: true });
		expect(Date.now() - started).toBeLessThan(2000);
		expect(server.requests).toHaveLength(0);
		expect(result.items).toHaveLength(3);
		expect(result.items?.map((item) => item.error)).toEqual(
			Array(3).fill(
				'[item 0 · contact c1] Rate limited by Skipcall: it asked to wait another 60 min (3,600 s), more than Options › Max Rate-Limit Wait (300 s) leaves this row: raise it to 3,600 s or more, or run the node again later. Not sent',
			).map((message, index) => message.replace('item 0', `item ${index}`)),
		);
	});

	it('a row allowed to wait longer than the server asked waits it out, then is sent', async () => {
		server.script((_request, response) => json(response, 429, { message: 'Too Many Requests' }, { 'Retry-After': '1' }));
		const base = freshBase();
		await runAgainst('skipcall', base, get({ maxRateLimitWait: 0.5 }), [{}], { continueOnFail: true });
		server.script((_request, response) => json(response, 200, { id: 'c1' }));
		server.requests.length = 0;
		const result = await runAgainst('skipcall', base, get({ maxRateLimitWait: 5 }), [{}]);
		expect(result.items).toEqual([{ id: 'c1' }]);
		expect(server.requests).toHaveLength(1);
	});
});
