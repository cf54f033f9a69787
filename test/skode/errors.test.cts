import { pacing } from '../../nodes/common/sending/pacing';
import { retryPolicy } from '../../nodes/common/sending/send';
import { SKODE_KEY, SKODE_READONLY_KEY, runSkode, startSkode, type SkodeServer } from '../support/skode.cts';

let server: SkodeServer;
let id: string;
beforeAll(async () => {
	retryPolicy.firstBackoffMs = 10;
	server = await startSkode({ rateLimit: { limit: 0 } });
});
beforeEach(() => {
	server.clear();
	server.setRateLimit(0);
	[{ id }] = server.seed(1, () => ({ name: 'Jane', email: 'jane@example.com' }));
});
afterAll(async () => await server.stop());

const create = { operation: 'create', name: 'Bob', email: 'bob@example.com' };
const WRONG_KEY = 'sk_live_wrong_secret_value';
const writes = () => server.requests.filter((request: { method: string }) => request.method !== 'GET');

describe('Skode’s errors come back with its message and how to fix it, naming the row; never the key', () => {
	it.each([
		['401, a key Skode does not know', create, WRONG_KEY, '[item 0 · Bob · bob@example.com] Skode AI API key invalid (401): Invalid API key. Copy the API key again from Skode AI › Settings › API & Webhooks (it starts with sk_live_).'],
		[
			'403, a read-only key creating',
			create,
			SKODE_READONLY_KEY,
			'[item 0 · Bob · bob@example.com] No access (plan or permission) at Skode AI (403): This API key is read-only: it cannot create, update, merge or delete contacts. Use a key with write access from Skode AI › Settings › API & Webhooks.',
		],
		[
			'403, a read-only key deleting',
			{ operation: 'delete', contactId: 'contact_1' },
			SKODE_READONLY_KEY,
			'[item 0 · contact contact_1] No access (plan or permission) at Skode AI (403): This API key is read-only: it cannot create, update, merge or delete contacts. Use a key with write access from Skode AI › Settings › API & Webhooks.',
		],
	])('%s', async (_, parameters, apiKey, message) => {
		const result = await runSkode(server, parameters, [{}], { apiKey, continueOnFail: true });
		expect(result.items).toEqual([{ error: message }]);
		expect(JSON.stringify(result.run)).not.toContain(apiKey);
	});

	it('Continue On Fail: one item per row, in order, and the key in none of them nor in the run', async () => {
		server.inject((request: { method: string }) => request.method === 'PATCH', { status: 422, body: { error: 'validation_error', message: 'Too long', field: 'title' } });
		const result = await runSkode(
			server,
			{ operation: 'upsert', name: '={{ $json.name }}', email: '={{ $json.email }}', additionalFields: { title: '={{ $json.title }}' } },
			[
				{ name: 'New', email: 'new@example.com' },
				{ name: 'Jane', email: 'jane@example.com', title: 'x' },
				{ name: 'Nobody', email: '' },
			],
			{ continueOnFail: true },
		);
		expect(result.items?.map((item) => item.error ?? item.upsertResult)).toEqual([
			'created',
			`[item 1 · Jane · jane@example.com] Skode AI rejected the request (422): Too long (field title). Correct the value of the field Skode AI names.`,
			'[item 2 · Nobody] Email or Phone: both are empty. Give Email or Phone: at least one is needed.',
		]);
		expect(JSON.stringify(result.run)).not.toContain(SKODE_KEY);
	});

	it('a read-only key may still read', async () => {
		const result = await runSkode(server, { operation: 'get', contactId: id }, [{}], { apiKey: SKODE_READONLY_KEY });
		expect(result.items?.[0].name).toBe('Jane');
	});

	it('409 on Update (another contact has that email): Skode’s message and what to do', async () => {
		const [{ id: other }] = server.seed(1, () => ({ name: 'Other', email: 'other@example.com' }));
		const result = await runSkode(server, { operation: 'update', contactId: other, updateFields: { email: 'jane@example.com' } });
		expect(result.error?.message).toBe(
			`[item 0 · jane@example.com · contact ${other}] Skode AI rejected the request (409): A contact with this email already exists. Another contact already has this email: merge the two contacts (Merge), or give a different email.`,
		);
	});

	it('422 names the field Skode names, even when its message does not', async () => {
		server.inject((request: { method: string }) => request.method === 'PATCH', {
			status: 422,
			body: { error: 'validation_error', message: 'Value is too long', field: 'title' },
		});
		const result = await runSkode(server, { operation: 'update', contactId: id, updateFields: { title: 'x'.repeat(300) } });
		expect(result.error?.message).toBe(`[item 0 · contact ${id}] Skode AI rejected the request (422): Value is too long (field title). Correct the value of the field Skode AI names.`);
	});

	it('5xx on a read: retried, then Skode’s message', async () => {
		for (let index = 0; index < 4; index++) server.inject(() => true, { status: 503, body: { error: 'unavailable', message: 'Try later' } });
		const result = await runSkode(server, { operation: 'get', contactId: id });
		expect(server.requests).toHaveLength(4);
		expect(result.error?.message).toBe(`[item 0 · contact ${id}] Skode AI server error (503): Try later`);
	});

	it('500 on a create with an email: looked up, not found, sent once more, created once', async () => {
		server.inject((request: { method: string }) => request.method === 'POST', { status: 500, body: { error: 'server_error', message: 'Boom' } });
		const result = await runSkode(server, create);
		expect(server.requests.map((request) => [request.method, request.query])).toEqual([
			['POST', {}],
			['GET', { email: 'bob@example.com', per_page: '100' }],
			['POST', {}],
		]);
		expect(result.items?.[0]).toMatchObject({ name: 'Bob', email: 'bob@example.com' });
		expect(server.contacts.size).toBe(2);
	});
});

describe('429 and the plan’s Requests per Minute: every row goes through, none twice', () => {
	afterEach(() => {
		pacing.windowMs = 60_000;
	});

	it('429 with Retry-After: waits that long, then sends the same create again', async () => {
		server.inject((request: { method: string }) => request.method === 'POST', {
			status: 429,
			headers: { 'Retry-After': '1' },
			body: { error: 'rate_limited', message: 'Too many requests' },
		});
		const started = Date.now();
		const result = await runSkode(server, create);
		expect(Date.now() - started).toBeGreaterThanOrEqual(950);
		expect(writes().map((request: { method: string }) => request.method)).toEqual(['POST', 'POST']);
		expect(result.items?.[0].name).toBe('Bob');
	});

	it('Requests per Minute paces a sync to the plan’s limit: no request refused', async () => {
		pacing.windowMs = 1000;
		server.setRateLimit(5, 1000);
		const rows = Array.from({ length: 12 }, (_, index) => ({ email: `row${index}@example.com` }));
		const result = await runSkode(server, { operation: 'create', name: 'Row', email: '={{ $json.email }}', options: { requestsPerMinute: 5 } }, rows, { apiKey: SKODE_KEY });
		expect(result.items).toHaveLength(12);
		expect(server.requests.filter((request: { rateLimited?: boolean }) => request.rateLimited)).toHaveLength(0);
		expect(server.maxInWindow).toBeLessThanOrEqual(5);
	});

	it('over the limit anyway (pacing off): Skode’s 429s are waited out, every row created once', async () => {
		server.setRateLimit(4, 1000);
		const rows = Array.from({ length: 8 }, (_, index) => ({ email: `burst${index}@example.com` }));
		const result = await runSkode(server, { operation: 'upsert', name: 'Burst', email: '={{ $json.email }}', options: { requestsPerMinute: 0 } }, rows);
		expect(result.items?.map((item) => [item.email, item.upsertResult])).toEqual(rows.map((row) => [row.email, 'created']));
		expect(server.requests.some((request: { rateLimited?: boolean }) => request.rateLimited)).toBe(true);
		expect(server.counts.creates).toBe(8);
	});

	it('Max Rate-Limit Wait bounds the wait: past it the row fails, saying so', async () => {
		server.inject(() => true, { status: 429, headers: { 'Retry-After': '5' }, body: { error: 'rate_limited', message: 'Too many requests' } });
		const started = Date.now();
		const result = await runSkode(server, { operation: 'get', contactId: id, options: { maxRateLimitWait: 1 } });
		expect(Date.now() - started).toBeLessThan(4000);
		expect(result.error?.message.startsWith(`[item 0 · contact ${id}] Rate limited by Skode AI`)).toBe(true);
	});
});
