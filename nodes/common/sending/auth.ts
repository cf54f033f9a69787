/**
 * `Authorization: Bearer <key>`, the one place the header is written: the credentials'
 * `authenticate` and the credential test both use it. A function rather than a generic
 * `{{$credentials.apiKey}}` template: n8n evaluates a template as an expression on every
 * request, which a 10,000-row sync pays 10,000 times. The key is trimmed: one pasted with a
 * trailing new line is meant without it (and a header cannot carry a new line).
 */
export function bearerHeader(apiKey: unknown): { Authorization: string } {
	return { Authorization: `Bearer ${String(apiKey ?? '').trim()}` };
}
