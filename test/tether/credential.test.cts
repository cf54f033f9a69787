import net from 'node:net';

import { CredentialTestContext } from 'n8n-core';
import type { ICredentialDataDecryptedObject, ICredentialTestFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { TetherApi } from '../../credentials/TetherApi.credentials';
import { authenticateRequest } from '../support/n8n.cts';
import { Tether } from '../../nodes/Tether/Tether.node';
import {
	TETHER_ACCESS_TOKEN,
	TETHER_USER,
	TETHER_VIEWER_ACCESS_TOKEN,
	loginCredentials,
	startTether,
	tokenCredentials,
	type TetherServer,
} from '../support/tether.cts';

let server: TetherServer;
beforeAll(async () => {
	server = await startTether();
});
beforeEach(() => server.reset());
afterAll(async () => await server.stop());

const credential = new TetherApi();
const node = new Tether();

/** Runs the node's credential test with n8n-core's own credential-test context, as n8n's tester does. */
async function testCredential(data: ICredentialDataDecryptedObject) {
	return await node.methods.credentialTest.tetherApiTest.call(new CredentialTestContext() as unknown as ICredentialTestFunctions, {
		id: '1',
		name: 'Tether',
		type: 'tetherApi',
		data,
	});
}

/** A port nothing listens on: taken, then freed. */
async function closedPort(): Promise<number> {
	const probe = net.createServer();
	await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
	const { port } = probe.address() as net.AddressInfo;
	await new Promise((resolve) => probe.close(resolve));
	return port;
}

const lines = () => server.requests.map((request: { method: string; path: string }) => `${request.method} ${request.path}`);

describe('Credential: the customer’s instance, and an access token or a login kept in a hidden expirable field', () => {
	it('declares baseUrl (required, no default), authentication, accessToken, email, password, and the hidden expirable sessionToken', () => {
		expect(credential.name).toBe('tetherApi');
		expect(
			credential.properties.map((property) => [property.name, property.type, property.default, property.required ?? false, property.typeOptions ?? {}, property.displayOptions?.show ?? {}]),
		).toEqual([
			['sessionToken', 'hidden', '', false, { expirable: true, password: true }, {}],
			['baseUrl', 'string', '', true, {}, {}],
			['authentication', 'options', 'login', false, {}, {}],
			['accessToken', 'string', '', true, { password: true }, { authentication: ['accessToken'] }],
			['email', 'string', '', true, {}, { authentication: ['login'] }],
			['password', 'string', '', true, { password: true }, { authentication: ['login'] }],
		]);
		expect(credential.properties[2].options).toEqual([
			expect.objectContaining({ name: 'Access Token', value: 'accessToken' }),
			expect.objectContaining({ name: 'Login', value: 'login' }),
		]);
		expect(node.description.credentials).toEqual([{ name: 'tetherApi', required: true, testedBy: 'tetherApiTest' }]);
	});

	it('sends the session token in Login mode, the access token in Access Token mode, as a bearer token', async () => {
		const request: IHttpRequestOptions = { url: '/contacts', headers: { Accept: 'application/json' } };
		expect(credential.authenticate).toMatchObject({ type: 'generic' });
		expect(await authenticateRequest(credential, { authentication: 'login', sessionToken: 'jwt-session', accessToken: 'jwt-access' }, request)).toEqual({
			url: '/contacts',
			headers: { Accept: 'application/json', Authorization: 'Bearer jwt-session' },
		});
		expect(await authenticateRequest(credential, { authentication: 'accessToken', sessionToken: 'jwt-session', accessToken: ' jwt-access\n' }, request)).toEqual({
			url: '/contacts',
			headers: { Accept: 'application/json', Authorization: 'Bearer jwt-access' },
		});
	});

	it('preAuthentication logs in with POST /api/auth/login and returns the token for n8n to save; an access token needs none', async () => {
		const helpers = { helpers: { httpRequest: jest.fn(async (options: IHttpRequestOptions) => await fetchLike(options)) } };
		const output = await credential.preAuthentication.call(helpers as never, loginCredentials(server, TETHER_USER, `${server.baseUrl}/api/`));
		expect(output).toEqual({ sessionToken: expect.stringMatching(/^ey[\w-]+\.[\w-]+\.[\w-]+$/) });
		expect(server.tokens.get(output.sessionToken as string)?.user.email).toBe(TETHER_USER.email);
		expect(server.requests.map((request: { method: string; path: string; body: unknown }) => [request.method, request.path, request.body])).toEqual([
			['POST', '/api/auth/login', { email: TETHER_USER.email, password: TETHER_USER.password }],
		]);
		expect(await credential.preAuthentication.call(helpers as never, tokenCredentials(server))).toEqual({});
		expect(server.counters.logins).toBe(1);
	});
});

/** n8n's httpRequest helper, as far as the login uses it (full response, status errors ignored). */
async function fetchLike(options: IHttpRequestOptions) {
	const response = await fetch(String(options.url), {
		method: options.method,
		headers: { 'Content-Type': 'application/json', ...(options.headers as Record<string, string>) },
		body: JSON.stringify(options.body),
		redirect: 'manual',
	});
	return { statusCode: response.status, headers: Object.fromEntries(response.headers), body: await response.json() };
}

describe('Credential test: logs in or takes the token, then GET /api/auth/verify-token; a refused login is told from a refused token', () => {
	it('Login: logs in, then verifies the fresh token', async () => {
		expect(await testCredential(loginCredentials(server))).toEqual({ status: 'OK', message: 'Connection successful' });
		expect(lines()).toEqual(['POST /api/auth/login', 'GET /api/auth/verify-token']);
		const [, verify] = server.requests;
		expect(server.tokens.get(verify.headers.authorization.replace('Bearer ', ''))?.user.email).toBe(TETHER_USER.email);
	});

	it('Access Token: verifies the pasted token, sent as a bearer token', async () => {
		expect(await testCredential(tokenCredentials(server))).toEqual({ status: 'OK', message: 'Connection successful' });
		expect(server.requests.map((request: { path: string; headers: { authorization: string } }) => [request.path, request.headers.authorization])).toEqual([
			['/api/auth/verify-token', `Bearer ${TETHER_ACCESS_TOKEN}`],
		]);
	});

	it.each([
		['with a trailing slash', (url: string) => `${url}/`],
		['with /api', (url: string) => `${url}/api`],
		['with /api/ and spaces', (url: string) => `  ${url}/api/ `],
	])('accepts the Base URL %s', async (_, baseUrl) => {
		expect(await testCredential(tokenCredentials(server, TETHER_ACCESS_TOKEN, baseUrl(server.baseUrl)))).toEqual({ status: 'OK', message: 'Connection successful' });
		expect(lines()).toEqual(['GET /api/auth/verify-token']);
	});

	it('a wrong password: Tether’s words, and what to check; the password is not shown', async () => {
		const result = await testCredential({ ...loginCredentials(server), password: 'not-the-password' });
		expect(result).toEqual({
			status: 'Error',
			message:
				'Tether login failed for admin@tether.test (401): Invalid email or password. Check the Email and Password of the Tether credential: the ones you sign in to your Tether instance with.',
		});
		expect(lines()).toEqual(['POST /api/auth/login']);
	});

	it('an expired or revoked access token: said so, with the way out (Login mode)', async () => {
		server.revokeToken(TETHER_ACCESS_TOKEN);
		const result = await testCredential(tokenCredentials(server));
		expect(result).toEqual({
			status: 'Error',
			message:
				'Tether refused the access token (401): Invalid or expired token. Paste a current access token into the Tether credential, or set its Authentication to Login so that the node logs in by itself and again whenever the login expires.',
		});
		expect(JSON.stringify(result)).not.toContain(TETHER_ACCESS_TOKEN);
	});

	it('a login whose token is refused at once', async () => {
		server.inject((request: { path: string }) => request.path === '/api/auth/verify-token', { status: 401, body: { error: 'Invalid or expired token' } });
		expect(await testCredential(loginCredentials(server))).toEqual({
			status: 'Error',
			message:
				'Tether refused the token of a fresh login as admin@tether.test (401): Invalid or expired token. The login works but Tether does not accept its token: check that the user is active and belongs to the instance the Base URL points at.',
		});
	});

	it('empty email, password or token: said before anything is sent', async () => {
		expect(await testCredential({ ...loginCredentials(server), password: '' })).toEqual({
			status: 'Error',
			message: 'Login: fill in the Email and Password you sign in to your Tether instance with.',
		});
		expect(await testCredential(tokenCredentials(server, ''))).toEqual({
			status: 'Error',
			message: 'Access Token: paste a Tether access token, or set Authentication to Login.',
		});
		expect(server.requests).toHaveLength(0);
	});

	it.each([
		['ftp://tether.example.com', 'Base URL: "ftp://tether.example.com" is not an http(s) address. Give your Tether instance’s address starting with https://, such as https://yourcompany.example.com.'],
		['tether.example.com', 'Base URL: "tether.example.com" is not a web address. Write your Tether instance’s address with https://, such as https://yourcompany.example.com.'],
		['', 'Base URL: is empty. Give your Tether instance’s address, such as https://yourcompany.example.com.'],
	])('refuses the Base URL "%s" without sending anything', async (baseUrl, message) => {
		expect(await testCredential(tokenCredentials(server, TETHER_ACCESS_TOKEN, baseUrl))).toEqual({ status: 'Error', message });
		expect(server.requests).toHaveLength(0);
	});

	it('an address that is not a Tether instance, and one that does not answer', async () => {
		server.inject((request: { path: string }) => request.path === '/crm/api/auth/login', { status: 404, body: { message: 'Cannot POST /crm/api/auth/login' } });
		expect(await testCredential(loginCredentials(server, TETHER_USER, `${server.baseUrl}/crm`))).toEqual({
			status: 'Error',
			message:
				'Tether login failed for admin@tether.test (404): no Tether login at this address. Check the Base URL of the Tether credential: your instance’s address, such as https://yourcompany.example.com.',
		});
		const closed = await closedPort();
		expect(await testCredential(tokenCredentials(server, TETHER_ACCESS_TOKEN, `http://127.0.0.1:${closed}`))).toEqual({
			status: 'Error',
			message: `Could not reach Tether at http://127.0.0.1:${closed}/api: connection refused. Check the Base URL: your instance’s address, such as https://yourcompany.example.com.`,
		});
	});

	it('a viewer’s token is a working credential (reading needs no write right)', async () => {
		expect(await testCredential(tokenCredentials(server, TETHER_VIEWER_ACCESS_TOKEN))).toEqual({ status: 'OK', message: 'Connection successful' });
	});
});

/**
 * Issue 18, item 9: an instance reached over plain http on another machine passes the test,
 * which says that the password or token travel unencrypted. `tether.example.test` is this
 * test's own name for the sandbox (resolved to 127.0.0.1 below), so that the address is not
 * the loopback's as the node sees it.
 */
describe('The credential test over plain http to another machine says the secrets travel unencrypted', () => {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const dns = require('node:dns') as { lookup: (...args: unknown[]) => void };
	const lookup = dns.lookup;
	beforeAll(() => {
		dns.lookup = (host: unknown, options: unknown, callback?: unknown) => {
			const done = (typeof options === 'function' ? options : callback) as (...args: unknown[]) => void;
			const settings = (typeof options === 'object' && options) || {};
			if (host !== 'tether.example.test') return lookup(host, options, callback);
			return (settings as { all?: boolean }).all ? done(null, [{ address: '127.0.0.1', family: 4 }]) : done(null, '127.0.0.1', 4);
		};
	});
	afterAll(() => (dns.lookup = lookup));
	const remote = () => server.baseUrl.replace('127.0.0.1', 'tether.example.test');

	it('login: passes, and says the password and login tokens travel unencrypted', async () => {
		expect(await testCredential(loginCredentials(server, TETHER_USER, remote()))).toEqual({
			status: 'OK',
			message:
				'Connection successful, but the Base URL starts with http:// and is not on this machine: the password and every login token travel unencrypted. Use https:// if your instance offers it.',
		});
		expect(lines()).toEqual(['POST /api/auth/login', 'GET /api/auth/verify-token']);
	});

	it('access token: passes, and says the token travels unencrypted', async () => {
		expect(await testCredential(tokenCredentials(server, TETHER_ACCESS_TOKEN, remote()))).toEqual({
			status: 'OK',
			message: 'Connection successful, but the Base URL starts with http:// and is not on this machine: the access token travels unencrypted. Use https:// if your instance offers it.',
		});
	});

	it('on this machine (127.0.0.1, localhost) plain http says nothing more', async () => {
		expect(await testCredential(tokenCredentials(server))).toEqual({ status: 'OK', message: 'Connection successful' });
		expect(await testCredential(tokenCredentials(server, TETHER_ACCESS_TOKEN, server.baseUrl.replace('127.0.0.1', 'localhost')))).toEqual({
			status: 'OK',
			message: 'Connection successful',
		});
	});
});
