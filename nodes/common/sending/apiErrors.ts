import { type INode, type JsonObject, NodeApiError } from 'n8n-workflow';

import { itemPrefix } from '../messages';
import type { ProviderProfile } from '../profile';
import { redact, redactDeep } from './redact';

export interface ApiAnswer {
	statusCode: number;
	body: unknown;
	headers: Record<string, unknown>;
}

/** The server's own words, from whatever error body shape it uses. */
export function serverReason(body: unknown): string | undefined {
	if (body === undefined || body === null || body === '') return undefined;
	if (typeof body === 'string') return body.slice(0, 500);
	if (typeof body !== 'object') return String(body);
	const record = body as Record<string, unknown>;
	const parts: string[] = [];
	for (const key of ['message', 'error_description', 'detail', 'details', 'errors']) {
		const value = record[key];
		if (value === undefined || value === null || value === '') continue;
		if (typeof value === 'string') parts.push(value);
		else if (Array.isArray(value)) parts.push(value.map((entry) => (typeof entry === 'string' ? entry : JSON.stringify(entry))).join('; '));
		else parts.push(JSON.stringify(value));
	}
	if (parts.length === 0 && typeof record.error === 'string') parts.push(record.error);
	return parts.length ? parts.join(' ').slice(0, 500) : JSON.stringify(body).slice(0, 500);
}

export function errorCode(body: unknown): string | undefined {
	if (body && typeof body === 'object') {
		const code = (body as Record<string, unknown>).error ?? (body as Record<string, unknown>).code;
		if (typeof code === 'string' && /^[a-z0-9_.-]+$/i.test(code)) return code;
	}
	return undefined;
}

export interface ErrorContext {
	itemIndex: number;
	/** The node's operation, to name the permission it needs. */
	operation?: string;
	contactId?: string;
	secrets?: Array<string | undefined>;
}

/** Maps a non-2xx answer to a message that says what happened and how to fix it. */
export function describeApiError(
	provider: ProviderProfile,
	answer: ApiAnswer,
	context: ErrorContext,
): { message: string; description: string } {
	const { displayName } = provider;
	const status = answer.statusCode;
	const secrets = context.secrets ?? [];
	const body = redactDeep(answer.body, secrets);
	const code = errorCode(body);
	const reason = serverReason(body);
	const permission = context.operation ? provider.permissions?.[context.operation] : undefined;
	const codeHint =
		status === 403 && permission && code !== 'team_access_denied'
			? `The API key lacks the ${permission} permission this operation needs: give the key that permission in ${displayName}, or use a key that has it.`
			: code
				? provider.codeHints?.[code]
				: undefined;
	// The field a refusal names (Skode's 422 `{"error": "validation_error", "message": "…", "field":
	// "phone"}`), when the server's words do not: with Continue On Fail the message is all the user sees.
	const field = body && typeof body === 'object' ? (body as Record<string, unknown>).field : undefined;
	const named = typeof field === 'string' && field.trim() !== '' && !(reason ?? '').includes(field) ? ` (field ${field})` : '';
	const because = reason ? `: ${reason}${named}` : named;
	let message: string;
	let fix: string;
	if (status === 401) {
		message = `${displayName} API key invalid (401)${because}`;
		fix = provider.credentialHint;
	} else if (status === 403) {
		message = `No access (plan or permission) at ${displayName} (403)${because}`;
		fix = codeHint ?? `Your ${displayName} plan may not include API access, or the key lacks the permission this operation needs.`;
	} else if (status === 404 && context.contactId !== undefined && (code === undefined || code === 'not_found')) {
		message = `Contact ${context.contactId} not found at ${displayName} (404)`;
		fix = codeHint ?? `Check the contact ID, and that the API key has access to the contact's workspace.`;
	} else if (status === 429) {
		message = `Rate limited by ${displayName} (429)${because}`;
		fix = 'Lower Options › Requests per Minute, or raise Options › Max Rate-Limit Wait.';
	} else if (status >= 500) {
		message = `${displayName} server error (${status})${because}`;
		fix = `${displayName} could not handle the request. Try again later; if it persists, contact ${displayName} support.`;
	} else {
		message = `${displayName} rejected the request (${status})${because}`;
		fix = codeHint ?? 'Correct the value the server names, then run the node again.';
	}
	// A provider-specific fix goes into the message too: with Continue On Fail only the message is kept.
	const hint = codeHint ?? (status === 401 ? provider.credentialHint : undefined);
	if (hint) message = `${message}. ${hint}`;
	return {
		message: redact(`${itemPrefix(context.itemIndex)} ${message}`, secrets),
		description: redact(fix, secrets),
	};
}

export function apiError(node: INode, provider: ProviderProfile, answer: ApiAnswer, context: ErrorContext): NodeApiError {
	const { message, description } = describeApiError(provider, answer, context);
	// n8n keeps the body in the error (its details, saved executions): no secret in it either.
	const redacted = redactDeep(answer.body, context.secrets ?? []);
	const body = redacted && typeof redacted === 'object' ? (redacted as JsonObject) : { body: String(redacted ?? '') };
	return new NodeApiError(node, body, {
		message,
		description,
		httpCode: String(answer.statusCode),
		itemIndex: context.itemIndex,
	});
}
