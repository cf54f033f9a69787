'use strict';
/**
 * What the queue-mode run sends: a webhook-triggered sync workflow (Webhook → Split Out →
 * one of our nodes, answering with every item that node output), the rows of each
 * execution (unique people and phone numbers, so the sandbox can tell every row apart), and
 * the HTTP call that starts one execution and waits for its answer.
 */
const crypto = require('node:crypto');
const http = require('node:http');

const node = (name, type, typeVersion, position, parameters, extra = {}) => ({
	id: crypto.randomUUID(),
	name,
	type,
	typeVersion,
	position: [position * 220, 0],
	parameters,
	...extra,
});

/**
 * A sync workflow, active, reached at POST /webhook/<path>: Webhook → Split Out (body.rows) →
 * `sender` ({ name, type, typeVersion?, parameters, credentials, onError? }). The webhook answers when the
 * last node has finished, with all its items: the caller sees exactly what the sender
 * output, one item per row (an error item for a row that failed, with On Error › Continue).
 */
function webhookWorkflow({ id, path, sender }) {
	const { name, ...rest } = sender;
	const nodes = [
		node('Webhook', 'n8n-nodes-base.webhook', 2, 0, { httpMethod: 'POST', path, responseMode: 'lastNode', responseData: 'allEntries', options: {} }, { webhookId: crypto.randomUUID() }),
		node('Split rows', 'n8n-nodes-base.splitOut', 1, 1, { fieldToSplitOut: 'body.rows', include: 'noOtherFields', options: {} }),
		{ ...node(name, rest.type, rest.typeVersion ?? 1, 2, rest.parameters), ...rest, typeVersion: rest.typeVersion ?? 1 },
	];
	const connect = (from, to) => ({ [from]: { main: [[{ node: to, type: 'main', index: 0 }]] } });
	return {
		id,
		name: `Queue sync ${id}`,
		nodes,
		connections: { ...connect('Webhook', 'Split rows'), ...connect('Split rows', name) },
		settings: { executionOrder: 'v1' },
		active: true,
	};
}

/** The Skipcall Create sync of the variants: Requests per Minute `requestsPerMinute`, Default Country FR. */
function syncWorkflow({ id, path, credential, requestsPerMinute }) {
	const sender = {
		name: 'Skipcall',
		type: 'n8n-nodes-contact-sync.skipcall',
		parameters: {
			resource: 'contact',
			operation: 'create',
			firstName: '={{ $json.firstName }}',
			lastName: '={{ $json.lastName }}',
			phoneNumbers: '={{ $json.phone }}',
			options: { defaultCountry: 'FR', requestsPerMinute },
		},
		credentials: { skipcallApi: { id: credential.id, name: credential.name } },
	};
	return webhookWorkflow({ id, path, sender });
}

/**
 * The rows of execution `execution` of variant `variant`: person "V<variant>E<execution>
 * Row<i>", French mobile number 06 1v ee ii ii written as people write it. Each row's E.164
 * number (`e164`) is unique across the run.
 */
function rowsOf(variant, execution, count) {
	return Array.from({ length: count }, (_, index) => {
		const digits = `${variant}${execution}${String(index).padStart(5, '0')}`;
		return {
			firstName: `V${variant}E${execution}`,
			lastName: `Row${index}`,
			phone: `06 1${digits[0]} ${digits.slice(1, 3)} ${digits.slice(3, 5)} ${digits.slice(5, 7)}`,
			e164: `+3361${digits}`,
		};
	});
}

/** POSTs `body` as JSON; resolves to `{ status, body, ms }` (body parsed when it is JSON), whatever the status. */
function postJson(url, body, { timeoutMs = 8 * 60_000 } = {}) {
	const started = Date.now();
	return new Promise((resolve, reject) => {
		const payload = Buffer.from(JSON.stringify(body));
		const request = http.request(url, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Content-Length': payload.length }, timeout: timeoutMs }, (response) => {
			const chunks = [];
			response.on('data', (chunk) => chunks.push(chunk));
			response.on('end', () => {
				const text = Buffer.concat(chunks).toString('utf8');
				let parsed = text;
				try {
					parsed = JSON.parse(text);
				} catch {
					// Not JSON: keep the text for the failure message.
				}
				resolve({ status: response.statusCode, body: parsed, ms: Date.now() - started });
			});
		});
		request.on('timeout', () => request.destroy(new Error(`no answer from ${url} within ${timeoutMs / 1000} s`)));
		request.on('error', reject);
		request.end(payload);
	});
}

/**
 * Waits until the main answers a CORS preflight for POST on every webhook path with 204: the
 * webhook is registered (an unknown one answers an error). Resolves to `{ ok, statuses, seconds }`. n8n 1.x registers active workflows' webhooks at start; 2.x
 * publishes them a little later, from its publication outbox.
 */
async function waitForWebhooks(baseUrl, paths, { timeoutMs = 90_000 } = {}) {
	const preflight = (webhookPath) =>
		new Promise((resolve) => {
			const headers = { Origin: baseUrl, 'Access-Control-Request-Method': 'POST' };
			const request = http.request(`${baseUrl}/webhook/${webhookPath}`, { method: 'OPTIONS', headers, timeout: 5000 }, (response) => {
				response.resume();
				resolve(response.statusCode);
			});
			request.on('timeout', () => request.destroy()).on('error', () => resolve(0));
			request.end();
		});
	const started = Date.now();
	for (;;) {
		const statuses = await Promise.all(paths.map(preflight));
		const ok = statuses.every((status) => status === 204);
		if (ok || Date.now() - started > timeoutMs) return { ok, statuses, seconds: (Date.now() - started) / 1000 };
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
}

module.exports = { webhookWorkflow, syncWorkflow, rowsOf, postJson, waitForWebhooks };
