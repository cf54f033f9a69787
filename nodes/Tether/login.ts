import type { ICredentialDataDecryptedObject, IHttpRequestOptions, IN8nHttpFullResponse } from 'n8n-workflow';

import { FieldError } from '../common/input/values';
import { serverReason } from '../common/sending/apiErrors';
import { serverWaitMs } from '../common/sending/pacing';
import { redactDeep } from '../common/sending/redact';
import { type LoginOutcome, reportLogin } from './session';
import { transportCode, transportWords } from '../common/sending/transport';
import { tetherApiUrl } from './instance';

/** Tether's login, under the instance's `/api`: `{email, password}` → `{token, user}`. */
export const LOGIN_PATH = '/auth/login';
export const VERIFY_PATH = '/auth/verify-token';

const LOGIN_TIMEOUT_MS = 20_000;

const CHECK_BASE_URL = 'Check the Base URL of the Tether credential: your instance’s address, such as https://yourcompany.example.com.';
const CHECK_LOGIN = 'Check the Email and Password of the Tether credential: the ones you sign in to your Tether instance with.';

export interface LoginAnswer {
	statusCode: number;
	body: unknown;
	headers: Record<string, unknown>;
}

/** What an answer to the login means. `secrets` are removed from the server's words. */
export function loginOutcome(answer: LoginAnswer, secrets: string[]): LoginOutcome {
	const { statusCode } = answer;
	const status = String(statusCode);
	const token = (answer.body as { token?: unknown } | null)?.token;
	if (statusCode >= 200 && statusCode < 300) {
		if (typeof token === 'string' && token.trim() !== '') return { token: token.trim() };
		return { failure: { permanent: true, status, reason: 'the answer holds no token', fix: CHECK_BASE_URL } };
	}
	const reason = serverReason(redactDeep(answer.body, secrets));
	if (statusCode === 400 || statusCode === 401 || statusCode === 403) return { failure: { permanent: true, status, reason, fix: CHECK_LOGIN } };
	if (statusCode >= 300 && statusCode < 400) {
		return { failure: { permanent: true, status, reason: 'the login was redirected elsewhere', fix: CHECK_BASE_URL } };
	}
	if (statusCode === 404 || statusCode === 405) return { failure: { permanent: true, status, reason: 'no Tether login at this address', fix: CHECK_BASE_URL } };
	return {
		failure: {
			permanent: false,
			status,
			reason,
			fix: 'Tether could not log in just now: try again later.',
			waitMs: statusCode === 429 ? serverWaitMs(answer.headers) : undefined,
		},
	};
}

type HttpRequest = (options: IHttpRequestOptions) => Promise<unknown>;

/**
 * Logs in with the credential's email and password, reports the outcome to the request n8n
 * logs in for (common/sending/session.ts) and returns the token. Used by the credential's
 * `preAuthentication`: n8n calls it and saves the token with the credential. The password is
 * never followed to another address (no redirects) and never shown.
 */
export async function logInToTether(httpRequest: HttpRequest, credentials: ICredentialDataDecryptedObject): Promise<string> {
	const email = String(credentials.email ?? '').trim();
	const password = String(credentials.password ?? '');
	let outcome: LoginOutcome;
	if (email === '' || password === '') {
		const empty = email === '' ? 'Email' : 'Password';
		outcome = { failure: { permanent: true, status: 'not sent', reason: `the credential’s ${empty} is empty`, fix: CHECK_LOGIN } };
	} else {
		try {
			const response = (await httpRequest({
				method: 'POST',
				url: `${tetherApiUrl(credentials.baseUrl)}${LOGIN_PATH}`,
				body: { email, password },
				json: true,
				headers: { Accept: 'application/json' },
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
				disableFollowRedirect: true,
				timeout: LOGIN_TIMEOUT_MS,
			})) as IN8nHttpFullResponse;
			outcome = loginOutcome({ statusCode: response.statusCode, body: response.body, headers: response.headers ?? {} }, [password]);
		} catch (error) {
			if (error instanceof FieldError) {
				outcome = { failure: { permanent: true, status: 'Base URL', reason: error.problem, fix: error.fix } };
			} else {
				const code = transportCode(error);
				outcome = { failure: { permanent: false, status: code ? transportWords(code) : 'no answer', fix: CHECK_BASE_URL } };
			}
		}
	}
	reportLogin(credentials, outcome);
	if (outcome.token) return outcome.token;
	const failure = outcome.failure;
	throw new Error(`Tether login failed for ${email || 'an empty email'} (${failure?.status})${failure?.reason ? `: ${failure.reason}` : ''}. ${failure?.fix ?? ''}`);
}
