import { TetherApi } from '../../credentials/TetherApi.credentials';
import { sessionPolicy } from '../../nodes/Tether/session';
import { retryPolicy } from '../../nodes/common/sending/send';
import { redact } from '../../nodes/common/sending/redact';
import { Tether } from '../../nodes/Tether/Tether.node';
import { runNode } from '../support/n8n.cts';
import { type ScriptedServer, everythingOf, json, runAgainst, scriptedServer } from '../support/scripted.cts';

/**
 * Issue 18, item 2: a secret the server echoes in another encoding is shown nowhere. Before, a
 * Tether login answered 401 with the password URL-encoded put it into the error item and the
 * saved execution.
 */

const PASSWORD = 'Hunter2-Pa$$word "quoted" \\ and spaces';
const FORMS = {
	plain: PASSWORD,
	encodeURIComponent: encodeURIComponent(PASSWORD),
	form: new URLSearchParams({ p: PASSWORD }).toString().slice(2),
	plusForSpaces: encodeURIComponent(PASSWORD).replace(/%20/g, '+'),
	lowerCaseHex: encodeURIComponent(PASSWORD).replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase()),
	json: JSON.stringify(PASSWORD).slice(1, -1),
};

let server: ScriptedServer;
beforeAll(async () => {
	retryPolicy.firstBackoffMs = 10;
	sessionPolicy.firstBackoffMs = 10;
	server = await scriptedServer((_, response) => json(response, 200, {}));
});
beforeEach(() => (server.requests.length = 0));
afterAll(async () => await server.stop());

const runTetherLogin = async () =>
	await runNode({
		nodeType: new Tether(),
		credentialType: new TetherApi(),
		credentials: { baseUrl: server.origin, authentication: 'login', email: 'admin@example.com', password: PASSWORD },
		parameters: { resource: 'contact', operation: 'create', phoneNumbers: '+1 416 555 2000' },
		items: [{}],
		continueOnFail: true,
	});

describe('A Tether login refused with the password echoed in any encoding shows it nowhere', () => {
	it.each(Object.entries(FORMS))('echoed %s', async (_, form) => {
		server.script((request, response) => json(response, 401, { error: 'Unauthorized', message: `Invalid login: email=admin%40example.com&password=${form}` }));
		const result = await runTetherLogin();
		expect(server.requests.map((request) => request.path)).toEqual(['/api/auth/login']);
		expect(result.items?.[0].error).toMatch(/^\[item 0 · \+1 416 555 2000\] Tether login failed for admin@example\.com \(401\): Invalid login: email=admin%40example\.com&password=\*\*\*\. /);
		const everything = everythingOf(result);
		for (const shown of Object.values(FORMS)) expect(everything).not.toContain(shown);
		expect(everything).not.toContain('Hunter2');
	});
});

describe('An API key echoed URL-encoded or JSON-escaped is shown nowhere', () => {
	const key = 'sk_live_key+with/odd=chars 0001';
	it.each([
		['URL-encoded', encodeURIComponent(key)],
		['form-encoded', new URLSearchParams({ k: key }).toString().slice(2)],
		['JSON-escaped inside a text', JSON.stringify(`x${key}`).slice(2, -1)],
	])('a 401 echoing the key %s', async (_, echoed) => {
		server.script((_request, response) => json(response, 401, { message: `Invalid API key ${echoed}`, received: echoed }));
		const result = await runAgainst('skipcall', `${server.origin}/v1`, { operation: 'get', contactId: 'c1' }, [{}], { apiKey: key, continueOnFail: true });
		expect(result.items?.[0].error).toMatch(/^\[item 0 · contact c1\] Skipcall API key invalid \(401\): Invalid API key \*\*\*\. /);
		const everything = everythingOf(result);
		expect(everything).not.toContain(echoed);
		expect(everything).not.toContain('odd=chars');
	});

	it('a 200 answer echoing the key encoded: the output item holds *** instead', async () => {
		server.script((_request, response) => json(response, 200, { id: 'c1', note: `key=${encodeURIComponent(key)}` }));
		const result = await runAgainst('skipcall', `${server.origin}/v1`, { operation: 'get', contactId: 'c1' }, [{}], { apiKey: key });
		expect(result.items).toEqual([{ id: 'c1', note: 'key=***' }]);
	});
});

describe('redact: every form of every secret', () => {
	it('replaces the plain, URL-encoded (either case of hex, + for spaces) and JSON-escaped forms', () => {
		const text = Object.values(FORMS).join(' | ');
		expect(redact(text, [PASSWORD])).toBe(Object.values(FORMS).map(() => '***').join(' | '));
	});
});
