/**
 * The forms of a secret that may show up in a server's answer, longest first: as stored and
 * trimmed (a key pasted with a trailing new line is sent trimmed, and a server echoes what it
 * received), URL-encoded the ways a server may echo it (encodeURIComponent, a form's encoding,
 * spaces as +), and JSON-escaped (inside a text of a JSON body read as text).
 */
function formsOf(secrets: Array<string | undefined>): string[] {
	const forms = secrets.flatMap((secret) => {
		if (typeof secret !== 'string') return [];
		return [secret, secret.trim()].flatMap((text) => {
			const encoded = encodeURIComponent(text);
			const form = new URLSearchParams({ s: text }).toString().slice(2);
			return [text, encoded, encoded.replace(/%20/g, '+'), form, JSON.stringify(text).slice(1, -1)];
		});
	});
	// Longest first, so that a secret is replaced whole before a shorter form of it.
	return [...new Set(forms)].filter((form) => form.length >= 4).sort((a, b) => b.length - a.length);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Patterns already built, by secrets: every answer of a long sync is checked with the same ones. */
const patterns = new Map<string, RegExp | undefined>();
const MAX_PATTERNS = 100;

/** A pattern matching every form, the hex digits of its %XX escapes in either case. */
function patternOf(secrets: Array<string | undefined>): RegExp | undefined {
	const key = JSON.stringify(secrets);
	if (patterns.has(key)) return patterns.get(key);
	if (patterns.size >= MAX_PATTERNS) patterns.clear();
	const pattern = buildPattern(secrets);
	patterns.set(key, pattern);
	return pattern;
}

function buildPattern(secrets: Array<string | undefined>): RegExp | undefined {
	const forms = formsOf(secrets);
	if (forms.length === 0) return undefined;
	const alternatives = forms.map((form) =>
		form
			.split(/(%[0-9A-F]{2})/)
			.map((part) => (/^%[0-9A-F]{2}$/.test(part) ? `%[${part[1]}${part[1].toLowerCase()}][${part[2]}${part[2].toLowerCase()}]` : escapeRegExp(part)))
			.join(''),
	);
	return new RegExp(alternatives.join('|'), 'g');
}

/** Removes secrets, in any of their forms, from any text shown to the user. */
export function redact(text: string, secrets: Array<string | undefined>): string {
	const pattern = patternOf(secrets);
	return pattern ? text.replace(pattern, '***') : text;
}

/** Whether any form of a secret appears in `text`. */
export function showsSecret(text: string, secrets: Array<string | undefined>): boolean {
	const pattern = patternOf(secrets);
	if (pattern === undefined) return false;
	pattern.lastIndex = 0;
	return pattern.test(text);
}

/** The same value with every secret inside its strings (and keys) replaced, before anything is cut or shown. */
export function redactDeep<T>(value: T, secrets: Array<string | undefined>): T {
	if (typeof value === 'string') return redact(value, secrets) as T;
	if (Array.isArray(value)) return value.map((entry) => redactDeep(entry, secrets)) as T;
	if (value && typeof value === 'object') {
		return Object.fromEntries(Object.entries(value).map(([key, entry]) => [redact(key, secrets), redactDeep(entry, secrets)])) as T;
	}
	return value;
}
