import type { IDataObject } from 'n8n-workflow';

const LIST_KEYS = ['data', 'items', 'contacts', 'content', 'results'];

/**
 * The records of a list answer whose envelope is not documented: a bare array, or an array
 * under `data`, `items`, `contacts`, `content` or `results`.
 */
export function listFrom(body: unknown): IDataObject[] {
	if (Array.isArray(body)) return body as IDataObject[];
	if (body && typeof body === 'object') {
		for (const key of LIST_KEYS) {
			const value = (body as IDataObject)[key];
			if (Array.isArray(value)) return value as IDataObject[];
			if (value && typeof value === 'object' && !Array.isArray(value)) {
				const nested = listFrom(value);
				if (nested.length) return nested;
			}
		}
	}
	return [];
}

/** A record's id, whichever name the provider uses: `id`, `contact_id`, `contactId` or `_id`. */
export function idOf(record: unknown): string | undefined {
	if (!record || typeof record !== 'object') return undefined;
	for (const key of ['id', 'contact_id', 'contactId', '_id']) {
		const value = (record as IDataObject)[key];
		if ((typeof value === 'string' && value.trim() !== '') || typeof value === 'number') return String(value);
	}
	return undefined;
}

/**
 * An ID that, put into a URL path, would change the path: `.` and `..` are dot segments that
 * URL resolution removes (`/contacts/..` is `/`), whatever encodeURIComponent does (it leaves
 * dots as they are).
 */
export function isDotSegment(id: string): boolean {
	return id === '.' || id === '..';
}
