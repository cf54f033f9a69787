import type { IDataObject } from 'n8n-workflow';

import type { RunResult } from '../support/n8n.cts';
import type { ContractServer } from '../support/provider.cts';

/** The methods that change data: none may reach a server during a dry run. */
const WRITES = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

interface Recorded {
	method: string;
	path: string;
	query: Record<string, string>;
	rawBody: string;
}

/** The part of a server's paths that the credential's Base URL holds (`/v1`, `/api/v1`, or nothing). */
const basePath = (baseUrl: string) => new URL(baseUrl).pathname.replace(/\/+$/, '');

/** A request as one line, `POST /contacts {"name":"Jane"}`: path relative to the Base URL, body as on the wire. */
const line = (method: string, path: string, body: string) => `${method} ${path}${body ? ` ${body}` : ''}`;

/** The writes the server received (login requests aside: they change no contact), in arrival order. */
export function writesReceived(server: ContractServer, baseUrl = server.baseUrl, skip: (request: Recorded) => boolean = () => false): string[] {
	const base = basePath(baseUrl);
	return (server.requests as Recorded[])
		.filter((request) => WRITES.has(request.method) && !/\/login$/.test(request.path) && !skip(request))
		.map((request) => {
			const query = new URLSearchParams(request.query).toString();
			const path = request.path.startsWith(base) ? request.path.slice(base.length) : request.path;
			return line(request.method, `${path}${query ? `?${query}` : ''}`, request.rawBody);
		});
}

/** Every request that changes data the server received. */
export function anyWrite(server: ContractServer): string[] {
	return (server.requests as Recorded[]).filter((request) => WRITES.has(request.method) && !/\/login$/.test(request.path)).map((request) => `${request.method} ${request.path}`);
}

/** The dry run's items that stand for a request, as the same lines. */
export function dryRunWrites(result: RunResult): string[] {
	return (result.items ?? [])
		.filter((item) => item.dryRun === true)
		.map((item) => line(String(item.method), String(item.path), item.body === undefined ? '' : JSON.stringify(item.body)));
}

/** The error items of a run (Continue On Fail), in row order. */
export function errorItems(result: RunResult): IDataObject[] {
	return (result.items ?? []).filter((item) => item.error !== undefined);
}

/** The lines sorted: rows are sent side by side, so the server sees them in any order. */
export const sorted = (lines: string[]) => [...lines].sort();

const PLACEHOLDER = /new-contact-of-item-(\d+)/g;

/**
 * Create or Update: a dry run says, row by row, what the real run then did. "would create"
 * is "created"; "would update" with the contact's id is "updated" of that contact, where a
 * contact an earlier row would create (new-contact-of-item-N) is the one row N created. Error
 * items are the same. Returns the dry run's writes with those placeholders replaced by the
 * real ids, to compare with what the server received.
 */
export function expectSameOutcomes(dryRun: RunResult, real: RunResult, idField = 'id'): string[] {
	const dryItems = dryRun.items ?? [];
	const realItems = real.items ?? [];
	expect(dryItems).toHaveLength(realItems.length);
	const realId = (index: number) => String(realItems[index]?.[idField]);
	const resolve = (text: string) => text.replace(PLACEHOLDER, (_, item: string) => realId(Number(item)));
	dryItems.forEach((item, index) => {
		if (item.error !== undefined) {
			expect(realItems[index]).toEqual(item);
			return;
		}
		const outcome = { would: item.upsertResult, id: item.id === undefined ? undefined : resolve(String(item.id)) };
		const done = realItems[index];
		const expected = done.upsertResult === 'created' ? { would: 'would create', id: undefined } : { would: 'would update', id: String(done[idField]) };
		expect({ row: index, ...outcome }).toEqual({ row: index, ...expected });
	});
	return dryRunWrites(dryRun).map(resolve);
}
