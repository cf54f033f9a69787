import { retryPolicy } from '../../nodes/common/sending/send';
import { type ScriptedServer, everythingOf, json, runAgainst, scriptedServer, testCredentialAgainst } from '../support/scripted.cts';

/**
 * Issue 9, case 11: the key shows nowhere. (A 200 that echoes it: answers.test.ts.) Before,
 * the credential test printed the Base URL as typed, and a key pasted with a trailing new
 * line was sent trimmed but redacted as typed, so a server echoing it showed it.
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

describe('The credential test never prints a secret of the Base URL', () => {
	it('a proxy user:password in the Base URL is not shown', async () => {
		const answer = await testCredentialAgainst('klen', 'http://proxyuser:proxy-pass-1234@127.0.0.1:1/api/v1', 'klen_secret_0001');
		expect(answer.status).toBe('Error');
		expect(answer.message).toMatch(/^Could not reach Klen AI at http:\/\/\*\*\*@127\.0\.0\.1:1\/api\/v1: /);
		expect(answer.message).not.toMatch(/proxyuser|proxy-pass-1234/);
	});

	it('a key pasted into the Base URL is not shown', async () => {
		server.script((_, response) => json(response, 404, { message: 'no such route' }));
		const key = 'klen_key_in_path_0001';
		const answer = await testCredentialAgainst('klen', `${server.origin}/api/${key}/v1`, key);
		expect(answer).toEqual({ status: 'Error', message: `Could not reach Klen AI at ${server.origin}/api/***/v1 (HTTP 404): Not Found. Check the Base URL.` });
	});
});

describe('A key pasted with a trailing new line is sent trimmed and redacted trimmed', () => {
	it('a 401 that echoes the key it received shows ***', async () => {
		server.script((request, response) => json(response, 401, { message: `Invalid API key ${String(request.headers.authorization).slice(7)}` }));
		const key = 'sk_live_pasted_with_newline_0007';
		const result = await runAgainst('skipcall', `${server.origin}/v1`, { operation: 'get', contactId: 'c1' }, [{}], { apiKey: `${key}\n`, continueOnFail: true });
		expect(server.requests.map((request) => request.headers.authorization)).toEqual([`Bearer ${key}`]);
		expect(result.items?.[0].error).toMatch(/^\[item 0 · contact c1\] Skipcall API key invalid \(401\): Invalid API key \*\*\*\. /);
		expect(everythingOf(result)).not.toContain(key);
	});
});
