import type { ICredentialsDecrypted, ICredentialTestFunctions, INodeCredentialTestResult } from 'n8n-workflow';

import type { ProviderProfile } from '../profile';
import { redact } from './redact';
import { MAX_REDIRECTS, originOf } from './redirects';

/**
 * `Authorization: Bearer <key>` for the credential tests, which send with fetch (n8n 1.x's test
 * context has no usable request helper): the same header as the credentials' generic
 * `authenticate` writes for every request of the nodes. The key is trimmed: one pasted with a
 * trailing new line is meant without it (and a header cannot carry a new line).
 */
export function bearerHeader(apiKey: unknown): { Authorization: string } {
	return { Authorization: `Bearer ${String(apiKey ?? '').trim()}` };
}

const TEST_TIMEOUT_MS = 20_000;

/**
 * A text as a message may show it: every address in it without its user name and password
 * (a proxy's `user:password@`, which fetch's own errors quote), and no secret anywhere (a key
 * pasted into the Base URL's path).
 */
export function shown(text: string, secrets: Array<string | undefined>): string {
	return redact(text.replace(/([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@]*@/gi, '$1***@'), secrets);
}

/**
 * The credential test, as a node method (`testedBy`) rather than the credential's declarative
 * `test`: n8n 1.x loses a declarative test's own messages (it shows its generic "Authorization
 * failed" instead), and telling a bad key from a plan without API access is the point.
 * It sends with Node's fetch: the test context of n8n 1.x offers only the deprecated
 * `helpers.request`. Redirects are followed only within the Base URL's origin, as every
 * request of the nodes (sending/redirects.ts): one to another host would carry the key there.
 */
export function apiKeyCredentialTest(profile: ProviderProfile) {
	const { displayName, credentialHint, credentialTest } = profile;
	return async function (
		this: ICredentialTestFunctions,
		credential: ICredentialsDecrypted,
	): Promise<INodeCredentialTestResult> {
		const data = credential.data ?? {};
		const apiKey = String(data.apiKey ?? '');
		const baseUrl = String(data.baseUrl ?? '').replace(/\/+$/, '');
		const query = new URLSearchParams(
			Object.entries(credentialTest.qs ?? {}).map(([name, value]): [string, string] => [name, String(value)]),
		).toString();
		let status: number | undefined;
		let reason: string;
		try {
			let url = `${baseUrl}${credentialTest.path}${query ? `?${query}` : ''}`;
			const deadline = AbortSignal.timeout(TEST_TIMEOUT_MS);
			for (let hops = 0; ; hops++) {
				const response = await fetch(url, {
					method: 'GET',
					headers: { ...bearerHeader(apiKey), Accept: 'application/json' },
					redirect: 'manual',
					signal: deadline,
				});
				status = response.status;
				const location = response.headers.get('location');
				if (status < 300 || status >= 400 || !location) {
					if (response.ok) return { status: 'OK', message: 'Connection successful' };
					reason = response.statusText || 'the server refused the request';
					break;
				}
				const target = new URL(location, url).href;
				const origin = originOf(target);
				if (origin !== originOf(baseUrl)) {
					return {
						status: 'Error',
						message: shown(
							`${displayName} at ${baseUrl} redirected the test (HTTP ${status}) to ${origin ?? 'an unreadable address'}, another address than the Base URL's: not followed, so the API key was not sent there. Check the Base URL.`,
							[apiKey],
						),
					};
				}
				if (hops >= MAX_REDIRECTS) {
					reason = `redirected more than ${MAX_REDIRECTS} times`;
					break;
				}
				url = target;
			}
		} catch (error) {
			reason = error instanceof Error ? String((error.cause as Error | undefined)?.message ?? error.message) : String(error);
		}
		if (status === 401) return { status: 'Error', message: `API key invalid: ${displayName} did not recognise it. ${credentialHint}` };
		if (status === 403) return { status: 'Error', message: credentialTest.forbidden };
		return {
			status: 'Error',
			message: shown(`Could not reach ${displayName} at ${baseUrl}${status ? ` (HTTP ${status})` : ''}: ${reason}. Check the Base URL.`, [apiKey]),
		};
	};
}
