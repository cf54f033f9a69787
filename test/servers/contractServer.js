'use strict';
/**
 * A small HTTP server on 127.0.0.1 that plays a provider's documented API: it checks the
 * bearer key, validates bodies, answers the documented errors, enforces a rate limit and
 * records every request. Providers plug their routes in (see skipcall.js, klen.js).
 * Plain JavaScript so that the tests, `npm run dev` and the end-to-end run share it.
 */
const http = require('node:http');

class ApiError extends Error {
	constructor(status, body, headers = {}) {
		super(typeof body === 'object' ? JSON.stringify(body) : String(body));
		this.status = status;
		this.body = body;
		this.headers = headers;
	}
}

/**
 * @param {object} options
 * @param {string} options.name
 * @param {Array<{method: string, path: string|RegExp, handler: Function, public?: boolean}>} options.routes
 *   a `public` route skips `authenticate` (a login, say); the rate limit still applies
 * @param {(key: string|undefined, request: object) => unknown} options.authenticate throws ApiError when
 *   refused; `key` is the whole token after "Bearer ". What it returns (a session, a user), if
 *   anything, is kept as `request.auth` and handed to the route handler as `auth`.
 * @param {(status: number, retryAfterSeconds: number, resetAt: number) => {headers: object, body: object}} options.rateLimitAnswer
 * @param {{limit: number, windowMs: number}} [options.rateLimit] limit 0 = none
 * @param {number} [options.port]
 * Faults (inject): `{status, body, headers}` answers instead of the API; 'reset' cuts the
 * connection before the server acts; 'resetAfterHandling' acts, then cuts it.
 */
function createContractServer(options) {
	const requests = [];
	const faults = [];
	const sentAt = [];
	let rateLimit = options.rateLimit ?? { limit: 0, windowMs: 60_000 };
	let maxInWindow = 0;
	const arrivedAt = [];
	let maxArrivedInWindow = 0;
	const sockets = new Set();

	function takeRateSlot(now) {
		if (!rateLimit.limit) return { ok: true };
		arrivedAt.push(now);
		while (arrivedAt.length && arrivedAt[0] <= now - rateLimit.windowMs) arrivedAt.shift();
		maxArrivedInWindow = Math.max(maxArrivedInWindow, arrivedAt.length);
		while (sentAt.length && sentAt[0] <= now - rateLimit.windowMs) sentAt.shift();
		if (sentAt.length >= rateLimit.limit) {
			const resetAt = sentAt[0] + rateLimit.windowMs;
			return { ok: false, resetAt, remaining: 0 };
		}
		sentAt.push(now);
		maxInWindow = Math.max(maxInWindow, sentAt.length);
		const resetAt = sentAt[0] + rateLimit.windowMs;
		return { ok: true, resetAt, remaining: rateLimit.limit - sentAt.length };
	}

	function send(response, status, body, headers = {}) {
		if (response.req && response.req.record && response.req.record.resetAfterHandling) {
			response.req.socket.destroy();
			return;
		}
		const text = body === undefined ? '' : JSON.stringify(body);
		response.writeHead(status, {
			...(text ? { 'Content-Type': 'application/json' } : {}),
			...headers,
		});
		response.end(text);
	}

	const server = http.createServer((request, response) => {
		const chunks = [];
		request.on('data', (chunk) => chunks.push(chunk));
		request.on('end', async () => {
			const url = new URL(request.url, 'http://127.0.0.1');
			const rawBody = Buffer.concat(chunks).toString('utf8');
			const record = {
				at: Date.now(),
				method: request.method,
				path: url.pathname,
				query: Object.fromEntries(url.searchParams),
				headers: request.headers,
				rawBody,
				body: undefined,
			};
			let invalidJson = false;
			if (rawBody) {
				try {
					record.body = JSON.parse(rawBody);
				} catch {
					invalidJson = true;
				}
			}
			requests.push(record);
			request.record = record;
			const fault = faults.findIndex((candidate) => candidate.match(record));
			if (fault !== -1) {
				const [{ action }] = faults.splice(fault, 1);
				if (action === 'reset') {
					request.socket.destroy();
					return;
				}
				// The server acts on the request, then the connection breaks before the answer.
				if (action === 'resetAfterHandling') record.resetAfterHandling = true;
				if (typeof action.act === 'function') await action.act(record);
				if (action.status) {
					send(response, action.status, action.body, action.headers);
					return;
				}
			}
			const route = options.routes.find(
				(candidate) =>
					candidate.method === request.method &&
					(typeof candidate.path === 'string' ? candidate.path === url.pathname : candidate.path.test(url.pathname)),
			);
			try {
				if (!route || !route.public) {
					const key = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
					const auth = options.authenticate(key, record);
					if (auth !== undefined) record.auth = auth;
				}
				const now = Date.now();
				const slot = takeRateSlot(now);
				const limitHeaders = rateLimit.limit
					? {
							'X-RateLimit-Limit': String(rateLimit.limit),
							'X-RateLimit-Remaining': String(slot.remaining),
							'X-RateLimit-Reset': String(Math.ceil(slot.resetAt / 1000)),
						}
					: {};
				if (!slot.ok) {
					record.rateLimited = true;
					const answer = options.rateLimitAnswer(Math.max(1, Math.ceil((slot.resetAt - now) / 1000)), slot.resetAt);
					send(response, 429, answer.body, { ...limitHeaders, ...answer.headers });
					return;
				}
				if (invalidJson) throw new ApiError(400, options.invalidJsonBody ?? { message: 'Invalid JSON' });
				if (!route) throw new ApiError(404, options.notFoundBody ?? { message: `Cannot ${request.method} ${url.pathname}` });
				const match = typeof route.path === 'string' ? [] : route.path.exec(url.pathname).slice(1).map(decodeURIComponent);
				const result = await route.handler({ params: match, query: record.query, body: record.body ?? {}, record, auth: record.auth });
				send(response, result.status ?? 200, result.body, { ...limitHeaders, ...result.headers });
			} catch (error) {
				if (error instanceof ApiError) send(response, error.status, error.body, error.headers);
				else send(response, 500, { message: String(error && error.message) });
			}
		});
	});
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});

	return {
		requests,
		/** Answers the next request that matches with `action` (a status/body/headers, or 'reset' to cut the connection). */
		inject(match, action) {
			faults.push({ match, action });
		},
		setRateLimit(limit, windowMs = 60_000) {
			rateLimit = { limit, windowMs };
			sentAt.length = 0;
			arrivedAt.length = 0;
			maxInWindow = 0;
			maxArrivedInWindow = 0;
		},
		/** Most requests the limiter let through inside one window. */
		get maxInWindow() {
			return maxInWindow;
		},
		/** Most requests that arrived inside one window, refused ones included. */
		get maxArrivedInWindow() {
			return maxArrivedInWindow;
		},
		reset() {
			requests.length = 0;
			faults.length = 0;
			sentAt.length = 0;
			arrivedAt.length = 0;
			maxInWindow = 0;
			maxArrivedInWindow = 0;
		},
		url: '',
		async start(port = options.port ?? 0) {
			await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
			this.url = `http://127.0.0.1:${server.address().port}`;
			return this.url;
		},
		async stop() {
			for (const socket of sockets) socket.destroy();
			await new Promise((resolve) => server.close(resolve));
		},
	};
}

module.exports = { createContractServer, ApiError };
