/**
 * Issue "Bulk syncs that finish": 300 rows against contract servers with their rate limiter
 * on and faults injected end with 300 output items, each contact created exactly once.
 * The limits are per 2 seconds here instead of per minute, for test speed: the client's
 * window (pacing.windowMs) and the server's are shortened together. The server accepts at
 * most its limit in any window and answers 429 beyond it, as the providers do. In a window
 * that short, the time between the node taking a slot and the request arriving (jest runs
 * n8n and the server in one busy process) is a larger share than in a minute, so a few
 * requests arrive early and are answered 429, then waited out: pacing keeps those under 10%
 * of the rows (without it, every request beyond the limit would be refused).
 */
import { pacing } from '../../nodes/common/sending/pacing';
import { retryPolicy } from '../../nodes/common/sending/send';
import { runKlen, startKlen, type KlenServer } from '../support/klen.cts';
import { runSkipcall, startSkipcall, type SkipcallServer } from '../support/skipcall.cts';

const WINDOW_MS = 2000;
const ROWS = 300;

beforeAll(() => {
	pacing.windowMs = WINDOW_MS;
	retryPolicy.firstBackoffMs = 50;
});

const rows = Array.from({ length: ROWS }, (_, index) => ({
	first: `Row${index}`,
	email: `row${index}@example.com`,
	phone: `+1 415 555 ${String(1000 + index).padStart(4, '0')}`,
}));

/** 429s the server's own limiter answered (the injected ones not counted). */
const rateLimitedAnswers = (server: KlenServer | SkipcallServer) =>
	server.requests.filter((request: { rateLimited?: boolean }) => request.rateLimited).length;

/** The 429 bursts, one 503 and one connection reset, at rows spread over the run. */
function injectFaults(server: KlenServer | SkipcallServer, tooMany: () => object, faults: { serviceUnavailable: object; connection: string }) {
	const postOf = (row: number) => (request: { method: string; body?: { email?: string; first_name?: string; firstName?: string } }) =>
		request.method === 'POST' && (request.body?.first_name ?? request.body?.firstName) === `Row${row}`;
	for (const row of [10, 11, 12, 13, 14, 150, 151, 152]) server.inject(postOf(row), tooMany());
	server.inject(postOf(90), faults.serviceUnavailable);
	server.inject(postOf(200), faults.connection);
}

describe('A 300-row Klen AI sync with 429 bursts, a 503 and a connection reset loses nothing and creates nothing twice', () => {
	let server: KlenServer;
	beforeAll(async () => {
		server = await startKlen({ rateLimit: { limit: 60, windowMs: WINDOW_MS } });
	});
	afterAll(async () => await server.stop());

	it('ends with 300 output items in input order, each contact created once, never above the limit', async () => {
		injectFaults(server, () => ({ status: 429, headers: { 'Retry-After': '1' }, body: { error: 'rate_limit_exceeded', message: 'Rate limit exceeded' } }), {
			serviceUnavailable: { status: 503, body: { error: 'server_error', message: 'Service unavailable' } },
			connection: 'resetAfterHandling',
		});
		const result = await runKlen(
			server,
			{
				operation: 'create',
				firstName: '={{ $json.first }}',
				additionalFields: { email: '={{ $json.email }}', phoneNumbers: { number: [{ phoneNumber: '={{ $json.phone }}' }] } },
			},
			rows,
			{ continueOnFail: true },
		);
		expect(result.items).toHaveLength(ROWS);
		expect(result.items?.map((item) => item.email)).toEqual(rows.map((row) => row.email));
		expect(result.items?.filter((item) => item.error)).toEqual([]);
		const created = [...server.contacts.values()].map((contact) => contact.email).sort();
		expect(created).toEqual(rows.map((row) => row.email).sort());
		expect(server.maxInWindow).toBeLessThanOrEqual(60);
		expect(rateLimitedAnswers(server)).toBeLessThanOrEqual(ROWS / 10);
	}, 60_000);
});

describe('A 300-row Skipcall sync at the plan limit with 429 bursts and a 503 finishes with every row', () => {
	let server: SkipcallServer;
	beforeAll(async () => {
		server = await startSkipcall({ rateLimit: { limit: 100, windowMs: WINDOW_MS } });
	});
	afterAll(async () => await server.stop());

	it('ends with 300 contacts, each created once, never above the limit', async () => {
		injectFaults(
			server,
			() => ({
				status: 429,
				headers: { 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': String(Math.ceil(Date.now() / 1000) + 1) },
				body: { statusCode: 429, message: 'Too Many Requests' },
			}),
			{ serviceUnavailable: { status: 503, headers: { 'Retry-After': '1' }, body: { statusCode: 503, message: 'Service Unavailable' } }, connection: 'none' },
		);
		const result = await runSkipcall(
			server,
			{ operation: 'create', firstName: '={{ $json.first }}', lastName: 'Sync', phoneNumbers: '={{ $json.phone }}', additionalFields: { email: '={{ $json.email }}' }, options: { requestsPerMinute: 100 } },
			rows,
			{ continueOnFail: true },
		);
		expect(result.items).toHaveLength(ROWS);
		expect(result.items?.map((item) => item.email)).toEqual(rows.map((row) => row.email));
		const at = server.requests.map((r: any) => r.at - server.requests[0].at);
		expect(server.contacts.size).toBe(ROWS);
		expect(server.maxInWindow).toBeLessThanOrEqual(100);
		expect(rateLimitedAnswers(server)).toBeLessThanOrEqual(ROWS / 10);
	}, 60_000);
});

describe('Several n8n workers sharing one limit are brought to it by 429 feedback, without losses', () => {
	let server: SkipcallServer;
	beforeAll(async () => {
		server = await startSkipcall({ rateLimit: { limit: 50, windowMs: WINDOW_MS } });
	});
	afterAll(async () => await server.stop());

	it('two workers, each pacing at the full limit, both finish every row', async () => {
		// A second copy of the node modules is a second n8n worker: its own pacing budget.
		let runOnSecondWorker: typeof runSkipcall = runSkipcall;
		jest.isolateModules(() => {
			// eslint-disable-next-line @typescript-eslint/no-require-imports
			require('../../nodes/common/sending/pacing').pacing.windowMs = WINDOW_MS;
			// eslint-disable-next-line @typescript-eslint/no-require-imports
			runOnSecondWorker = require('../support/skipcall.cts').runSkipcall;
		});
		const half = (offset: number) => rows.slice(offset, offset + 150);
		const parameters = {
			operation: 'create',
			firstName: '={{ $json.first }}',
			lastName: 'Worker',
			phoneNumbers: '={{ $json.phone }}',
			additionalFields: { email: '={{ $json.email }}' },
			options: { requestsPerMinute: 50 },
		};
		const [first, second] = await Promise.all([
			runSkipcall(server, parameters, half(0), { continueOnFail: true }),
			runOnSecondWorker(server, parameters, half(150), { continueOnFail: true }),
		]);
		expect([...(first.items ?? []), ...(second.items ?? [])].map((item) => item.email)).toEqual(rows.map((row) => row.email));
		expect(server.contacts.size).toBe(ROWS);
		expect(server.maxInWindow).toBeLessThanOrEqual(50);
		expect(rateLimitedAnswers(server)).toBeGreaterThan(0);
	}, 60_000);
});
