import { retryPolicy } from '../../nodes/common/sending/send';
import { runSkode, startSkode, type SkodeServer } from '../support/skode.cts';

let server: SkodeServer;
const names = Array.from({ length: 230 }, (_, index) => `P${String(index).padStart(3, '0')}`);
beforeAll(async () => {
	retryPolicy.firstBackoffMs = 10;
	server = await startSkode({ rateLimit: { limit: 0 } });
	server.seed(230, (index) => ({
		name: names[index],
		email: `p${index}@example.com`,
		company: index % 2 ? 'Acme' : 'Globex',
		tags: [index % 10 === 0 ? 'vip' : 'std'],
		// One contact a day from 2024-01-01; updated the day after.
		created_at: new Date(Date.UTC(2024, 0, 1 + index)).toISOString(),
		updated_at: new Date(Date.UTC(2024, 0, 2 + index)).toISOString(),
	}));
});
beforeEach(() => {
	server.reset();
	server.configure({ listEnvelope: 'data' });
});
afterAll(async () => await server.stop());

const queries = () => server.requests.map((request) => request.query);

describe('Get Many pages through GET /contacts (page from 1, per_page ≤ 100) whatever the envelope', () => {
	it.each([
		['data', 3],
		['contacts', 3],
		['items', 3],
		['bare', 4],
		['noTotals', 4],
	])('Return All reads every contact under %s', async (listEnvelope, requests) => {
		server.configure({ listEnvelope });
		const result = await runSkode(server, { operation: 'getAll', returnAll: true });
		expect(queries()).toEqual(Array.from({ length: requests }, (_, index) => ({ page: String(index + 1), per_page: '100' })));
		expect(result.items?.map((item) => item.name)).toEqual(names);
		expect(new Set(result.raw?.map((item) => JSON.stringify(item.pairedItem)))).toEqual(new Set(['{"item":0}']));
	});

	it('stops at total_pages when the last page is full; a bare list needs the empty page after it', async () => {
		const filters = { filters: { createdBefore: '2024-07-19' } }; // the first 200 contacts
		await runSkode(server, { operation: 'getAll', returnAll: true, ...filters });
		expect(queries().map((query) => query.page)).toEqual(['1', '2']);
		server.reset();
		server.configure({ listEnvelope: 'bare' });
		const result = await runSkode(server, { operation: 'getAll', returnAll: true, ...filters });
		expect(queries().map((query) => query.page)).toEqual(['1', '2', '3']);
		expect(result.items).toHaveLength(200);
	});

	it.each([
		[30, [{ page: '1', per_page: '30' }]],
		[200, [{ page: '1', per_page: '100' }, { page: '2', per_page: '100' }]],
		[150, [{ page: '1', per_page: '100' }, { page: '2', per_page: '100' }]],
	])('Limit %d stops as soon as it has enough, every page asked with the same size', async (limit, sent) => {
		const result = await runSkode(server, { operation: 'getAll', returnAll: false, limit });
		expect(queries()).toEqual(sent);
		expect(result.items?.map((item) => item.name)).toEqual(names.slice(0, limit));
	});

	it('Limit 150 (over a page, not a multiple of it) returns contacts 1–150, each once, in order', async () => {
		const result = await runSkode(server, { operation: 'getAll', returnAll: false, limit: 150 });
		expect(result.items?.map((item) => item.name)).toEqual(names.slice(0, 150));
		expect(new Set(result.items?.map((item) => item.id)).size).toBe(150);
	});
});

describe('Filters and sort are sent as Skode names them; dates in ISO 8601; empty ones left out', () => {
	it('sends every filter given, and only those', async () => {
		const result = await runSkode(server, {
			operation: 'getAll',
			returnAll: true,
			filters: { company: 'Globex', tag: ' vip ', email: '', q: ' ', createdAfter: '2024-01-05T00:00:00', createdBefore: '2024-06-01T12:00:00.000Z', updatedAfter: '' },
			options: { sort: '-name' },
		});
		expect(queries()).toEqual([
			{ company: 'Globex', tag: 'vip', created_after: '2024-01-05T00:00:00', created_before: '2024-06-01T12:00:00.000Z', sort: '-name', page: '1', per_page: '100' },
		]);
		// Globex and vip: every tenth contact; created from 2024-01-01, one a day: P010 to P150.
		expect(result.items?.map((item) => item.name)).toEqual(['P150', 'P140', 'P130', 'P120', 'P110', 'P100', 'P090', 'P080', 'P070', 'P060', 'P050', 'P040', 'P030', 'P020', 'P010']);
	});

	it('email and full-text search (q)', async () => {
		const byEmail = await runSkode(server, { operation: 'getAll', returnAll: true, filters: { email: 'P7@example.com' } });
		expect(byEmail.items?.map((item) => item.name)).toEqual(['P007']);
		const byText = await runSkode(server, { operation: 'getAll', returnAll: true, filters: { q: 'p22' } });
		expect(byText.items?.map((item) => item.name)).toEqual(['P022', 'P220', 'P221', 'P222', 'P223', 'P224', 'P225', 'P226', 'P227', 'P228', 'P229']);
		expect(queries()).toEqual([
			{ email: 'P7@example.com', page: '1', per_page: '100' },
			{ q: 'p22', page: '1', per_page: '100' },
		]);
	});

	it.each([
		['a date from the picker or ISO text, as written', '2024-08-10T12:00:00', '2024-08-10T12:00:00'],
		['a date and time with a space', '2024-08-10 09:30', '2024-08-10T09:30'],
		['other date text, in UTC', 'Aug 10, 2024 00:00 UTC', '2024-08-10T00:00:00.000Z'],
		['an expression’s DateTime', '={{ DateTime.fromISO("2024-08-10T00:00:00.000Z", { zone: "utc" }) }}', '2024-08-10T00:00:00.000Z'],
	])('Updated After: %s', async (_, updatedAfter, sent) => {
		const result = await runSkode(server, { operation: 'getAll', returnAll: true, filters: { updatedAfter } });
		expect(result.error).toBeUndefined();
		expect(queries()[0].updated_after).toBe(sent);
		// Updated from 2024-01-02, one a day at midnight UTC. The sandbox reads a date-time
		// without offset (n8n's date picker) in its own time zone, as JavaScript does.
		expect(result.items?.map((item) => item.name)).toEqual(names.filter((_, index) => Date.UTC(2024, 0, 2 + index) > Date.parse(sent)));
		expect(result.items?.length).toBeGreaterThan(0);
	});

	it.each([
		[{ filters: { createdAfter: 'last tuesday' } }, '[item 0] Filters › Created After: "last tuesday" is not a date. Pick a date, or give one in ISO 8601 such as 2024-01-15 or 2024-01-15T09:30:00Z.'],
		[{ filters: { email: 'nobody' } }, '[item 0] Filters › Email: "nobody" is not an email address. Give an address such as jane@example.com.'],
	])('a filter that cannot be sent fails before any request: %j', async (parameters, message) => {
		const result = await runSkode(server, { operation: 'getAll', returnAll: true, ...parameters });
		expect(server.requests).toHaveLength(0);
		expect(result.error?.message).toBe(message);
	});

	it('a sort Skode refuses (given by an expression) comes back with the field Skode names', async () => {
		const result = await runSkode(server, { operation: 'getAll', returnAll: true, options: { sort: '={{ "score" }}' } });
		expect(result.error?.message).toBe(
			'[item 0] Skode AI rejected the request (422): sort must be one of name, email, company, created_at, updated_at (prefix - for descending). Correct the value of the field Skode AI names.',
		);
	});
});
