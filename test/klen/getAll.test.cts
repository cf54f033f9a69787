import { retryPolicy } from '../../nodes/common/sending/send';
import { KLEN_KEY, runKlen, startKlen, type KlenServer } from '../support/klen.cts';

let server: KlenServer;
beforeAll(async () => {
	retryPolicy.firstBackoffMs = 10;
	server = await startKlen({ rateLimit: { limit: 0 } });
	// Seeded straight through the API: through the node, Klen's 60/min would take 4 minutes.
	for (let index = 0; index < 230; index++) {
		await fetch(`${server.baseUrl}/contacts/create`, {
			method: 'POST',
			headers: { Authorization: `Bearer ${KLEN_KEY}`, 'Content-Type': 'application/json' },
			body: JSON.stringify({ first_name: `P${index}`, stage: index % 2 ? 'lead' : 'customer', tags: [index % 10 === 0 ? 'vip' : 'std'] }),
		});
	}
});
beforeEach(() => server.reset());
afterAll(async () => await server.stop());

describe('Get Many pages through GET /contacts (page from 1, limit ≤ 100, envelope `contacts`)', () => {
	it('Return All fetches every page', async () => {
		const result = await runKlen(server, { operation: 'getAll', returnAll: true });
		expect(server.requests.map((request) => request.query)).toEqual([
			{ page: '1', limit: '100' },
			{ page: '2', limit: '100' },
			{ page: '3', limit: '100' },
		]);
		expect(result.items).toHaveLength(230);
		expect(result.items?.map((item) => item.first_name)).toEqual(Array.from({ length: 230 }, (_, index) => `P${index}`));
		expect(new Set(result.raw?.map((item) => JSON.stringify(item.pairedItem)))).toEqual(new Set(['{"item":0}']));
	});

	it.each([
		[30, [{ page: '1', limit: '30' }]],
		[150, [{ page: '1', limit: '100' }, { page: '2', limit: '100' }]],
	])('Limit %d stops as soon as it has enough, every page asked with the same size', async (limit, sent) => {
		const result = await runKlen(server, { operation: 'getAll', returnAll: false, limit });
		expect(server.requests.map((request) => request.query)).toEqual(sent);
		expect(result.items).toHaveLength(limit);
	});

	it('Limit 150 (over a page, not a multiple of it) returns contacts 1–150, each once, in order', async () => {
		const result = await runKlen(server, { operation: 'getAll', returnAll: false, limit: 150 });
		const names = result.items?.map((item) => item.first_name);
		expect(names).toEqual(Array.from({ length: 150 }, (_, index) => `P${index}`));
		expect(new Set(result.items?.map((item) => item.id)).size).toBe(150);
	});

	it('sends the filters given and leaves empty ones out', async () => {
		const result = await runKlen(server, { operation: 'getAll', returnAll: true, filters: { stage: 'customer', tag: 'vip', status: '', search: ' ' } });
		expect(server.requests.map((request) => request.query)).toEqual([{ page: '1', limit: '100', stage: 'customer', tag: 'vip' }]);
		expect(result.items?.every((item) => item.stage === 'customer' && (item.tags as string[]).includes('vip'))).toBe(true);
		expect(result.items).toHaveLength(23);
	});
});
