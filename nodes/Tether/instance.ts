import { FieldError, describeValue, readString } from '../common/input/values';

/**
 * Tether runs one instance per customer, every path under `/api` (providers.md). The credential's
 * Base URL is the instance's address as the customer knows it: with or without a trailing slash
 * or `/api`, all mean the same API root. Only http(s) addresses are accepted: anything else would
 * send the password somewhere n8n cannot reach, or nowhere.
 */
export function tetherApiUrl(baseUrl: unknown): string {
	const example = 'such as https://yourcompany.example.com';
	const text = typeof baseUrl === 'string' || typeof baseUrl === 'number' ? readString(baseUrl) : undefined;
	if (text === undefined) {
		throw new FieldError('is empty', `Give your Tether instance’s address, ${example}.`, baseUrl);
	}
	let url: URL | undefined;
	try {
		url = new URL(text);
	} catch {
		url = undefined;
	}
	if (!url || !/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
		throw new FieldError(`${describeValue(text)} is not a web address`, `Write your Tether instance’s address with https://, ${example}.`, baseUrl);
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') {
		throw new FieldError(
			`${describeValue(text)} is not an http(s) address`,
			`Give your Tether instance’s address starting with https://, ${example}.`,
			baseUrl,
		);
	}
	const path = url.pathname.replace(/\/+$/, '').replace(/\/api$/i, '');
	return `${url.origin}${path}/api`;
}
