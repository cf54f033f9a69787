/**
 * Network failures (no HTTP answer): which ones are safe to repeat, and how to name them.
 * n8n wraps them in a NodeApiError that keeps only texts (its own wording of the code, the
 * original message), so the code is recognised from those texts.
 */

const TRANSPORT_PATTERNS: Array<[RegExp, string]> = [
	[/ECONNREFUSED|refused the connection/i, 'ECONNREFUSED'],
	[/ENOTFOUND|EAI_AGAIN|incorrect host|DNS server/i, 'ENOTFOUND'],
	[/ECONNRESET|EPIPE|socket hang up|closed (the connection )?unexpectedly/i, 'ECONNRESET'],
	[/ETIMEDOUT|ESOCKETTIMEDOUT|ECONNABORTED|timed out|timeout|was aborted/i, 'ETIMEDOUT'],
];

/** Failures where the request never reached the server: repeating it cannot duplicate anything. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND']);

/**
 * Plain words for each code: n8n replaces a message naming a Node.js error code with its own
 * generic wording.
 */
const TRANSPORT_WORDS: Record<string, string> = {
	ECONNREFUSED: 'connection refused',
	ENOTFOUND: 'host not found',
	ECONNRESET: 'connection reset',
	ETIMEDOUT: 'timed out',
};

/** The network failure behind an error from n8n's request helper, if it is one. */
export function transportCode(error: unknown): string | undefined {
	const texts: string[] = [];
	let current: unknown = error;
	for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
		const { code, message, messages } = current as { code?: unknown; message?: unknown; messages?: unknown };
		texts.push(String(code ?? ''), String(message ?? ''), ...(Array.isArray(messages) ? messages.map(String) : []));
		current = (current as { cause?: unknown }).cause;
	}
	const text = texts.join('\n');
	return TRANSPORT_PATTERNS.find(([pattern]) => pattern.test(text))?.[1];
}

export function neverReachedServer(code: string): boolean {
	return NOT_SENT_CODES.has(code);
}

export function transportWords(code: string): string {
	return TRANSPORT_WORDS[code] ?? code;
}
