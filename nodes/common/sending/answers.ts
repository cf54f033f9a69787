import type { ApiAnswer } from './apiErrors';
import { redact, redactDeep, showsSecret } from './redact';

/** Success statuses that carry no body by definition. */
const NO_CONTENT = new Set([204, 205]);

function contentType(headers: Record<string, unknown>): string | undefined {
	const found = Object.keys(headers).find((key) => key.toLowerCase() === 'content-type');
	const value = found === undefined ? undefined : headers[found];
	return typeof value === 'string' ? value.split(';')[0].trim().toLowerCase() : undefined;
}

function excerpt(text: string, secrets: Array<string | undefined>): string {
	const plain = redact(text, secrets).replace(/\s+/g, ' ').trim();
	return `"${plain.length > 60 ? `${plain.slice(0, 57)}...` : plain}"`;
}

/**
 * What a success answer holds instead of the JSON the node reads, or undefined when it is
 * readable: a JSON object or array, or nothing at all with 204 or 205. n8n's request helper
 * hands over a body it could not parse as text (an HTML maintenance page, cut JSON) and an
 * empty body as "", which must not pass for a success.
 */
export function unreadableSuccess(answer: ApiAnswer, secrets: Array<string | undefined>): string | undefined {
	const { body, statusCode } = answer;
	if (NO_CONTENT.has(statusCode) && (body === undefined || body === null || body === '')) return undefined;
	if (body !== null && typeof body === 'object') return undefined;
	const type = contentType(answer.headers);
	if (body === undefined || body === null || body === '') return `an empty body${type ? ` (${type})` : ''}`;
	if (typeof body === 'string') {
		const what = type?.includes('html') || /^\s*</.test(body) ? 'an HTML page' : 'text that is not JSON';
		return `${what} (${excerpt(body, secrets)})`;
	}
	return `a bare JSON value (${excerpt(JSON.stringify(body) ?? String(body), secrets)})`;
}

/** The body with any secret the server echoed replaced: an answer becomes an output item. */
export function withoutSecrets<T>(body: T, secrets: Array<string | undefined>): T {
	if (body === null || typeof body !== 'object') return body;
	return showsSecret(JSON.stringify(body), secrets) ? redactDeep(body, secrets) : body;
}
