import type { ICredentialsDecrypted, ICredentialTestFunctions, INodeCredentialTestResult } from 'n8n-workflow';

import type { ProviderProfile } from '../profile';
import { bearerHeader } from './auth';
import { redact } from './redact';

const TEST_TIMEOUT_MS = 20_000;

/**
 * The credential test, as a node method (`testedBy`) rather than the credential's declarative
 * `test`: n8n 1.x loses a declarative test's own messages (it shows its generic "Authorization
 * failed" instead), and telling a bad key from a plan without API access is the point.
 * It sends with Node's fetch: the test context of n8n 1.x offers only the deprecated
 * `helpers.request`.
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
			const response = await fetch(`${baseUrl}${credentialTest.path}${query ? `?${query}` : ''}`, {
				method: 'GET',
				headers: { ...bearerHeader(apiKey), Accept: 'application/json' },
				signal: AbortSignal.timeout(TEST_TIMEOUT_MS),
			});
			status = response.status;
			if (response.ok) return { status: 'OK', message: 'Connection successful' };
			reason = response.statusText || 'the server refused the request';
		} catch (error) {
			reason = error instanceof Error ? String((error.cause as Error | undefined)?.message ?? error.message) : String(error);
		}
		if (status === 401) return { status: 'Error', message: `API key invalid: ${displayName} did not recognise it. ${credentialHint}` };
		if (status === 403) return { status: 'Error', message: credentialTest.forbidden };
		return {
			status: 'Error',
			message: redact(
				`Could not reach ${displayName} at ${baseUrl}${status ? ` (HTTP ${status})` : ''}: ${reason}. Check the Base URL.`,
				[apiKey],
			),
		};
	};
}
