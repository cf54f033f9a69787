import type { IHttpRequestOptions } from 'n8n-workflow';

/**
 * Redirects, followed by the node itself. n8n's request helper follows them on its own and
 * sends the API key wherever the server points (n8n 1.x sends credentials on cross-origin
 * redirects by default), so the node asks it not to (`disableFollowRedirect`) and decides
 * here: a redirect within the Base URL's origin is followed with the same credentials; one
 * to any other origin is never followed, since it would carry the key and the contact there.
 */

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** Hops followed for one request before the node gives up. */
export const MAX_REDIRECTS = 5;

function header(headers: Record<string, unknown>, name: string): string | undefined {
	const found = Object.keys(headers).find((key) => key.toLowerCase() === name);
	const value = found === undefined ? undefined : headers[found];
	const text = Array.isArray(value) ? value[0] : value;
	return typeof text === 'string' && text.trim() !== '' ? text.trim() : undefined;
}

export function isRedirect(statusCode: number, headers: Record<string, unknown>): boolean {
	return REDIRECT_STATUSES.has(statusCode) && header(headers, 'location') !== undefined;
}

/** The absolute URL a request goes to, joined as axios joins `baseURL` and `url`. */
export function requestUrl(request: IHttpRequestOptions): string {
	const url = String(request.url ?? '');
	if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url) || !request.baseURL) return url;
	return `${request.baseURL.replace(/\/+$/, '')}/${url.replace(/^\/+/, '')}`;
}

/** An address's origin (scheme, host, port): never its path, query or user name, which may carry secrets. */
export function originOf(url: string): string | undefined {
	try {
		const { origin } = new URL(url);
		return origin === 'null' ? undefined : origin;
	} catch {
		return undefined;
	}
}

export type RedirectDecision =
	| { follow: IHttpRequestOptions }
	| { refuse: 'otherOrigin'; origin: string }
	| { refuse: 'method' | 'unreadable' };

/**
 * What to do with a redirect answer to `request`. Within the Base URL's origin: 307 and 308
 * keep the method and body; 303, and 301 or 302 to a GET, continue as a GET. A 301 or 302
 * to a create or an update is refused: clients turn it into a GET, which would report a
 * contact as written when nothing was.
 */
export function decideRedirect(
	request: IHttpRequestOptions,
	statusCode: number,
	headers: Record<string, unknown>,
	baseUrl: string,
): RedirectDecision {
	const location = header(headers, 'location') ?? '';
	let target: URL;
	try {
		target = new URL(location, requestUrl(request));
	} catch {
		return { refuse: 'unreadable' };
	}
	const origin = originOf(target.href);
	if (!origin || !['http:', 'https:'].includes(target.protocol)) return { refuse: 'unreadable' };
	if (origin !== originOf(baseUrl)) return { refuse: 'otherOrigin', origin };
	const method = String(request.method ?? 'GET').toUpperCase();
	const keepsMethod = statusCode === 307 || statusCode === 308 || method === 'GET' || method === 'HEAD';
	if (!keepsMethod && statusCode !== 303) return { refuse: 'method' };
	const next: IHttpRequestOptions = { ...request, url: target.href, baseURL: undefined, qs: undefined };
	if (!keepsMethod) {
		next.method = 'GET';
		next.body = undefined;
		next.headers = Object.fromEntries(Object.entries(request.headers ?? {}).filter(([name]) => name.toLowerCase() !== 'content-type'));
	}
	return { follow: next };
}
