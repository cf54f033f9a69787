import type { IDataObject } from 'n8n-workflow';

import { retryPolicy } from '../../nodes/common/sending/send';
import { type ScriptedServer, json, runAgainst, scriptedServer } from '../support/scripted.cts';

/**
 * Issue 9, case 5: without Continue On Fail the node fails as a whole and outputs nothing, so
 * it sends nothing while a row is invalid, and nothing more once a row has failed. Before, a
 * bad phone in row 3 of 10 stopped the node with "[item 3] …" after 9 contacts were created.
 */

let server: ScriptedServer;
let created = 0;
/** Creates whatever it is sent, after `delayMs`. */
const accepting = () => (request: { method: string; body: unknown }, response: import('node:http').ServerResponse) =>
	json(response, request.method === 'POST' ? 201 : 200, { id: ++created, ...(request.body as object) });
/** Answers after 100 ms: Klen's pacing keeps the other rows waiting meanwhile. */
const later = (answer: () => void) => {
	setTimeout(answer, 100);
};

beforeAll(async () => {
	retryPolicy.firstBackoffMs = 10;
	server = await scriptedServer(accepting());
});
beforeEach(() => {
	server.requests.length = 0;
	server.script(accepting());
});
afterAll(async () => await server.stop());

const skipcall = () => `${server.origin}/v1`;
const klen = () => `${server.origin}/api/v1`;
const skipcallCreate = { operation: 'create', firstName: '={{ $json.first }}', lastName: 'Doe', phoneNumbers: '={{ $json.phone }}' };
const tenRows = (bad: number, badPhone = '06 12') =>
	Array.from({ length: 10 }, (_, index) => ({ first: `Row${index}`, phone: index === bad ? badPhone : `+3361234567${index}` }));

describe('Without Continue On Fail, every row is checked before any row is sent', () => {
	it('a bad phone in row 3 of 10: the node fails naming row 3, and nothing is sent', async () => {
		const result = await runAgainst('skipcall', skipcall(), { ...skipcallCreate, options: { defaultCountry: 'FR' } }, tenRows(3));
		expect(server.requests).toEqual([]);
		expect(result.items).toBeUndefined();
		expect(result.error?.message).toBe(
			'[item 3 · Row3 Doe] Phone Numbers: "06 12" is not a valid phone number for France (FR). Check the digits, or write it in international format (e.g. +44 20 7946 0958) if it is not from France (FR).',
		);
	});

	it('with Continue On Fail, the nine good rows are created and row 3 is an error item', async () => {
		const result = await runAgainst('skipcall', skipcall(), { ...skipcallCreate, options: { defaultCountry: 'FR' } }, tenRows(3), { continueOnFail: true });
		expect(server.requests).toHaveLength(9);
		expect(result.items).toHaveLength(10);
		expect(result.items?.[3]).toEqual({ error: expect.stringMatching(/^\[item 3 · Row3 Doe\] Phone Numbers: "06 12"/) });
		expect(result.items?.filter((item) => item.error === undefined)).toHaveLength(9);
	});

	it('a row whose expression fails is found before sending too', async () => {
		const items: IDataObject[] = tenRows(-1);
		items[6] = { first: 'Row6', phone: { not: 'a phone' } };
		const result = await runAgainst('skipcall', skipcall(), skipcallCreate, items);
		expect(server.requests).toEqual([]);
		expect(result.error?.message).toMatch(/^\[item 6 · Row6 Doe\] Phone Numbers: /);
	});

	it('Update: a contact ID that is not a whole number in row 2 of 4 stops every row', async () => {
		const result = await runAgainst(
			'klen',
			klen(),
			{ operation: 'update', contactId: '={{ $json.id }}', updateFields: { company: 'Acme' } },
			[{ id: 1 }, { id: 2 }, { id: 'two' }, { id: 4 }],
		);
		expect(server.requests).toEqual([]);
		expect(result.error?.message).toMatch(/^\[item 2 · contact two\] Contact ID: "two" is not a whole number/);
	});

	it('Create or Update: a row with neither email nor phone stops every row', async () => {
		const result = await runAgainst(
			'klen',
			klen(),
			{ operation: 'upsert', firstName: '={{ $json.first }}', additionalFields: { email: '={{ $json.email }}' } },
			[{ first: 'Ann', email: 'ann@example.com' }, { first: 'Bob' }, { first: 'Cid', email: 'cid@example.com' }],
		);
		expect(server.requests).toEqual([]);
		expect(result.error?.message).toMatch(/^\[item 1 · Bob\] Create or Update finds the contact by Email, then by the first Phone Number .* and this row has neither/);
	});
});

describe('Without Continue On Fail, no row is sent after a row failed', () => {
	it('a refused key (401): the rows not yet sent are not sent', async () => {
		server.script((_, response) => later(() => json(response, 401, { error: 'invalid_key', message: 'The API key is invalid or inactive' })));
		const rows = Array.from({ length: 10 }, (_, index) => ({ first: `Row${index}` }));
		const result = await runAgainst('klen', klen(), { operation: 'create', firstName: '={{ $json.first }}' }, rows);
		// Klen's pacing lets two requests be in flight: those two are all that left.
		expect(server.requests.length).toBeLessThanOrEqual(2);
		expect(result.error?.message).toMatch(/^\[item 0 · Row0\] Klen AI API key invalid \(401\)/);
	});

	it('a row refused (400): the run fails with that row\'s error, and the rows after it are not sent', async () => {
		server.script((request, response) => {
			if ((request.body as IDataObject).first_name === 'Row1') json(response, 400, { error: 'validation_error', message: 'Validation error: no Row1 here' });
			else later(() => json(response, 201, { id: ++created, ...(request.body as object) }));
		});
		const rows = Array.from({ length: 10 }, (_, index) => ({ first: `Row${index}` }));
		const result = await runAgainst('klen', klen(), { operation: 'create', firstName: '={{ $json.first }}' }, rows);
		expect(server.requests.map((request) => (request.body as IDataObject).first_name)).toEqual(['Row0', 'Row1']);
		expect(result.error?.message).toBe('[item 1 · Row1] Klen AI rejected the request (400): Validation error: no Row1 here. Correct the field Klen AI names.');
	});

	it('with Continue On Fail, every row is sent and each refusal is its own error item', async () => {
		server.script((_, response) => json(response, 401, { error: 'invalid_key', message: 'The API key is invalid or inactive' }));
		const rows = Array.from({ length: 4 }, (_, index) => ({ first: `Row${index}` }));
		const result = await runAgainst('klen', klen(), { operation: 'create', firstName: '={{ $json.first }}' }, rows, { continueOnFail: true });
		expect(server.requests).toHaveLength(4);
		expect(result.items?.map((item) => String(item.error).slice(0, 16))).toEqual(['[item 0 · Row0] ', '[item 1 · Row1] ', '[item 2 · Row2] ', '[item 3 · Row3] ']);
	});
});
