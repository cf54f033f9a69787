import type { ICredentialsDecrypted, ICredentialTestFunctions, INodeCredentialTestResult } from 'n8n-workflow';

import { FieldError } from '../common/input/values';
import { serverReason } from '../common/sending/apiErrors';
import { bearerHeader } from '../common/sending/credentialTest';
import { redact } from '../common/sending/redact';
import { transportCode, transportWords } from '../common/sending/transport';
import { tetherApiUrl } from './instance';
import { LOGIN_PATH, type LoginAnswer, VERIFY_PATH, loginOutcome } from './login';
import { tetherLogin, tetherProfile } from './profile';

const TEST_TIMEOUT_MS = 20_000;

type Exchange = LoginAnswer | { unreachable: string };

/** One request with Node's fetch (the test context of n8n 1.x has no usable helper), never following a redirect. */
async function call(url: string, init: { method: string; headers: Record<string, string>; body?: string }): Promise<Exchange> {
	try {
		const response = await fetch(url, { ...init, redirect: 'manual', signal: AbortSignal.timeout(TEST_TIMEOUT_MS) });
		const text = await response.text();
		let body: unknown = text;
		try {
			body = text ? JSON.parse(text) : undefined;
		} catch {
			body = text;
		}
		return { statusCode: response.status, body, headers: Object.fromEntries(response.headers) };
	} catch (error) {
		const code = transportCode(error);
		const cause = (error as { cause?: { message?: unknown } } | null)?.cause?.message;
		return { unreachable: code ? transportWords(code) : String(cause ?? (error as { message?: unknown } | null)?.message ?? error) };
	}
}

/** Whether an address is this machine's own (the loopback): plain http never leaves it. */
function isThisMachine(hostname: string): boolean {
	const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
	return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/**
 * What the test adds to its success when the instance is reached over plain http on another
 * machine: the password (a login) or the token travels unencrypted.
 */
function travelsUnencrypted(api: string, logsIn: boolean): string {
	const url = new URL(api);
	if (url.protocol !== 'http:' || isThisMachine(url.hostname)) return '';
	const secrets = logsIn ? 'the password and every login token travel' : 'the access token travels';
	return `, but the Base URL starts with http:// and is not on this machine: ${secrets} unencrypted. Use https:// if your instance offers it.`;
}

/**
 * The credential test (`testedBy`): logs in (Login) or takes the pasted token (Access Token),
 * then asks `GET /api/auth/verify-token`. Its messages tell a refused login from a refused
 * token, in the words the node uses when it sends (common/sending/session.ts).
 */
export async function tetherCredentialTest(this: ICredentialTestFunctions, credential: ICredentialsDecrypted): Promise<INodeCredentialTestResult> {
	const data = credential.data ?? {};
	const login = tetherLogin;
	let api: string;
	try {
		api = tetherApiUrl(data.baseUrl);
	} catch (error) {
		// tetherApiUrl fails only with a FieldError.
		const { problem, fix } = error as FieldError;
		return { status: 'Error', message: `Base URL: ${problem}. ${fix}` };
	}
	const secrets = [String(data.password ?? ''), String(data.accessToken ?? '')];
	const fail = (message: string): INodeCredentialTestResult => ({ status: 'Error', message: redact(message, secrets) });
	const unreachable = (why: string) => fail(`Could not reach Tether at ${api}: ${why}. Check the Base URL: your instance’s address, such as https://yourcompany.example.com.`);
	const logsIn = login.logsIn(data);
	let token = String(data.accessToken ?? '').trim();
	if (logsIn) {
		const email = login.user(data);
		const password = String(data.password ?? '');
		if (email === '' || password === '') return fail('Login: fill in the Email and Password you sign in to your Tether instance with.');
		const answer = await call(`${api}${LOGIN_PATH}`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
			body: JSON.stringify({ email, password }),
		});
		if ('unreachable' in answer) return unreachable(answer.unreachable);
		const outcome = loginOutcome(answer, secrets);
		if (!outcome.token) {
			const failure = outcome.failure!;
			return fail(`Tether login failed for ${email} (${failure.status})${failure.reason ? `: ${failure.reason}` : ''}. ${failure.fix}`);
		}
		token = outcome.token;
		secrets.push(token);
	} else if (token === '') {
		return fail('Access Token: paste a Tether access token, or set Authentication to Login.');
	}
	const answer = await call(`${api}${VERIFY_PATH}`, { method: 'GET', headers: { ...bearerHeader(token), Accept: 'application/json' } });
	if ('unreachable' in answer) return unreachable(answer.unreachable);
	const { statusCode } = answer;
	const reason = serverReason(answer.body);
	const because = reason ? `: ${reason}` : '';
	if (statusCode >= 200 && statusCode < 300) return { status: 'OK', message: `Connection successful${travelsUnencrypted(api, logsIn)}` };
	if (statusCode === 401 && logsIn) return fail(`Tether refused the token of a fresh login as ${login.user(data)} (401)${because}. ${login.freshTokenHint}`);
	if (statusCode === 401) return fail(`Tether refused the access token (401)${because}. ${login.tokenHint}`);
	if (statusCode === 403) return fail(tetherProfile.credentialTest.forbidden);
	return fail(`Tether answered ${statusCode} at ${api}${VERIFY_PATH}${because}. Check the Base URL: your instance’s address, such as https://yourcompany.example.com.`);
}
