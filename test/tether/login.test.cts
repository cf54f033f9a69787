import { sessionPolicy } from '../../nodes/Tether/session';
import { retryPolicy } from '../../nodes/common/sending/send';
import {
	TETHER_ACCESS_TOKEN,
	TETHER_USER,
	loginCredentials,
	requestLines,
	runTether,
	startTether,
	tokenCredentials,
	type TetherServer,
} from '../support/tether.cts';

let server: TetherServer;
beforeAll(async () => {
	retryPolicy.firstBackoffMs = 10;
	sessionPolicy.firstBackoffMs = 10;
	server = await startTether({ tokenUses: Infinity });
});
beforeEach(() => {
	server.reset();
	server.clearContacts();
	server.configure({ tokenUses: Infinity });
});
afterAll(async () => await server.stop());

const create = { operation: 'create', phoneNumbers: '={{ $json.phone }}', additionalFields: { firstName: '={{ $json.name }}' } };
const rows = (count: number, from = 0) =>
	Array.from({ length: count }, (_, index) => ({ name: `Row${from + index}`, phone: `+1 416 555 ${String(2000 + from + index)}` }));
const bearerOf = (request: { headers: { authorization?: string } }) => request.headers.authorization?.replace('Bearer ', '');
const creates = () => server.requests.filter((request: { path: string }) => request.path === '/api/contact');
const loginTokens = () => [...server.tokens.entries()].filter(([, session]) => !session.static);
const LOGIN_FIX = 'Check the Email and Password of the Tether credential: the ones you sign in to your Tether instance with.';

describe('Login mode: one login per credential and execution, shared by the rows sent side by side', () => {
	it('ten rows: one POST /api/auth/login, then every create with its token, which n8n saves with the credential', async () => {
		const credentials = loginCredentials(server);
		const result = await runTether(server, create, rows(10), { credentials });
		expect(result.items?.map((item) => item.firstName)).toEqual(rows(10).map((row) => row.name));
		expect(requestLines(server)).toEqual(['POST /api/auth/login', ...Array(10).fill('POST /api/contact')]);
		const [token] = loginTokens().at(-1) ?? [];
		expect(creates().map(bearerOf)).toEqual(Array(10).fill(token));
		expect(credentials.sessionToken).toBe(token);
		expect(server.counters).toMatchObject({ logins: 1, expiredTokens: 0, creates: 10 });
	});

	it('the next run uses the saved token: no login', async () => {
		const credentials = loginCredentials(server);
		await runTether(server, create, rows(2), { credentials });
		server.reset();
		const saved = credentials.sessionToken;
		const result = await runTether(server, create, rows(3, 2), { credentials });
		expect(result.error).toBeUndefined();
		expect(requestLines(server)).toEqual(Array(3).fill('POST /api/contact'));
		expect(creates().map(bearerOf)).toEqual(Array(3).fill(saved));
	});

	it('a saved token that has expired: one request refused, one login, that row sent again, the others wait for it', async () => {
		const credentials = loginCredentials(server);
		await runTether(server, create, rows(1), { credentials });
		const expired = credentials.sessionToken;
		server.expireTokens();
		server.reset();
		const result = await runTether(server, create, rows(5, 1), { credentials });
		expect(result.items).toHaveLength(5);
		expect(requestLines(server)).toEqual(['POST /api/contact', 'POST /api/auth/login', ...Array(5).fill('POST /api/contact')]);
		expect(bearerOf(creates()[0])).toBe(expired);
		expect(credentials.sessionToken).not.toBe(expired);
		expect(creates().slice(1).map(bearerOf)).toEqual(Array(5).fill(credentials.sessionToken));
		expect(server.counters).toMatchObject({ logins: 1, expiredTokens: 1, creates: 5 });
	});

	it('a token that expires in the middle of a run: one login, the refused rows sent again, none created twice', async () => {
		const credentials = loginCredentials(server);
		let seen = 0;
		server.inject((request: { path: string }) => request.path === '/api/contact' && ++seen === 6, { act: () => server.expireTokens() });
		const result = await runTether(server, create, rows(12), { credentials, continueOnFail: true });
		expect(result.items?.map((item) => item.error ?? item.firstName)).toEqual(rows(12).map((row) => row.name));
		expect(server.counters.logins).toBe(2);
		expect(server.contacts.size).toBe(12);
		const [first, second] = loginTokens().slice(-2);
		expect(first[1].revoked && second[1].revoked === false).toBe(true);
		expect(credentials.sessionToken).toBe(second[0]);
	});

	it('accepts the instance address with /api/ at the end: the login goes to /api/auth/login all the same', async () => {
		const result = await runTether(server, create, rows(1), { credentials: loginCredentials(server, TETHER_USER, `${server.baseUrl}/api/`) });
		expect(result.error).toBeUndefined();
		expect(requestLines(server)).toEqual(['POST /api/auth/login', 'POST /api/contact']);
	});
});

describe('A refused login is one clear error: no login storm, no row sent', () => {
	const wrong = () => ({ ...loginCredentials(server), password: 'not-the-password' });

	it('a wrong password with Continue On Fail: one login tried, every row an error item saying so, nothing else sent', async () => {
		const result = await runTether(server, create, rows(6), { credentials: wrong(), continueOnFail: true });
		expect(requestLines(server)).toEqual(['POST /api/auth/login']);
		expect(result.items).toEqual(
			rows(6).map((row, index) => ({
				error: `[item ${index} · ${row.name}] Tether login failed for admin@tether.test (401): Invalid email or password. ${LOGIN_FIX}`,
			})),
		);
		expect(JSON.stringify(result.run)).not.toContain('not-the-password');
	});

	it('without Continue On Fail the node fails with that message', async () => {
		const result = await runTether(server, create, rows(3), { credentials: wrong() });
		expect(result.error?.message).toBe(`[item 0 · Row0] Tether login failed for admin@tether.test (401): Invalid email or password. ${LOGIN_FIX}`);
		expect(server.counters).toMatchObject({ logins: 0, failedLogins: 1, creates: 0 });
	});

	it('a login that fails on Tether’s side (503) is tried again, and the rows go through', async () => {
		for (let time = 0; time < 2; time++) {
			server.inject((request: { path: string }) => request.path === '/api/auth/login', { status: 503, body: { success: false, error: 'Unavailable', message: 'Try later' } });
		}
		const result = await runTether(server, create, rows(4), { credentials: loginCredentials(server), continueOnFail: true });
		expect(result.items?.map((item) => item.error ?? item.firstName)).toEqual(rows(4).map((row) => row.name));
		expect(requestLines(server).filter((line) => line.endsWith('/auth/login'))).toHaveLength(3);
		expect(server.counters.logins).toBe(1);
	});

	it('a login that keeps failing: tried four times, then every row fails with Tether’s words', async () => {
		for (let time = 0; time < 4; time++) {
			server.inject((request: { path: string }) => request.path === '/api/auth/login', { status: 503, body: { success: false, error: 'Unavailable', message: 'Try later' } });
		}
		const result = await runTether(server, create, rows(3), { credentials: loginCredentials(server), continueOnFail: true });
		expect(requestLines(server)).toEqual(Array(4).fill('POST /api/auth/login'));
		expect(result.items?.[2]).toEqual({
			error: '[item 2 · Row2] Tether login failed for admin@tether.test (503): Try later. Tether could not log in just now: try again later.',
		});
	});

	it('a login answered without a token points at the Base URL', async () => {
		server.inject((request: { path: string }) => request.path === '/api/auth/login', { status: 200, body: { ok: true } });
		const result = await runTether(server, create, rows(1), { credentials: loginCredentials(server) });
		expect(result.error?.message).toBe(
			'[item 0 · Row0] Tether login failed for admin@tether.test (200): the answer holds no token. Check the Base URL of the Tether credential: your instance’s address, such as https://yourcompany.example.com.',
		);
	});

	it('a token refused right after its login fails clearly, once: the other rows are not sent', async () => {
		server.inject((request: { path: string }) => request.path === '/api/contact', { status: 401, body: { error: 'Invalid or expired token' } });
		const result = await runTether(server, create, rows(4), { credentials: loginCredentials(server), continueOnFail: true });
		expect(requestLines(server)).toEqual(['POST /api/auth/login', 'POST /api/contact']);
		expect(result.items?.[0]).toEqual({
			error:
				'[item 0 · Row0] Tether refused the request right after logging in as admin@tether.test (401): Invalid or expired token. The login works but Tether does not accept its token: check that the user is active and belongs to the instance the Base URL points at.',
		});
		expect(result.items?.slice(1).map((item) => String(item.error).replace(/^\[[^\]]*\] /, ''))).toEqual(
			Array(3).fill(String(result.items?.[0].error).replace(/^\[[^\]]*\] /, '')),
		);
	});
});

describe('Access Token mode: the pasted token is sent as it is; refused, it fails every row after one request', () => {
	it('sends the access token, never logs in', async () => {
		const result = await runTether(server, create, rows(3), { credentials: tokenCredentials(server) });
		expect(result.error).toBeUndefined();
		expect(creates().map(bearerOf)).toEqual(Array(3).fill(TETHER_ACCESS_TOKEN));
		expect(server.counters.logins).toBe(0);
	});

	it('a revoked token: one request, every row an error saying how to fix it, the token in none', async () => {
		server.revokeToken(TETHER_ACCESS_TOKEN);
		const result = await runTether(server, create, rows(4), { credentials: tokenCredentials(server), continueOnFail: true });
		expect(requestLines(server)).toEqual(['POST /api/contact']);
		expect(result.items?.[3]).toEqual({
			error:
				'[item 3 · Row3] Tether refused the access token (401): Invalid or expired token. Paste a current access token into the Tether credential, or set its Authentication to Login so that the node logs in by itself and again whenever the login expires.',
		});
		expect(JSON.stringify(result.run)).not.toContain(TETHER_ACCESS_TOKEN);
	});
});

describe('Secrets: the password and every token stay out of outputs and errors', () => {
	it('a server echoing the session token in an error: shown as ***', async () => {
		const credentials = loginCredentials(server);
		server.inject((request: { path: string }) => request.path === '/api/contact', {
			status: 400,
			get body() {
				const [token] = loginTokens().at(-1) ?? [];
				return { success: false, error: 'Validation error', message: `bad request from ${token} (${TETHER_USER.password})` };
			},
		});
		const result = await runTether(server, create, rows(1), { credentials, continueOnFail: true });
		expect(result.items).toEqual([{ error: '[item 0 · Row0] Tether rejected the request (400): bad request from *** (***)' }]);
		expect(JSON.stringify(result.run)).not.toContain(String(credentials.sessionToken));
		expect(JSON.stringify(result.run)).not.toContain(TETHER_USER.password);
	});

	it('a Base URL that is not http(s) fails every row before anything is sent, naming the credential’s field', async () => {
		const result = await runTether(server, create, rows(1), { credentials: { ...loginCredentials(server), baseUrl: 'ftp://tether.example.com' } });
		expect(result.error?.message).toBe(
			'[item 0 · Row0] Tether credential › Base URL: "ftp://tether.example.com" is not an http(s) address. Give your Tether instance’s address starting with https://, such as https://yourcompany.example.com.',
		);
		expect(server.requests).toHaveLength(0);
	});
});
