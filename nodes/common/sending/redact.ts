/** Removes secrets from any text shown to the user. */
export function redact(text: string, secrets: Array<string | undefined>): string {
	return secrets.reduce<string>(
		(result, secret) => (secret && secret.length >= 4 ? result.split(secret).join('***') : result),
		text,
	);
}

/** The same value with every secret inside its strings replaced, before anything is cut or shown. */
export function redactDeep<T>(value: T, secrets: Array<string | undefined>): T {
	if (typeof value === 'string') return redact(value, secrets) as T;
	if (Array.isArray(value)) return value.map((entry) => redactDeep(entry, secrets)) as T;
	if (value && typeof value === 'object') {
		return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, redactDeep(entry, secrets)])) as T;
	}
	return value;
}
