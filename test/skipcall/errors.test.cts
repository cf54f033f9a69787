import { retryPolicy } from '../../nodes/common/sending/send';
import { runSkipcall, startSkipcall, type SkipcallServer } from '../support/skipcall.cts';

let server: SkipcallServer;
beforeAll(async () => {
	retryPolicy.firstBackoffMs = 10;
	server = await startSkipcall();
});
beforeEach(() => server.reset());
afterAll(async () => await server.stop());

const create = {
	operation: 'create',
	firstName: 'Jane',
	lastName: 'Doe',
	phoneNumbers: '+33612345678',
};
const isPost = (request: { method: string }) => request.method === 'POST';

describe('API errors say what happened and how to fix it, with the item index', () => {
	it('401: API key invalid, and the key never appears', async () => {
		const result = await runSkipcall(server, create, [{}], { apiKey: 'sk_live_wrong_secret_key' });
		expect(result.error?.message).toBe('[item 0 · Jane Doe] Skipcall API key invalid (401): Invalid API key. Copy the API key again from Skipcall › Settings › API (it starts with sk_live_ or sk_test_).');
		// The fix is in the message already: it is not printed a second time below it.
		expect(result.error?.description).toBeUndefined();
		expect(result.error?.httpCode).toBe('401');
		expect(JSON.stringify(result.run)).not.toContain('sk_live_wrong_secret_key');
	});

	it('403: no access (plan or permission)', async () => {
		const result = await runSkipcall(server, create, [{}], { apiKey: 'sk_test_noapi' });
		expect(result.error?.message).toBe('[item 0 · Jane Doe] No access (plan or permission) at Skipcall (403): Your plan does not include API access');
		expect(result.error?.description).toMatch(/plan may not include API access/);
		expect(JSON.stringify(result.run)).not.toContain('sk_test_noapi');
	});

	it('400: shows the server’s reasons', async () => {
		server.inject(isPost, {
			status: 400,
			body: { statusCode: 400, message: ['email must be an email', 'role must be shorter'], error: 'Bad Request' },
		});
		const result = await runSkipcall(server, create);
		expect(result.error?.message).toBe('[item 0 · Jane Doe] Skipcall rejected the request (400): email must be an email; role must be shorter');
		expect(result.error?.httpCode).toBe('400');
	});

	it('500: a server error, not retried for a create (it may have acted)', async () => {
		server.inject(isPost, { status: 500, body: { statusCode: 500, message: 'Internal server error' } });
		const result = await runSkipcall(server, create, [{}], { continueOnFail: true });
		expect(server.requests).toHaveLength(1);
		expect(result.items).toEqual([{ error: '[item 0 · Jane Doe] Skipcall server error (500): Internal server error: the contact may have been created' }]);
	});

	it('429: waits until X-RateLimit-Reset, then sends the same create again', async () => {
		server.inject(isPost, {
			status: 429,
			headers: { 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': String(Math.ceil(Date.now() / 1000) + 1) },
			body: { statusCode: 429, message: 'Too Many Requests' },
		});
		const started = Date.now();
		const result = await runSkipcall(server, create);
		expect(Date.now() - started).toBeGreaterThanOrEqual(200);
		expect(server.requests.filter(isPost)).toHaveLength(2);
		expect(server.requests[0].body).toEqual(server.requests[1].body);
		expect(result.items).toHaveLength(1);
		expect(server.contacts.size).toBe(1);
	});

	it('429 beyond Max Rate-Limit Wait: a clear error for that item', async () => {
		server.inject(isPost, {
			status: 429,
			headers: { 'X-RateLimit-Reset': String(Math.ceil(Date.now() / 1000) + 30) },
			body: { statusCode: 429, message: 'Too Many Requests' },
		});
		const result = await runSkipcall(server, { ...create, options: { maxRateLimitWait: 5 } }, [{}], { continueOnFail: true });
		// X-RateLimit-Reset is a whole second: the wait asked is 30 or 31 s from now.
		expect(result.items).toEqual([
			{
				error: expect.stringMatching(
					/^\[item 0 · Jane Doe\] Rate limited by Skipcall \(429\): Too Many Requests\. Skipcall asks to wait 3[01] s, more than Options › Max Rate-Limit Wait \(5 s\) leaves this row: raise it to 3[01] s or more, or run the node again later\.$/,
				),
			},
		]);
		expect(server.requests).toHaveLength(1);
	});

	it('a connection reset on a create fails the item and says the contact may exist', async () => {
		server.inject(isPost, 'reset');
		const result = await runSkipcall(server, create, [{}], { continueOnFail: true });
		expect(server.requests).toHaveLength(1);
		expect(result.items).toEqual([{ error: '[item 0 · Jane Doe] Connection to Skipcall failed (connection reset): the contact may have been created' }]);
	});

	it('a connection reset on a get is retried', async () => {
		const created = await runSkipcall(server, create);
		server.reset();
		server.inject(() => true, 'reset');
		const result = await runSkipcall(server, { operation: 'get', contactId: created.items?.[0].id });
		expect(server.requests).toHaveLength(2);
		expect(result.items?.[0].id).toBe(created.items?.[0].id);
	});

	it('a 503 on an update is retried with backoff', async () => {
		const created = await runSkipcall(server, create);
		server.reset();
		server.inject(() => true, { status: 503, body: { message: 'unavailable' } });
		const result = await runSkipcall(server, { operation: 'update', contactId: created.items?.[0].id, updateFields: { role: 'CTO' } });
		expect(server.requests.map((request: { method: string }) => request.method)).toEqual(['PATCH', 'PATCH']);
		expect(result.items?.[0].role).toBe('CTO');
	});
});

describe('A create is sent again only when Skipcall cannot have acted on it', () => {
	it('connection refused (Skipcall not up yet): retried until it answers, created once', async () => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const { createSkipcallServer } = require('../servers/skipcall');
		const late = createSkipcallServer();
		const probe = require('node:net').createServer(); // eslint-disable-line @typescript-eslint/no-require-imports
		const port: number = await new Promise((resolve) => probe.listen(0, '127.0.0.1', () => resolve(probe.address().port)));
		await new Promise((resolve) => probe.close(resolve));
		retryPolicy.firstBackoffMs = 200;
		setTimeout(() => void late.start(port), 300);
		try {
			const result = await runSkipcall({ ...server, baseUrl: `http://127.0.0.1:${port}/v1` } as SkipcallServer, create);
			expect(result.error).toBeUndefined();
			expect(late.requests.filter(isPost)).toHaveLength(1);
			expect(late.contacts.size).toBe(1);
		} finally {
			retryPolicy.firstBackoffMs = 10;
			await late.stop();
		}
	});
});
