import type { ICredentialDataDecryptedObject, IExecuteFunctions, IHttpRequestOptions, IN8nHttpFullResponse } from 'n8n-workflow';

import type { ApiAnswer } from './apiErrors';
import type { Row } from '../engine/row';

/**
 * The error of a request that did not finish within its deadline; transport.ts reads it as a
 * timeout. sendRequest turns it into the row's error.
 */
export class DeadlineExceeded extends Error {
	readonly code = 'ETIMEDOUT';

	constructor(readonly timeoutMs: number) {
		super(`timed out after ${Math.round(timeoutMs / 100) / 10} s`);
		this.name = 'DeadlineExceeded';
	}
}

const deadlineExceeded = (timeoutMs: number) => new DeadlineExceeded(timeoutMs);

const FINAL = Symbol('worded for the row');

/** Marks an error of a provider's own exchange (profile.exchange) as worded for the row: sendRequest passes it on as it is. */
export function finalError<T extends Error>(error: T): T {
	return Object.assign(error, { [FINAL]: true });
}

export function isFinal(error: unknown): error is Error {
	return error instanceof Error && (error as unknown as Record<symbol, unknown>)[FINAL] === true;
}

/**
 * One HTTP exchange through n8n's request helper (so the credential's `authenticate` applies),
 * finished within `timeoutMs` from start to last byte. n8n's own `timeout` is an idle-socket
 * timeout that a server sending a byte now and then never trips, so the node also aborts the
 * request at the deadline. The helper replaces a request's abort signal with the execution's
 * cancel signal, read from the context it is called on: it is called on the execution's
 * context, whose cancel signal there is the execution's or the deadline's, whichever comes first.
 */
export async function exchange(
	this: Row,
	credentialType: string,
	request: IHttpRequestOptions,
	credentials: ICredentialDataDecryptedObject,
	timeoutMs: number,
): Promise<ApiAnswer> {
	const deadline = AbortSignal.timeout(timeoutMs);
	const cancelled = this.getExecutionCancelSignal();
	const signal = cancelled ? AbortSignal.any([cancelled, deadline]) : deadline;
	const context = Object.create(this.execution, { getExecutionCancelSignal: { value: () => signal } }) as IExecuteFunctions;
	let onDeadline = () => {};
	const timedOut = new Promise<never>((_, reject) => {
		onDeadline = () => reject(deadlineExceeded(timeoutMs));
		deadline.addEventListener('abort', onDeadline, { once: true });
	});
	// Settled after the answer when the deadline passes later: nothing waits for it then.
	timedOut.catch(() => undefined);
	const sent = (
		this.helpers.httpRequestWithAuthentication.call(
			context,
			credentialType,
			{ ...request, timeout: timeoutMs, abortSignal: signal, disableFollowRedirect: true, returnFullResponse: true, ignoreHttpStatusErrors: true },
			// Passed so that n8n does not read and decrypt the credentials again for every request.
			{ credentialsDecrypted: { id: '', name: '', type: credentialType, data: { ...credentials } } },
		) as Promise<IN8nHttpFullResponse>
	).catch((error: unknown) => {
		// The abort at the deadline surfaces as n8n's "canceled": it is the deadline.
		throw deadline.aborted ? deadlineExceeded(timeoutMs) : error;
	});
	try {
		const response = await Promise.race([sent, timedOut]);
		return { statusCode: response.statusCode, body: response.body, headers: response.headers ?? {} };
	} finally {
		// The deadline's timer runs on (nothing can clear it), but once its listener is gone it
		// holds nothing of this request: 10,000 rows in a few seconds do not stay in memory
		// until their 30 s deadlines pass.
		deadline.removeEventListener('abort', onDeadline);
	}
}
