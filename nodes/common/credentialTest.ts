import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IDataObject,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import { redact } from './errors';

function statusOf(error: unknown): number | undefined {
	const candidates = [
		(error as { statusCode?: unknown })?.statusCode,
		(error as { httpCode?: unknown })?.httpCode,
		(error as { response?: { status?: unknown; statusCode?: unknown } })?.response?.status,
		(error as { response?: { statusCode?: unknown } })?.response?.statusCode,
		(error as { cause?: { response?: { status?: unknown } } })?.cause?.response?.status,
	];
	for (const candidate of candidates) {
		const status = Number(candidate);
		if (Number.isInteger(status) && status > 0) return status;
	}
	return undefined;
}

/**
 * The credential test, as a node method (`testedBy`) rather than the credential's declarative
 * `test`: n8n 1.x loses a declarative test's own messages (it shows its generic "Authorization
 * failed" instead), and telling a bad key from a plan without API access is the point.
 */
export function apiKeyCredentialTest(test: {
	displayName: string;
	path: string;
	qs?: IDataObject;
	unauthorized: string;
	forbidden: string;
}) {
	return async function (
		this: ICredentialTestFunctions,
		credential: ICredentialsDecrypted,
	): Promise<INodeCredentialTestResult> {
		const data = credential.data ?? {};
		const apiKey = String(data.apiKey ?? '');
		const baseUrl = String(data.baseUrl ?? '').replace(/\/+$/, '');
		try {
			await this.helpers.request({
				method: 'GET',
				uri: `${baseUrl}${test.path}`,
				qs: test.qs ?? {},
				headers: { Authorization: `Bearer ${apiKey}`, Accept: 'application/json' },
				json: true,
				timeout: 20_000,
			});
			return { status: 'OK', message: 'Connection successful' };
		} catch (error) {
			const status = statusOf(error);
			if (status === 401) return { status: 'Error', message: test.unauthorized };
			if (status === 403) return { status: 'Error', message: test.forbidden };
			const reason = redact(error instanceof Error ? error.message : String(error), [apiKey]);
			return {
				status: 'Error',
				message: `Could not reach ${test.displayName} at ${baseUrl}${status ? ` (HTTP ${status})` : ''}: ${reason}. Check the Base URL.`,
			};
		}
	};
}
