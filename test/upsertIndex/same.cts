import type { IDataObject } from 'n8n-workflow';

import type { RunResult } from '../support/n8n.cts';

/**
 * What a Create or Update run did, in words that do not depend on the ids a server hands out:
 * each id is named after the seeded contact it is (`seed 2`) or the row that created it
 * (`row 4`), so that two runs on the same seed and rows can be compared.
 */
export interface Outcome {
	/** Per row: "created row 0", "updated seed 1", or the error item's text. */
	rows: string[];
	/** The account afterwards: every contact without its id, timestamps or server-made ids, sorted. */
	account: string[];
}

const TIMESTAMPS = new Set(['created_at', 'updated_at', 'createdAt', 'updatedAt', '__v']);

function withoutServerFields(value: unknown, idField: string, depth = 0): unknown {
	if (Array.isArray(value)) return value.map((entry) => withoutServerFields(entry, idField, depth + 1));
	if (!value || typeof value !== 'object') return value;
	return Object.fromEntries(
		Object.entries(value)
			// Ids nested in the contact (a phone number's id) are the server's too.
			.filter(([key]) => !TIMESTAMPS.has(key) && key !== idField && !(depth > 0 && (key === 'id' || key === '_id')))
			.map(([key, entry]) => [key, withoutServerFields(entry, idField, depth + 1)]),
	);
}

export function outcomeOf(result: RunResult, seededIds: unknown[], contacts: Iterable<IDataObject>, idField = 'id'): Outcome {
	const items = result.items ?? [];
	const names = new Map<string, string>(seededIds.map((id, index) => [String(id), `seed ${index}`]));
	items.forEach((item, index) => {
		if (item.upsertResult === 'created') names.set(String(item[idField]), `row ${index}`);
	});
	const escape = (id: string) => id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	const rename = (text: string) => [...names].reduce((done, [id, name]) => done.replace(new RegExp(`\\b${escape(id)}\\b`, 'g'), name), text);
	return {
		rows: items.map((item) => (item.error !== undefined ? rename(String(item.error)) : `${String(item.upsertResult)} ${names.get(String(item[idField])) ?? 'an unknown contact'}`)),
		account: [...contacts].map((contact) => JSON.stringify({ is: names.get(String(contact[idField])), ...(withoutServerFields(contact, idField) as IDataObject) })).sort(),
	};
}

/** Requests of a run as `METHOD path?query`, for counting. */
export const requestLines = (requests: Array<{ method: string; path: string; query: Record<string, string> }>) =>
	requests.map((request) => {
		const query = new URLSearchParams(request.query).toString();
		return `${request.method} ${request.path}${query ? `?${query}` : ''}`;
	});
