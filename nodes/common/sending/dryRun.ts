import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import { inputError } from '../input/inputError';
import { readBoolean } from '../input/values';
import type { ApiAnswer } from './apiErrors';
import { redact, redactDeep } from './redact';
import type { Row } from '../engine/row';

/**
 * Options › Dry Run (description/dryRun.ts). A dry run goes through every step of a real run
 * (the same preSends build the body, the same hooks decide what to send, the same sender
 * takes the request) and only the last step differs: sendRequest does not send a request
 * that changes data, and answers it with what it would have sent. Reads (searches, lists)
 * are sent as usual, paced, so that Create or Update can tell what it would do.
 */

/** The methods that change data: never sent in a dry run. */
export const WRITE_METHODS = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

/**
 * A boolean parameter of this row, read like a boolean cell (values.ts, readBoolean): an
 * expression giving "yes", "TRUE" or "1" is on, "no", "0" or "" is off, and anything else
 * fails the row naming the parameter and the value, never "off". `path` is the parameter's
 * path (`options.dryRun`), `label` what the editor calls it.
 */
export function booleanParameter(context: Row, path: string, label: string): boolean {
	const [name, ...inner] = path.split('.');
	let value: unknown = context.getNodeParameter(name, undefined);
	for (const key of inner) value = value && typeof value === 'object' ? (value as IDataObject)[key] : undefined;
	try {
		return readBoolean(value) ?? false;
	} catch (error) {
		throw inputError(context.getNode(), context.getItemIndex(), error, label);
	}
}

/** Whether the row runs dry: Options › Dry Run is on. */
export function isDryRun(context: Row): boolean {
	return booleanParameter(context, 'options.dryRun', 'Options › Dry Run');
}

/** What a dry run outputs for a request it did not send. */
export interface DryRunItem extends IDataObject {
	dryRun: true;
	method: string;
	/** Relative to the credential's Base URL, with its query. */
	path: string;
	/** As it would go on the wire: JSON.stringify of it is the body a real run sends. */
	body?: IDataObject | IDataObject[];
}

const dryRunBodies = new WeakSet<object>();

/** Whether an answer's body is a dry run's item rather than the provider's answer. */
export function isDryRunBody(body: unknown): body is DryRunItem {
	return typeof body === 'object' && body !== null && dryRunBodies.has(body);
}

function queryOf(qs: IDataObject | undefined): string {
	const search = new URLSearchParams();
	for (const [key, value] of Object.entries(qs ?? {})) {
		if (value === undefined || value === null) continue;
		for (const entry of Array.isArray(value) ? value : [value]) search.append(key, String(entry));
	}
	const text = search.toString();
	return text ? `?${text}` : '';
}

/**
 * The request's path relative to the credential's Base URL: the API root's part beyond the
 * Base URL (Tether's `/api`), then the request's own path and query.
 */
function pathOf(request: IHttpRequestOptions, baseUrl: string, apiBaseUrl: string): string {
	const trim = (url: string) => url.replace(/\/+$/, '');
	const root = trim(apiBaseUrl).startsWith(trim(baseUrl)) ? trim(apiBaseUrl).slice(trim(baseUrl).length) : '';
	const url = String(request.url ?? '');
	return `${root}${url.startsWith('/') || url === '' ? url : `/${url}`}${queryOf(request.qs)}`;
}

/**
 * The answer to a write not sent in a dry run: `{ dryRun: true, method, path, body }`, with
 * any secret (a key, a login's token) replaced in the path and body as in every output.
 * The body is the JSON a real run would send, read back: what the server would receive.
 */
export function dryRunAnswer(
	request: IHttpRequestOptions,
	method: string,
	baseUrl: string,
	apiBaseUrl: string,
	secrets: Array<string | undefined>,
): ApiAnswer {
	const item: DryRunItem = { dryRun: true, method, path: redact(pathOf(request, baseUrl, apiBaseUrl), secrets) };
	// n8n's request helper sends no body for an empty object (DELETE's): neither is one shown.
	const { body } = request;
	if ((typeof body === 'string' && body !== '') || (typeof body === 'object' && body !== null && Object.keys(body).length > 0)) {
		item.body = redactDeep(typeof body === 'object' ? (JSON.parse(JSON.stringify(body)) as IDataObject) : body, secrets) as IDataObject;
	}
	dryRunBodies.add(item);
	return { statusCode: 200, body: item, headers: {} };
}
