import type { IDataObject } from 'n8n-workflow';

import { lookupLimits } from '../../nodes/common/operations/lookup';
import { retryPolicy } from '../../nodes/common/sending/send';
import { type ScriptedRequest, type ScriptedServer, json, runAgainst, scriptedServer } from '../support/scripted.cts';

/** The page a search asked for: the first is asked without `page` (the provider's default). */
const pageOf = (request: ScriptedRequest) => Number(request.query.page ?? 1);

/**
 * Issue 9, cases 7, 10 and 12, on Klen AI's search-based Create and Create or Update:
 * - 7: after a create that may have gone through, only a contact the create made stands for
 *   it; before, an older contact sharing the email was output as the row's, silently;
 * - 10: the exact match is found on any page of loose hits; before, only the first 100 were
 *   read and a duplicate was created;
 * - 12: rows of two accounts never wait for each other; before, the same-email lock was
 *   shared by every Klen credential.
 */

let server: ScriptedServer;
const original = { ...lookupLimits };
beforeAll(async () => {
	retryPolicy.firstBackoffMs = 10;
	server = await scriptedServer((_, response) => json(response, 200, {}));
});
beforeEach(() => {
	server.requests.length = 0;
});
afterAll(async () => {
	Object.assign(lookupLimits, original);
	await server.stop();
});

const base = () => `${server.origin}/api/v1`;
const jane = { first_name: 'Jane', last_name: 'Doe', email: 'jane@example.com' };
const createJane = { operation: 'create', firstName: 'Jane', additionalFields: { lastName: 'Doe', email: 'jane@example.com' } };
// Searching for each row (test/upsertIndex covers the index read instead).
const upsertJane = { ...createJane, operation: 'upsert', options: { lookupStrategy: 'search' } };
const page = (contacts: IDataObject[], extra: IDataObject = {}) => ({ count: contacts.length, limit: 100, contacts, ...extra });
const loose = (from: number, count = 100) => Array.from({ length: count }, (_, index) => ({ id: from + index, first_name: 'Other', email: `x${from + index}jane@example.com` }));
const calls = () =>
	server.requests.map((request) => (request.method === 'GET' ? `GET ${request.path} page ${request.query.page ?? 1}` : `${request.method} ${request.path}`));

describe('A create that may have gone through is answered only by a contact that create made', () => {
	const afterA500 = (found: IDataObject[]) => (request: ScriptedRequest, response: import('node:http').ServerResponse) =>
		request.method === 'POST' ? json(response, 500, { error: 'server_error', message: 'An unexpected server error occurred' }) : json(response, 200, page(found, { page: 1, pages: 1 }));

	it.each([
		['an older contact that merely shares the email', { id: 7, ...jane, created_at: '2020-01-01T00:00:00Z' }, "it was created on 2020-01-01T00:00:00.000Z, before this request"],
		['a contact of the same email with another first name', { id: 7, ...jane, first_name: 'Janet', created_at: new Date().toISOString() }, 'it holds other values for first_name'],
		['a contact that does not say when it was created', { id: 7, ...jane }, 'the provider does not say when it was created'],
	])('%s: the row fails, "may have been created", and the create is not sent again', async (_, found, why) => {
		server.script(afterA500([found]));
		const result = await runAgainst('klen', base(), createJane, [{}], { continueOnFail: true });
		expect(calls()).toEqual(['POST /api/v1/contacts/create', 'GET /api/v1/contacts page 1']);
		expect(result.items).toEqual([
			{
				error: `[item 0 · Jane Doe · jane@example.com] Klen AI server error (500): An unexpected server error occurred: the contact may have been created. Klen AI contact 7, found by email jane@example.com, is not this row's: ${why}`,
			},
		]);
	});

	it('the contact the create made (same values, created now) is the row’s result', async () => {
		const made = { id: 8, ...jane, created_at: new Date().toISOString() };
		server.script(afterA500([made]));
		const result = await runAgainst('klen', base(), createJane);
		expect(calls()).toEqual(['POST /api/v1/contacts/create', 'GET /api/v1/contacts page 1']);
		expect(result.items).toEqual([made]);
	});
});

describe('Create or Update finds the exact match on any page of loose hits', () => {
	it('the match on page 2 of 2 is updated, nothing is created', async () => {
		server.script((request, response) => {
			if (request.method === 'GET') {
				const second = request.query.page === '2';
				return json(response, 200, page(second ? [{ id: 555, ...jane }] : loose(1), { page: pageOf(request), pages: 2 }));
			}
			return json(response, 200, { id: 555, ...(request.body as IDataObject) });
		});
		const result = await runAgainst('klen', base(), upsertJane);
		expect(calls()).toEqual(['GET /api/v1/contacts page 1', 'GET /api/v1/contacts page 2', 'PATCH /api/v1/contacts/555/update']);
		expect(result.items).toEqual([{ id: 555, ...jane, upsertResult: 'updated' }]);
	});

	it('without a page count, pages are read until an empty one (a short page may be the server’s own page size)', async () => {
		server.script((request, response) => {
			if (request.method === 'POST') return json(response, 201, { id: 900, ...(request.body as IDataObject) });
			const number = pageOf(request);
			return json(response, 200, page(number === 3 ? loose(300, 5) : number > 3 ? [] : loose(number * 100)));
		});
		const result = await runAgainst('klen', base(), upsertJane);
		expect(calls()).toEqual([
			'GET /api/v1/contacts page 1',
			'GET /api/v1/contacts page 2',
			'GET /api/v1/contacts page 3',
			'GET /api/v1/contacts page 4',
			'POST /api/v1/contacts/create',
		]);
		expect(result.items?.[0].upsertResult).toBe('created');
	});

	it('a search that ignores the page (the same page twice): an error, nothing created', async () => {
		server.script((request, response) => json(response, 200, page(loose(1))));
		const result = await runAgainst('klen', base(), upsertJane, [{}], { continueOnFail: true });
		expect(calls()).toEqual(['GET /api/v1/contacts page 1', 'GET /api/v1/contacts page 2']);
		expect(result.items).toEqual([
			{ error: '[item 0 · Jane Doe · jane@example.com] Klen AI answered the search for email jane@example.com with contacts it had already given: the server repeats its pages, so the node cannot read every match' },
		]);
	});

	it('more loose hits than lookupLimits.maxPages pages: an error, nothing created', async () => {
		lookupLimits.maxPages = 3;
		server.script((request, response) => json(response, 200, page(loose(pageOf(request) * 100))));
		const result = await runAgainst('klen', base(), upsertJane, [{}], { continueOnFail: true });
		expect(server.requests.map((request) => request.method)).toEqual(['GET', 'GET', 'GET']);
		expect(result.items).toEqual([
			{ error: "[item 0 · Jane Doe · jane@example.com] Klen AI's search for email jane@example.com found more than 300 loose matches, more than the node reads" },
		]);
		lookupLimits.maxPages = original.maxPages;
	});

	it('a search answered without the contacts list is an error, never "no match"', async () => {
		server.script((_, response) => json(response, 200, { results: [] }));
		const result = await runAgainst('klen', base(), upsertJane, [{}], { continueOnFail: true });
		expect(server.requests.map((request) => request.method)).toEqual(['GET']);
		expect(result.items).toEqual([{ error: '[item 0 · Jane Doe · jane@example.com] Klen AI answered the search for email jane@example.com without a list of contacts' }]);
	});
});

describe('Rows of two accounts never wait for each other', () => {
	it('account A’s slow search does not hold account B’s row with the same email', async () => {
		server.script((request, response) => {
			const slow = request.headers.authorization === 'Bearer klen_account_a';
			if (request.method === 'POST') return json(response, 201, { id: slow ? 1 : 2, ...(request.body as IDataObject) });
			setTimeout(() => json(response, 200, page([], { pages: 1 })), slow ? 1500 : 0);
		});
		const started = Date.now();
		const a = runAgainst('klen', base(), upsertJane, [{}], { apiKey: 'klen_account_a' });
		await new Promise((resolve) => setTimeout(resolve, 100));
		const b = await runAgainst('klen', base(), upsertJane, [{}], { apiKey: 'klen_account_b' });
		const bDone = Date.now() - started;
		expect(b.items?.[0]).toMatchObject({ id: 2, upsertResult: 'created' });
		expect(bDone).toBeLessThan(1400);
		expect((await a).items?.[0]).toMatchObject({ id: 1, upsertResult: 'created' });
	});
});
