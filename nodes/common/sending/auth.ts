/**
 * `Authorization: Bearer <key>` for the credential tests, which send with fetch (n8n 1.x's test
 * context has no usable request helper): the same header as the credentials' generic
 * `authenticate` writes for every request of the nodes. The key is trimmed: one pasted with a
 * trailing new line is meant without it (and a header cannot carry a new line).
 */
export function bearerHeader(apiKey: unknown): { Authorization: string } {
	return { Authorization: `Bearer ${String(apiKey ?? '').trim()}` };
}
