import { retryPolicy } from '../../nodes/common/sending/send';
import type { IDataObject } from 'n8n-workflow';

import { type ScriptedServer, json, runAgainst, scriptedServer } from '../support/scripted.cts';

/**
 * Issue 9, cases 14 and 15: values that would change where a request goes or what it says are
 * refused before sending, and a refusal quotes a value cut short. Before, a Contact ID "." or
 * ".." was sent as /contacts/ or /v1/, a custom-field key __proto__ vanished, a 1 MB phone
 * cell gave a 1 MB message, and "0612345678abc", "mailto:…" and a web address with a password
 * were sent.
 */

let server: ScriptedServer;
beforeAll(async () => {
	retryPolicy.firstBackoffMs = 10;
	server = await scriptedServer((request, response) => json(response, 200, { id: 'c1', ...(request.body as object) }));
});
beforeEach(() => {
	server.requests.length = 0;
	server.script((request, response) => json(response, 200, { id: 'c1', ...(request.body as object) }));
});
afterAll(async () => await server.stop());

const skipcall = () => `${server.origin}/v1`;
const create = { operation: 'create', firstName: 'Jane', lastName: 'Doe', phoneNumbers: '+33612345678' };
const errorOf = async (parameters: IDataObject, provider: 'skipcall' | 'klen' = 'skipcall') => {
	const result = await runAgainst(provider, provider === 'klen' ? `${server.origin}/api/v1` : skipcall(), parameters, [{}], { continueOnFail: true });
	return String(result.items?.[0].error);
};

describe('Nothing in a row changes where a request goes', () => {
	it.each(['.', '..', ' .. '])('Contact ID %p is refused before sending', async (contactId) => {
		const error = await errorOf({ operation: 'get', contactId });
		expect(server.requests).toEqual([]);
		expect(error).toMatch(/Contact ID: "\.\.?" is not a contact ID\. Give the ID of the contact: "\." and "\.\." would change the address the request goes to\./);
	});

	it('Create or Update: a contact found under the ID ".." is not updated', async () => {
		server.script((request, response) =>
			request.method === 'GET' ? json(response, 200, { count: 1, pages: 1, contacts: [{ id: '..', email: 'jane@example.com' }] }) : json(response, 200, {}),
		);
		const error = await errorOf({ operation: 'upsert', firstName: 'Jane', additionalFields: { email: 'jane@example.com' }, options: { lookupStrategy: 'search' } }, 'klen');
		expect(server.requests.map((request) => request.method)).toEqual(['GET']);
		expect(error).toBe('[item 0 · Jane · jane@example.com] Klen AI gave the contact to update the ID "..", which would change the address of the update: not updating it');
	});
});

describe('Reserved custom-field keys are refused, not dropped', () => {
	it.each(['__proto__', 'constructor', 'prototype'])('Skipcall custom field key %p', async (key) => {
		const error = await errorOf({ ...create, additionalFields: { customFields: { field: [{ key, value: 'x' }] } } });
		expect(server.requests).toEqual([]);
		expect(error).toBe(`[item 0 · Jane Doe] Custom Fields: "${key}" cannot be a key. Rename the key: __proto__, constructor and prototype are reserved.`);
	});

	it('Klen custom context given as JSON with a __proto__ key', async () => {
		const error = await errorOf({ operation: 'create', firstName: 'Jane', additionalFields: { customContext: { json: [{ object: '{"__proto__": {"x": 1}}' }] } } }, 'klen');
		expect(server.requests).toEqual([]);
		expect(error).toMatch(/^\[item 0 · Jane\] Custom Context: "__proto__" cannot be a key/);
	});
});

describe('Values are read strictly, and quoted short', () => {
	it('a 1 MB phone cell gives a short message', async () => {
		const error = await errorOf({ ...create, phoneNumbers: `06${'1'.repeat(1_000_000)}` });
		expect(server.requests).toEqual([]);
		expect(error.length).toBeLessThan(400);
		expect(error).toMatch(/^\[item 0 · Jane Doe\] Phone Numbers: "061{75}\.\.\." is 1000002 characters long, too long for a phone number/);
	});

	it('"0612345678abc" is not a phone number', async () => {
		const error = await errorOf({ ...create, phoneNumbers: '0612345678abc', options: { defaultCountry: 'FR' } });
		expect(server.requests).toEqual([]);
		expect(error).toBe(
			'[item 0 · Jane Doe] Phone Numbers: "0612345678abc" holds characters that are not part of a phone number ("abc"). Give digits only, with spaces, dots, dashes or brackets if you like, and + or 00 before a country code.',
		);
	});

	it('"mailto:jane@example.com" is not an email address', async () => {
		const error = await errorOf({ ...create, additionalFields: { email: 'mailto:jane@example.com' } });
		expect(server.requests).toEqual([]);
		expect(error).toMatch(/Email: "mailto:jane@example\.com" is a mailto: link, not an email address\. Remove "mailto:" and give the address alone\./);
	});

	it('a web address with a user name and password is refused, without quoting the password', async () => {
		const result = await runAgainst('skipcall', skipcall(), { ...create, additionalFields: { url: 'https://admin:hunter2secret@acme.example.com/login' } }, [{}], { continueOnFail: true });
		expect(server.requests).toEqual([]);
		expect(result.items?.[0].error).toMatch(/Website URL: "https:\/\/\*\*\*@acme\.example\.com\/login" holds a user name or password before the @/);
		// The output item, its error included (message, description, the value it quotes).
		expect(JSON.stringify(result.raw)).not.toContain('hunter2secret');
	});
});
