import type { ServerResponse } from 'node:http';

import { retryPolicy } from '../../nodes/common/sending/send';
import { type ScriptedServer, json, runAgainst, scriptedServer } from '../support/scripted.cts';

/**
 * Issue 9, case 6: a hung server costs each try Options › Request Timeout (30 s by default), a
 * deadline from sending to the last byte, not n8n's 300 s idle-socket timeout that a server
 * trickling bytes never trips.
 */

let server: ScriptedServer;
const timers = new Set<NodeJS.Timeout>();
beforeAll(async () => {
	retryPolicy.firstBackoffMs = 10;
	server = await scriptedServer((_, response) => json(response, 200, {}));
});
beforeEach(() => {
	server.requests.length = 0;
});
afterEach(() => {
	for (const timer of timers) clearInterval(timer);
	timers.clear();
});
afterAll(async () => await server.stop());

const base = () => `${server.origin}/v1`;
const get = { operation: 'get', contactId: 'c1', options: { requestTimeout: 1 } };

/** Never answers. */
const hang = () => undefined;

/** Answers 200 and sends a byte of a JSON body every 100 ms, forever. */
function trickle(_: unknown, response: ServerResponse) {
	response.writeHead(200, { 'Content-Type': 'application/json' });
	response.write('{"id": "c1", "padding": "');
	const timer = setInterval(() => response.write('x'), 100);
	timers.add(timer);
	response.on('close', () => clearInterval(timer));
}

describe('Options › Request Timeout bounds every try, a trickling answer included', () => {
	it.each([
		['a server that never answers', hang],
		['a server that trickles its answer', trickle],
	])('Get against %s: tried twice, then the row fails naming the timeout', async (_, script) => {
		server.script(script);
		const started = Date.now();
		const result = await runAgainst('skipcall', base(), get, [{}], { continueOnFail: true });
		const elapsed = Date.now() - started;
		expect(server.requests).toHaveLength(2);
		expect(elapsed).toBeGreaterThanOrEqual(2000);
		expect(elapsed).toBeLessThan(6000);
		expect(result.items).toEqual([
			{ error: '[item 0 · contact c1] Connection to Skipcall failed (no complete answer within 1 s, Options › Request Timeout)' },
		]);
	});

	it('a create that times out is tried once and may have been created', async () => {
		server.script(hang);
		const result = await runAgainst(
			'skipcall',
			base(),
			{ operation: 'create', firstName: 'Jane', lastName: 'Doe', phoneNumbers: '+33612345678', options: { requestTimeout: 1 } },
			[{}],
			{ continueOnFail: true },
		);
		expect(server.requests).toHaveLength(1);
		expect(result.items).toEqual([
			{
				error: '[item 0 · Jane Doe] Connection to Skipcall failed (no complete answer within 1 s, Options › Request Timeout): the contact may have been created',
			},
		]);
	});

	it('the default is 30 s', async () => {
		expect(retryPolicy.defaultTimeoutSeconds).toBe(30);
		server.script(hang);
		const { requestTimeout, ...withoutTimeout } = get.options;
		void requestTimeout;
		retryPolicy.defaultTimeoutSeconds = 0.5;
		try {
			const started = Date.now();
			const result = await runAgainst('skipcall', base(), { ...get, options: withoutTimeout }, [{}], { continueOnFail: true });
			expect(Date.now() - started).toBeLessThan(2500);
			expect(result.items?.[0].error).toMatch(/no complete answer within 0\.5 s/);
		} finally {
			retryPolicy.defaultTimeoutSeconds = 30;
		}
	});

	it('a slow answer within the deadline is read whole', async () => {
		server.script((_, response) => {
			response.writeHead(200, { 'Content-Type': 'application/json' });
			response.write('{"id": "c1",');
			setTimeout(() => response.end(' "firstName": "Jane"}'), 400);
		});
		const result = await runAgainst('skipcall', base(), get);
		expect(result.items).toEqual([{ id: 'c1', firstName: 'Jane' }]);
	});
});
