import type { IDataObject } from 'n8n-workflow';

import { retryPolicy } from '../../nodes/common/sending/send';
import { type ProviderName, type ScriptedRequest, type ScriptedServer, json, runAgainst, scriptedServer } from '../support/scripted.cts';

/**
 * Issue 18, items 4 and 5: Get Many returns the whole list, following what the answers say of
 * it (pages, total, has_more, a next link), and stops at the first page that brings nothing
 * new. Before, a server answering 20 a page when asked 100 gave 20 of 45 contacts as if they
 * were all, and a server whose page 3 repeated page 1 was read a thousand times.
 */

let server: ScriptedServer;
beforeAll(async () => {
	retryPolicy.firstBackoffMs = 10;
	server = await scriptedServer((_, response) => json(response, 200, {}));
});
beforeEach(() => (server.requests.length = 0));
afterAll(async () => await server.stop());

const CONTACTS = Array.from({ length: 45 }, (_, index) => ({ id: `c${index + 1}`, name: `Contact ${index + 1}` }));
const SERVER_PAGE = 20;
const pageOf = (request: ScriptedRequest) => Number(request.query.page ?? 1);
const slice = (page: number) => CONTACTS.slice((page - 1) * SERVER_PAGE, page * SERVER_PAGE);

/** Each provider's list answer, with the totals its docs give, for a server that pages by 20 whatever it is asked. */
const PROVIDERS: Array<{ provider: ProviderName; base: (origin: string) => string; answer: (page: number) => IDataObject; name: string }> = [
	{
		provider: 'skode',
		name: 'Skode AI',
		base: (origin) => `${origin}/v1`,
		answer: (page) => ({ data: slice(page), page, per_page: SERVER_PAGE, total: 45, total_pages: 3 }),
	},
	{
		provider: 'klen',
		name: 'Klen AI',
		base: (origin) => `${origin}/api/v1`,
		answer: (page) => ({ count: 45, page, limit: SERVER_PAGE, pages: 3, contacts: slice(page) }),
	},
	{
		provider: 'tether',
		name: 'Tether',
		base: (origin) => origin,
		answer: (page) => ({ success: true, data: slice(page), page, size: SERVER_PAGE, total: 45, totalPages: 3 }),
	},
];

const ids = (items: IDataObject[] | undefined) => items?.map((item) => item.id);

describe.each(PROVIDERS)('$name Get Many against a server that answers 20 a page when asked 100', ({ provider, base, answer }) => {
	beforeEach(() => server.script((request, response) => json(response, 200, answer(pageOf(request)))));

	it('Return All gives all 45 contacts, in order, each once', async () => {
		const result = await runAgainst(provider, base(server.origin), { operation: 'getAll', returnAll: true });
		expect(result.error).toBeUndefined();
		expect(ids(result.items)).toEqual(CONTACTS.map((contact) => contact.id));
		expect(server.requests.map(pageOf)).toEqual([1, 2, 3]);
	});

	it('Limit 30 gives exactly 30', async () => {
		const result = await runAgainst(provider, base(server.origin), { operation: 'getAll', returnAll: false, limit: 30 });
		expect(ids(result.items)).toEqual(CONTACTS.slice(0, 30).map((contact) => contact.id));
		expect(server.requests.map(pageOf)).toEqual([1, 2]);
	});
});

describe('Get Many against a list whose answers say nothing of its length', () => {
	it('reads until an empty page (a short page may be the server’s own page size)', async () => {
		server.script((request, response) => json(response, 200, slice(pageOf(request))));
		const result = await runAgainst('skode', `${server.origin}/v1`, { operation: 'getAll', returnAll: true });
		expect(ids(result.items)).toEqual(CONTACTS.map((contact) => contact.id));
		expect(server.requests.map(pageOf)).toEqual([1, 2, 3, 4]);
	});

	it('has_more and a next link are followed too', async () => {
		server.script((request, response) => {
			const page = pageOf(request);
			json(response, 200, { data: slice(page), has_more: page < 3, next: page < 3 ? `/v1/contacts?page=${page + 1}` : null });
		});
		const result = await runAgainst('skode', `${server.origin}/v1`, { operation: 'getAll', returnAll: true });
		expect(ids(result.items)).toHaveLength(45);
		expect(server.requests.map(pageOf)).toEqual([1, 2, 3]);
	});
});

describe('Get Many stops at the first page that brings nothing new', () => {
	it('page 3 repeats page 1 while the server claims 50 pages: the row fails after 3 requests', async () => {
		server.script((request, response) => {
			const page = pageOf(request);
			json(response, 200, { data: slice(page === 3 ? 1 : page), total_pages: 50, total: 1000 });
		});
		const result = await runAgainst('skode', `${server.origin}/v1`, { operation: 'getAll', returnAll: true }, [{}], { continueOnFail: true });
		expect(server.requests.map(pageOf)).toEqual([1, 2, 3]);
		expect(result.items).toEqual([
			{
				error: '[item 0] Skode AI answered page 3 with contacts it had already given: the server repeats its pages, so the node cannot list every contact. Use a Limit, or filters that narrow the list.',
			},
		]);
	});
});
