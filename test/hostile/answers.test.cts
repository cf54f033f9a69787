import { retryPolicy } from '../../nodes/common/sending/send';
import { type ScriptedServer, everythingOf, json, runAgainst, scriptedServer } from '../support/scripted.cts';

/**
 * Issue 9, case 4: a success must be a body the node can read. Before, a 200 holding an HTML
 * page, cut JSON or nothing was output as `{"success": true}`. Case 8: a single contact's
 * answer that is a list breaks "one row, one item"; before, `[]` dropped the row and `[a, b]`
 * gave it two items.
 */

let server: ScriptedServer;
beforeAll(async () => {
	retryPolicy.firstBackoffMs = 10;
	server = await scriptedServer((_, response) => json(response, 200, {}));
});
beforeEach(() => {
	server.requests.length = 0;
});
afterAll(async () => await server.stop());

const base = () => `${server.origin}/v1`;
const get = { operation: 'get', contactId: 'c1' };
const create = { operation: 'create', firstName: 'Jane', lastName: 'Doe', phoneNumbers: '+33612345678' };

function answer(status: number, body: string, type?: string) {
	return (_: unknown, response: import('node:http').ServerResponse) => {
		response.writeHead(status, type ? { 'Content-Type': type } : {});
		response.end(body);
	};
}

describe('A 2xx answer the node cannot read is an error for that row, never a success', () => {
	it.each([
		['an HTML maintenance page', answer(200, '<html><body><h1>Down for maintenance</h1></body></html>', 'text/html'), 'an HTML page ("<html><body><h1>Down for maintenance</h1></body></html>")'],
		['cut JSON', answer(200, '{"id": "c1", "firstName": "Ja', 'application/json'), 'text that is not JSON ("{"id": "c1", "firstName": "Ja")'],
		['an empty body', answer(200, '', 'application/json'), 'an empty body (application/json)'],
		['a bare JSON number', answer(200, '42', 'application/json'), 'a bare JSON value ("42")'],
	])('Get answered 200 with %s', async (_, script, what) => {
		server.script(script);
		const result = await runAgainst('skipcall', base(), get, [{}], { continueOnFail: true });
		expect(result.items).toEqual([{ error: `[item 0 · contact c1] Skipcall answered 200 with ${what}, not the JSON the node reads` }]);
	});

	it('a long page is quoted cut', async () => {
		server.script(answer(200, `<html>${'x'.repeat(5000)}</html>`, 'text/html'));
		const result = await runAgainst('skipcall', base(), get, [{}], { continueOnFail: true });
		expect(result.items).toEqual([{ error: `[item 0 · contact c1] Skipcall answered 200 with an HTML page ("<html>${'x'.repeat(51)}..."), not the JSON the node reads` }]);
	});

	it('a create answered so says it may have been created, and is not sent again', async () => {
		server.script(answer(201, '<html>Thanks!</html>', 'text/html'));
		const result = await runAgainst('skipcall', base(), create, [{}], { continueOnFail: true });
		expect(server.requests).toHaveLength(1);
		expect(result.items).toEqual([
			{ error: '[item 0 · Jane Doe] Skipcall answered 201 with an HTML page ("<html>Thanks!</html>"), not the JSON the node reads: the contact may have been created' },
		]);
	});

	it('Klen Create or Update: a search answered with HTML is an error, never a reason to create', async () => {
		server.script(answer(200, '<html>Maintenance</html>', 'text/html'));
		const result = await runAgainst(
			'klen',
			`${server.origin}/api/v1`,
			// Searching for each row (test/upsertIndex covers the index read instead).
			{ operation: 'upsert', firstName: 'Jane', additionalFields: { email: 'jane@example.com' }, options: { lookupStrategy: 'search' } },
			[{}],
			{ continueOnFail: true },
		);
		expect(server.requests.map((request) => request.method)).toEqual(['GET']);
		expect(result.items).toEqual([
			{ error: '[item 0 · Jane · jane@example.com] Klen AI answered 200 with an HTML page ("<html>Maintenance</html>"), not the JSON the node reads' },
		]);
	});

	it('204 No Content is a success without a body', async () => {
		server.script(answer(204, ''));
		const result = await runAgainst('skipcall', base(), { operation: 'update', contactId: 'c1', updateFields: { city: 'Paris' } });
		expect(result.items).toEqual([{ success: true }]);
	});
});

describe('An API key the server echoes in a success never reaches the output', () => {
	it('Get answered with the key inside the contact: replaced by ***', async () => {
		const key = 'sk_live_echoed_secret_0042';
		server.script((request, response) => json(response, 200, { id: 'c1', note: `seen ${request.headers.authorization}`, [key]: key }));
		const result = await runAgainst('skipcall', base(), get, [{}], { apiKey: key });
		expect(result.items).toEqual([{ id: 'c1', note: 'seen Bearer ***', '***': '***' }]);
		expect(everythingOf(result)).not.toContain(key);
	});
});

describe('A list where one contact is expected fails the row: one row, one item', () => {
	it.each([
		['an empty list', [], 'an empty list'],
		['two contacts', [{ id: 'a' }, { id: 'b' }], 'a list of 2'],
	])('Get answered with %s', async (_, list, what) => {
		server.script((_request, response) => json(response, 200, list));
		const result = await runAgainst('skipcall', base(), get, [{}, {}], { continueOnFail: true });
		expect(result.items).toEqual([
			{ error: `[item 0 · contact c1] Skipcall answered with ${what} where one contact was expected, so the node cannot tell which is this row's` },
			{ error: `[item 1 · contact c1] Skipcall answered with ${what} where one contact was expected, so the node cannot tell which is this row's` },
		]);
	});

	it('a create answered with a list may have created the contact', async () => {
		server.script((_request, response) => json(response, 201, [{ id: 'a' }, { id: 'b' }]));
		const result = await runAgainst('skipcall', base(), create, [{}], { continueOnFail: true });
		expect(result.items).toEqual([
			{ error: "[item 0 · Jane Doe] Skipcall answered with a list of 2 where one contact was expected, so the node cannot tell which is this row's: the contact may have been created" },
		]);
	});

	it('Klen Create or Update: an update answered with a list may have updated the contact', async () => {
		server.script((request, response) =>
			request.method === 'GET'
				? json(response, 200, { count: 1, pages: 1, contacts: [{ id: 5, email: 'jane@example.com' }] })
				: json(response, 200, []),
		);
		const result = await runAgainst(
			'klen',
			`${server.origin}/api/v1`,
			{ operation: 'upsert', firstName: 'Jane', additionalFields: { email: 'jane@example.com' } },
			[{}],
			{ continueOnFail: true },
		);
		expect(result.items).toEqual([
			{ error: "[item 0 · Jane · jane@example.com] Klen AI answered with an empty list where one contact was expected, so the node cannot tell which is this row's: the contact may have been updated" },
		]);
	});
});
