/**
 * Reading spreadsheet-shaped values. Cells arrive as text with stray spaces ("  TRUE ",
 * "12"), numbers arrive where text is expected, and empty cells arrive as "". Each reader
 * accepts what a person would mean and throws a FieldError naming the value otherwise.
 */

/** A value that cannot be sent. The caller adds the item and the field's display name. */
export class FieldError extends Error {
	constructor(
		readonly problem: string,
		readonly fix: string,
		readonly value?: unknown,
	) {
		super(problem);
		this.name = 'FieldError';
	}
}

export function isBlank(value: unknown): boolean {
	return (
		value === undefined ||
		value === null ||
		(typeof value === 'string' && value.trim() === '') ||
		(Array.isArray(value) && value.length === 0)
	);
}

export function describeValue(value: unknown): string {
	if (typeof value === 'string') return `"${value.length > 80 ? `${value.slice(0, 77)}...` : value}"`;
	const json = JSON.stringify(value);
	return json && json.length > 80 ? `${json.slice(0, 77)}...` : String(json);
}

export function readString(value: unknown): string | undefined {
	if (isBlank(value)) return undefined;
	if (typeof value === 'string') return value.trim();
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	throw new FieldError(`${describeValue(value)} is not text`, 'Give a plain text value.', value);
}

const TRUE_WORDS = new Set(['true', 'yes', 'y', '1', 'on', 'oui', 'vrai', 'x']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0', 'off', 'non', 'faux']);

export function readBoolean(value: unknown): boolean | undefined {
	if (isBlank(value)) return undefined;
	if (typeof value === 'boolean') return value;
	if (value === 1 || value === 0) return value === 1;
	if (typeof value === 'string') {
		const word = value.trim().toLowerCase();
		if (TRUE_WORDS.has(word)) return true;
		if (FALSE_WORDS.has(word)) return false;
	}
	throw new FieldError(
		`${describeValue(value)} is not true or false`,
		'Use true/false, yes/no, 1/0 or on/off.',
		value,
	);
}

export function readInteger(value: unknown): number | undefined {
	if (isBlank(value)) return undefined;
	const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
	// "12.0" is what a spreadsheet exports for the integer 12.
	const match = /^([+-]?\d+)(?:\.0+)?$/.exec(text);
	if (match) {
		const parsed = Number(match[1]);
		if (Number.isSafeInteger(parsed)) return parsed;
	}
	throw new FieldError(`${describeValue(value)} is not a whole number`, 'Give digits only, such as 12.', value);
}

/** Tags and other lists: an array, or text separated by commas, semicolons or new lines. */
export function readStringList(value: unknown): string[] | undefined {
	if (isBlank(value)) return undefined;
	const pieces = Array.isArray(value) ? value : [value];
	const list = pieces.flatMap((piece) => {
		if (piece === null || piece === undefined) return [];
		if (typeof piece === 'string') return piece.split(/[,;\n\r]+/);
		if (typeof piece === 'number' || typeof piece === 'boolean') return [String(piece)];
		throw new FieldError(`${describeValue(piece)} is not text`, 'Give a list of texts.', piece);
	});
	const trimmed = [...new Set(list.map((item) => item.trim()).filter((item) => item !== ''))];
	return trimmed.length ? trimmed : undefined;
}

/**
 * name@domain.tld, where neither part holds what only surrounds an address elsewhere: a
 * scheme (`mailto:`), brackets (`Jane <jane@example.com>`), quotes, commas or semicolons.
 */
const EMAIL = /^[^\s@:<>()[\]\\,;"]+@[^\s@:<>()[\]\\,;"/]+\.[^\s@:<>()[\]\\,;"/]+$/;

export function readEmail(value: unknown): string | undefined {
	const text = readString(value);
	if (text === undefined) return undefined;
	if (/^mailto:/i.test(text)) {
		throw new FieldError(`${describeValue(text)} is a mailto: link, not an email address`, 'Remove "mailto:" and give the address alone.', value);
	}
	if (!EMAIL.test(text)) {
		throw new FieldError(
			`${describeValue(text)} is not an email address`,
			'Give an address such as jane@example.com.',
			value,
		);
	}
	return text;
}

/** URLs: "www.acme.com" is what people write in sheets; it is sent as https://www.acme.com. */
export function readUrl(value: unknown): string | undefined {
	const text = readString(value);
	if (text === undefined) return undefined;
	const hasScheme = /^[a-z][a-z0-9+.-]*:(?!\d)/i.test(text);
	const withScheme = hasScheme ? text : `https://${text}`;
	let url: URL | undefined;
	try {
		url = new URL(withScheme);
	} catch {
		url = undefined;
	}
	if (!url || !['http:', 'https:'].includes(url.protocol) || !url.hostname.includes('.') || /\s/.test(text)) {
		throw new FieldError(
			`${describeValue(text)} is not a web address`,
			'Give an address such as https://example.com.',
			value,
		);
	}
	if (url.username || url.password) {
		// Quoted without what precedes the @: it is a password, or may be one.
		const shown = withScheme.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#]*@/i, '$1***@');
		throw new FieldError(
			`${describeValue(shown)} holds a user name or password before the @`,
			"Remove it: a contact's web address is shown to everyone who sees the contact, and credentials do not belong in it.",
			shown,
		);
	}
	return withScheme;
}

export function checkLength(text: string, min: number | undefined, max: number | undefined): void {
	const length = [...text].length;
	if (min !== undefined && length < min) {
		throw new FieldError(`${describeValue(text)} is shorter than ${min} characters`, `Give at least ${min} characters.`, text);
	}
	if (max !== undefined && length > max) {
		throw new FieldError(
			`${describeValue(text)} is ${length} characters long, more than the ${max} allowed`,
			`Shorten it to ${max} characters or fewer.`,
			text,
		);
	}
}

const NOT_JSON = Symbol('not JSON');

function parseJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return NOT_JSON;
	}
}

/**
 * Keys JavaScript gives a meaning of its own: set on an object, `__proto__` changes its
 * prototype and vanishes from what is sent, and the others shadow what every object has.
 */
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function checkKeys(keys: string[], value: unknown): void {
	const reserved = keys.find((key) => RESERVED_KEYS.has(key));
	if (reserved !== undefined) {
		throw new FieldError(`"${reserved}" cannot be a key`, 'Rename the key: __proto__, constructor and prototype are reserved.', value);
	}
}

/**
 * Key/value pairs: either the rows of a fixedCollection ({ field: [{ key, value }] }) or a
 * JSON object given as text or by an expression. Reserved keys (RESERVED_KEYS) are refused.
 */
export function readKeyValues(value: unknown, rowsName = 'values'): Record<string, unknown> | undefined {
	if (isBlank(value)) return undefined;
	if (typeof value === 'string') {
		const parsed = parseJson(value);
		if (parsed === NOT_JSON) {
			throw new FieldError(`${describeValue(value)} is not a JSON object`, 'Give an object such as {"industry": "SaaS"}.', value);
		}
		return readKeyValues(parsed, rowsName);
	}
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		throw new FieldError(`${describeValue(value)} is not an object`, 'Give an object such as {"industry": "SaaS"}.', value);
	}
	const rows = (value as Record<string, unknown>)[rowsName];
	if (Array.isArray(rows) && Object.keys(value).length === 1) {
		const result: Record<string, unknown> = {};
		for (const row of rows as Array<{ key?: unknown; value?: unknown } | null>) {
			if (!row || typeof row !== 'object') continue;
			const key = readString(row.key);
			if (key === undefined) continue;
			checkKeys([key], key);
			result[key] = typeof row.value === 'string' ? row.value.trim() : row.value;
		}
		return Object.keys(result).length ? result : undefined;
	}
	checkKeys(Object.keys(value), value);
	return Object.keys(value).length ? (value as Record<string, unknown>) : undefined;
}

/**
 * A context object given as key/value rows, as JSON objects, or both:
 * `{ values: [{ key, value }], json: [{ object }] }`. A plain object or JSON text works too.
 */
export function readContext(value: unknown): Record<string, unknown> | undefined {
	if (isBlank(value)) return undefined;
	if (typeof value !== 'object' || Array.isArray(value) || value === null) return readKeyValues(value);
	const { values, json, ...rest } = value as { values?: unknown; json?: unknown };
	if (values === undefined && json === undefined) return readKeyValues(value);
	checkKeys(Object.keys(rest), value);
	const objects = (Array.isArray(json) ? json : json ? [json] : []) as Array<{ object?: unknown } | null>;
	const merged: Record<string, unknown> = { ...rest };
	for (const entry of objects) Object.assign(merged, readKeyValues(entry?.object) ?? {});
	Object.assign(merged, readKeyValues({ values }) ?? {});
	return Object.keys(merged).length ? merged : undefined;
}
