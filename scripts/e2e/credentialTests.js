'use strict';
/**
 * The editor's "Test credential" button, in a real n8n: starts `n8n start` on the e2e user
 * folder, creates the owner and one credential per provider through the REST API, then asks
 * n8n to test each key (POST /rest/credentials/test). Our nodes test their credentials with a
 * method (testedBy) so that their own messages show on n8n 1.x too: this checks it.
 */
const crypto = require('node:crypto');

const realN8n = require('./realN8n');

/** What n8n must answer for each key: our messages, word for word. */
function expectations(skipcallBaseUrl, klenBaseUrl, skodeBaseUrl) {
	const ok = { status: 'OK', message: 'Connection successful' };
	return [
		['skipcallApi', 'sk_test_valid', skipcallBaseUrl, ok],
		['skipcallApi', 'sk_test_wrong', skipcallBaseUrl, { status: 'Error', message: 'API key invalid: Skipcall did not recognise it. Copy the API key again from Skipcall › Settings › API (it starts with sk_live_ or sk_test_).' }],
		['skipcallApi', 'sk_test_noapi', skipcallBaseUrl, { status: 'Error', message: 'The key is valid but has no API access: your Skipcall plan may not include the API. Check your plan in Skipcall › Settings › Billing.' }],
		['klenAiApi', 'klen_valid', klenBaseUrl, ok],
		['klenAiApi', 'klen_wrong', klenBaseUrl, { status: 'Error', message: 'API key invalid: Klen AI did not recognise it. Copy the API key again from Klen AI: it must be an active key starting with klen_.' }],
		['klenAiApi', 'klen_nopermission', klenBaseUrl, { status: 'Error', message: 'The key works but lacks the can_read_contacts permission: give the key that permission in Klen AI.' }],
		['skodeApi', 'sk_live_skode_sandbox_valid', skodeBaseUrl, ok],
		['skodeApi', 'sk_live_skode_sandbox_wrong', skodeBaseUrl, { status: 'Error', message: 'API key invalid: Skode AI did not recognise it. Copy the API key again from Skode AI › Settings › API & Webhooks (it starts with sk_live_).' }],
		// A read-only key passes: the test only reads contacts (creating with it fails on the row).
		['skodeApi', 'sk_live_skode_sandbox_readonly', skodeBaseUrl, ok],
	];
}

/**
 * `moreCases`: `[{ type, label, data, expected }]` for credentials that are not a key and a
 * Base URL (Tether's login or token): one credential of each type is created, then each case tested.
 */
async function credentialTestScenario(prefix, { n8n, userFolder, env, check, skipcallBaseUrl, klenBaseUrl, skodeBaseUrl, moreCases = [] }) {
	prefix = `${prefix} credential test`;
	const port = await realN8n.freePort();
	const base = `http://127.0.0.1:${port}`;
	const browserId = crypto.randomUUID();
	let cookie;
	const call = async (method, path, body) => {
		const response = await fetch(`${base}${path}`, {
			method,
			headers: { 'content-type': 'application/json', 'browser-id': browserId, ...(cookie ? { cookie } : {}) },
			body: body && JSON.stringify(body),
			signal: AbortSignal.timeout(60_000),
		});
		const text = await response.text();
		let json;
		try {
			json = JSON.parse(text);
		} catch {
			json = text;
		}
		return { status: response.status, json, setCookie: response.headers.getSetCookie?.() ?? [] };
	};

	const server = await realN8n.startN8n({ n8n, userFolder, port, env, echo: false });
	try {
		await realN8n.waitForHttp(`${base}/rest/settings`, { stopped: server.result });
		const owner = { email: 'owner@example.com', password: 'Sandbox-Passw0rd-1', firstName: 'Sandbox', lastName: 'Owner' };
		const setup = await call('POST', '/rest/owner/setup', owner);
		let auth = setup.setCookie.find((value) => value.startsWith('n8n-auth='));
		if (!auth) {
			const login = await call('POST', '/rest/login', { emailOrLdapLoginId: owner.email, password: owner.password });
			auth = login.setCookie.find((value) => value.startsWith('n8n-auth='));
		}
		if (!check(`${prefix}: owner created and signed in through the REST API`, Boolean(auth), JSON.stringify(setup.json).slice(0, 300))) return;
		cookie = auth.split(';')[0];

		const ids = {};
		for (const [type, baseUrl] of [['skipcallApi', skipcallBaseUrl], ['klenAiApi', klenBaseUrl], ['skodeApi', skodeBaseUrl]]) {
			const created = await call('POST', '/rest/credentials', { name: `${type} e2e`, type, data: { apiKey: 'placeholder', baseUrl } });
			ids[type] = created.json?.data?.id;
		}
		for (const [type, apiKey, baseUrl, expected] of expectations(skipcallBaseUrl, klenBaseUrl, skodeBaseUrl)) {
			const answer = await call('POST', '/rest/credentials/test', {
				credentials: { id: ids[type], name: `${type} e2e`, type, data: { apiKey, baseUrl } },
			});
			const got = answer.json?.data;
			check(
				`${prefix}: ${type} with ${apiKey} → ${expected.status} "${expected.message.slice(0, 40)}…"`,
				got?.status === expected.status && got?.message === expected.message,
				`HTTP ${answer.status}: ${JSON.stringify(answer.json).slice(0, 400)}`,
			);
		}
		for (const { type, data } of moreCases) {
			if (ids[type]) continue;
			const created = await call('POST', '/rest/credentials', { name: `${type} e2e`, type, data });
			ids[type] = created.json?.data?.id;
		}
		for (const { type, label, data, expected } of moreCases) {
			const answer = await call('POST', '/rest/credentials/test', { credentials: { id: ids[type], name: `${type} e2e`, type, data } });
			const got = answer.json?.data;
			check(
				`${prefix}: ${type} with ${label} → ${expected.status} "${expected.message.slice(0, 40)}…"`,
				got?.status === expected.status && got?.message === expected.message,
				`HTTP ${answer.status}: ${JSON.stringify(answer.json).slice(0, 400)}`,
			);
		}
	} finally {
		server.stop(15_000);
		await server.result;
	}
}

module.exports = { credentialTestScenario };
