/**
 * The forms of a secret that may show up in a server's answer: as stored, and trimmed (a key
 * pasted with a trailing new line is sent trimmed, and a server echoes what it received).
 */
function formsOf(secrets: Array<string | undefined>): string[] {
	const forms = secrets.flatMap((secret) => (typeof secret === 'string' ? [secret, secret.trim()] : []));
	// Longest first, so that a secret is replaced whole before a shorter form of it.
	return [...new Set(forms)].filter((form) => form.length >= 4).sort((a, b) => b.length - a.length);
}

/** Removes secrets from any text shown to the user. */
export function redact(text: string, secrets: Array<string | undefined>): string {
	return formsOf(secrets).reduce<string>((result, secret) => result.split(secret).join('***'), text);
}

/** Whether any form of a secret appears in `text`. */
export function showsSecret(text: string, secrets: Array<string | undefined>): boolean {
	return formsOf(secrets).some((secret) => text.includes(secret));
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
