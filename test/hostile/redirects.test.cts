import { retryPolicy } from '../../nodes/common/sending/send';
import { type ScriptedServer, everythingOf, json, runAgainst, scriptedServer, testCredentialAgainst } from '../support/scripted.cts';

/**
 * Issue 9, case 1: a redirect to another origin never carries the API key or the contact;
 * one within the Base URL's origin is followed. Before the fix, n8n's helper followed every
 * redirect with the Authorization header and the node output the other host's answer.
 */

const KEY = 'sk_live_redirect_secret_0001';
let provider: ScriptedServer;
let elsewhere: ScriptedServer;

beforeAll(async () => {
	retryPolicy.firstBackoffMs = 10;
	elsewhere = await scriptedServer((_, response) => json(response, 200, { id: 'stolen', firstName: 'Mallory' }));
	provider = await scriptedServer((_, response) => json(response, 500, {}));
});
beforeEach(() => {
	provider.requests.length = 0;
	elsewhere.requests.length = 0;
});
afterAll(async () => {
	await provider.stop();
	await elsewhere.stop();
});

const base = () => `${provider.origin}/v1`;
const getContact = { operation: 'get', contactId: 'c1' };
const skipcallCreate = { operation: 'create', firstName: 'Jane', lastName: 'Doe', phoneNumbers: '+33612345678' };

describe('A redirect to another host carries neither the key nor the contact', () => {
	it('Get answered 302 to another host: the row fails naming that origin; the other host gets nothing', async () => {
		provider.script((_, response) => {
			response.writeHead(302, { Location: `${elsewhere.origin}/collect?key=${KEY}` });
			response.end();
		});
		const result = await runAgainst('skipcall', base(), getContact, [{}], { apiKey: KEY, continueOnFail: true });
		expect(elsewhere.requests).toEqual([]);
		expect(result.items).toEqual([
			{
				error: `[item 0 · contact c1] Skipcall redirected the request (302) to ${elsewhere.origin}, another address than the Base URL's (${provider.origin}): not followed, so neither the API key nor the contact went there`,
			},
		]);
		expect(everythingOf(result)).not.toContain(KEY);
	});

	it('Klen Create answered 307 to another host: nothing is POSTed there', async () => {
		provider.script((_, response) => {
			response.writeHead(307, { Location: `${elsewhere.origin}/api/v1/contacts/create` });
			response.end();
		});
		const result = await runAgainst('klen', `${provider.origin}/api/v1`, { operation: 'create', firstName: 'Jane' }, [{}], { apiKey: KEY });
		expect(elsewhere.requests).toEqual([]);
		expect(provider.requests.map((request) => request.method)).toEqual(['POST']);
		expect(result.error?.message).toMatch(/^\[item 0 · Jane\] Klen AI redirected the request \(307\) to http:\/\/127\.0\.0\.1:\d+, another address/);
	});

	it('an http → https redirect of the same host is another origin too', async () => {
		provider.script((_, response) => {
			response.writeHead(301, { Location: `https://127.0.0.1:1/v1/contacts/c1` });
			response.end();
		});
		const result = await runAgainst('skipcall', base(), getContact, [{}], { apiKey: KEY, continueOnFail: true });
		expect(result.items?.[0].error).toMatch(/to https:\/\/127\.0\.0\.1:1, another address/);
	});

	it('the credential test answered 302 to another host: an error, and the key never leaves', async () => {
		provider.script((_, response) => {
			response.writeHead(302, { Location: `${elsewhere.origin}/workspaces` });
			response.end();
		});
		const answer = await testCredentialAgainst('skipcall', base(), KEY);
		expect(elsewhere.requests).toEqual([]);
		expect(answer).toEqual({
			status: 'Error',
			message: `Skipcall at ${base()} redirected the test (HTTP 302) to ${elsewhere.origin}, another address than the Base URL's: not followed, so the API key was not sent there. Check the Base URL.`,
		});
	});
});

describe('A redirect within the Base URL’s origin is followed with the same key', () => {
	it('Get answered 301 to another path: the contact there is the answer', async () => {
		provider.script((request, response) => {
			if (request.path === '/v1/contacts/c1') {
				response.writeHead(301, { Location: '/v1/moved/c1' });
				response.end();
			} else json(response, 200, { id: 'c1', firstName: 'Jane' });
		});
		const result = await runAgainst('skipcall', base(), getContact, [{}], { apiKey: KEY });
		expect(result.items).toEqual([{ id: 'c1', firstName: 'Jane' }]);
		expect(provider.requests.map((request) => [request.method, request.path, request.headers.authorization])).toEqual([
			['GET', '/v1/contacts/c1', `Bearer ${KEY}`],
			['GET', '/v1/moved/c1', `Bearer ${KEY}`],
		]);
	});

	it('Create answered 307: the same POST and body go to the new path', async () => {
		provider.script((request, response) => {
			if (request.path === '/v1/contacts') {
				response.writeHead(307, { Location: `${provider.origin}/v2/contacts` });
				response.end();
			} else json(response, 201, { id: 'c9', ...(request.body as object) });
		});
		const result = await runAgainst('skipcall', base(), skipcallCreate, [{}], { apiKey: KEY });
		const body = { firstName: 'Jane', lastName: 'Doe', phoneNumbers: ['+33612345678'] };
		expect(provider.requests.map((request) => [request.method, request.path, request.body])).toEqual([
			['POST', '/v1/contacts', body],
			['POST', '/v2/contacts', body],
		]);
		expect(result.items).toEqual([{ id: 'c9', ...body }]);
	});

	it('Create answered 303 (see the result): the created contact is read with a GET', async () => {
		provider.script((request, response) => {
			if (request.method === 'POST') {
				response.writeHead(303, { Location: '/v1/contacts/c7' });
				response.end();
			} else json(response, 200, { id: 'c7', firstName: 'Jane' });
		});
		const result = await runAgainst('skipcall', base(), skipcallCreate, [{}], { apiKey: KEY });
		expect(provider.requests.map((request) => [request.method, request.path, request.headers['content-type']])).toEqual([
			['POST', '/v1/contacts', 'application/json'],
			['GET', '/v1/contacts/c7', undefined],
		]);
		expect(result.items).toEqual([{ id: 'c7', firstName: 'Jane' }]);
	});

	it('Create answered 302: not turned into a GET that would pass for a created contact', async () => {
		provider.script((_, response) => {
			response.writeHead(302, { Location: '/v1/elsewhere' });
			response.end();
		});
		const result = await runAgainst('skipcall', base(), skipcallCreate, [{}], { apiKey: KEY, continueOnFail: true });
		expect(provider.requests).toHaveLength(1);
		expect(result.items).toEqual([{ error: '[item 0 · Jane Doe] Skipcall redirected the request (302), which would turn it into a GET: not followed, so nothing was written' }]);
	});

	it('a redirect loop stops after 5 hops', async () => {
		provider.script((request, response) => {
			response.writeHead(302, { Location: `/v1/loop/${provider.requests.length}` });
			response.end();
		});
		const result = await runAgainst('skipcall', base(), getContact, [{}], { apiKey: KEY, continueOnFail: true });
		expect(provider.requests).toHaveLength(6);
		expect(result.items).toEqual([{ error: '[item 0 · contact c1] Skipcall redirected the request (302) more than 5 times: not followed' }]);
	});

	it('the credential test follows a redirect within the origin', async () => {
		provider.script((request, response) => {
			if (request.path === '/v1/workspaces') {
				response.writeHead(308, { Location: '/v1/workspaces/' });
				response.end();
			} else json(response, 200, []);
		});
		expect(await testCredentialAgainst('skipcall', base(), KEY)).toEqual({ status: 'OK', message: 'Connection successful' });
		expect(provider.requests.map((request) => [request.path, request.headers.authorization])).toEqual([
			['/v1/workspaces', `Bearer ${KEY}`],
			['/v1/workspaces/', `Bearer ${KEY}`],
		]);
	});
});
