'use strict';
/**
 * The CSV → Tether example (examples/csv-to-tether.json) in a real n8n, against a Tether sandbox
 * whose login tokens expire after a few requests. What jest cannot show, shown here: n8n itself
 * runs the credential's preAuthentication (the node never logs in on its own), saves the token
 * with the credential, and logs in again when the node finds the token expired.
 * 1. Login mode, fresh: every good row created once; each login after the previous token was
 *    used up; the token n8n saved (export:credentials) is the last one Tether issued.
 * 2. Login mode again: the run starts with the saved token; every row updated.
 * 3. Access Token mode (the same workflow on the other credential): no login at all.
 * Used by run.js; the credential test cases are run by credentialTests.js.
 */
const fs = require('node:fs');
const path = require('node:path');
const { isDeepStrictEqual } = require('node:util');

const realN8n = require('./realN8n');
const { TETHER_USER, TETHER_ACCESS_TOKEN } = require('../../test/servers/tether');

const WORKFLOW_ID = 'csvToTether00001';
const TOKEN_WORKFLOW_ID = 'csvToTetherTkn01';
const LOGIN_CREDENTIAL = { id: 'tetherSandboxLgn', name: 'Tether sandbox (login)' };
const TOKEN_CREDENTIAL = { id: 'tetherSandboxTkn', name: 'Tether sandbox (access token)' };
const NODE = 'Tether';
/**
 * Requests a login token serves in the sandbox: the example's 7 requests (one read of the
 * organisation's contacts, then one write per good row) need several logins.
 */
const TOKEN_USES = 2;
const CSV = path.join(__dirname, '..', '..', 'examples', 'contacts.csv');

/** What each row of examples/contacts.csv sends on its first run (a string: the row's error). */
const phones = (...numbers) => numbers.map((value, index) => ({ value, isPrimary: index === 0 }));
const ROWS = [
	{ phoneNumber: phones('+33612345678'), firstName: 'Marie', lastName: 'Dupont', email: 'marie.dupont@example.com', process: 'CSV import' },
	// Marie again with a second number: found by her first one, her numbers replaced.
	{ update: { phoneNumber: phones('+33612345678', '+33781234567') } },
	{ phoneNumber: phones('+12125550123'), firstName: 'John', lastName: 'Smith', email: 'john.smith@example.com', process: 'CSV import' },
	{ phoneNumber: phones('+34612345678'), firstName: 'Ana', lastName: 'Garcia', process: 'CSV import' },
	'"not a phone"',
	{ phoneNumber: phones('+4915123456789'), firstName: 'Lukas', lastName: 'Müller', email: 'lukas.mueller@example.com', process: 'CSV import' },
	{ phoneNumber: phones('+33781234568'), firstName: 'Chloé', lastName: 'Bernard', email: 'chloe.bernard@example.com', process: 'CSV import' },
];
const GOOD = ROWS.map((row, index) => [row, index]).filter(([row]) => typeof row !== 'string');

const show = (value) => JSON.stringify(value)?.slice(0, 600);

/** The sandbox credentials the example (and its access-token copy) refer to. */
function tetherSandboxCredentials(baseUrl) {
	return [
		{ ...LOGIN_CREDENTIAL, type: 'tetherApi', data: { baseUrl, authentication: 'login', email: TETHER_USER.email, password: TETHER_USER.password } },
		{ ...TOKEN_CREDENTIAL, type: 'tetherApi', data: { baseUrl, authentication: 'accessToken', accessToken: TETHER_ACCESS_TOKEN } },
	];
}

/** The example on the access-token credential, imported beside it. */
function tetherTokenWorkflow(workflows) {
	const example = workflows.find((workflow) => workflow.id === WORKFLOW_ID);
	const copy = JSON.parse(JSON.stringify(example));
	copy.id = TOKEN_WORKFLOW_ID;
	copy.name = `${example.name} — access token`;
	for (const node of copy.nodes) if (node.credentials?.tetherApi) node.credentials.tetherApi = { ...TOKEN_CREDENTIAL };
	return copy;
}

/** The token n8n saved with a credential, read back with n8n's own export. */
async function savedToken(context, credentialId) {
	const file = path.join(context.userFolder, `export-${credentialId}.json`);
	try {
		const result = await realN8n.n8nCommand(context.n8n, context.userFolder, ['export:credentials', `--id=${credentialId}`, '--decrypted', `--output=${file}`], { env: context.env });
		if (result.exitCode !== 0) return undefined;
		const [credential] = JSON.parse(fs.readFileSync(file, 'utf8'));
		return credential?.data?.sessionToken;
	} finally {
		fs.rmSync(file, { force: true });
	}
}

/** One run of a workflow: n8n's run checked, the good rows' contacts and the bad row's error. */
async function runOnce(prefix, context, server, check, workflowId, upsertResults) {
	server.reset();
	const run = await realN8n.executeWorkflow({ ...context, workflowId });
	const error = realN8n.executionError(run.output);
	const log = `${run.stdout}\n${run.stderr}`.trim().slice(-1500);
	check(`${prefix}: n8n execute exits 0 with run data`, run.exitCode === 0 && run.output && !error, error ?? `exit ${run.exitCode}${run.timedOut ? ' (timed out)' : ''}\n${log}`);
	const contacts = realN8n.nodeOutputItems(run.output, NODE, 0) ?? [];
	const errors = realN8n.nodeOutputItems(run.output, NODE, 1) ?? [];
	const rows = fs.readFileSync(CSV, 'utf8').trim().split('\n').length - 1;
	check(`${prefix}: ${rows} CSV rows give ${GOOD.length} contacts and 1 error item`, rows === ROWS.length && contacts.length === GOOD.length && errors.length === 1, `contacts: ${contacts.length}, errors: ${errors.length}`);
	const bad = errors[0]?.json?.error;
	check(
		`${prefix}: the bad row leaves on the error output, "[item 4 · Bad Row · …] Phone Numbers: …"`,
		typeof bad === 'string' && bad.startsWith('[item 4 · Bad Row · ') && bad.includes('Phone Numbers: ') && bad.includes('"not a phone"'),
		show(errors[0]?.json),
	);
	const results = contacts.map((item) => item.json.upsertResult);
	check(`${prefix}: upsertResult per good row is ${upsertResults.join(', ')}`, isDeepStrictEqual(results, upsertResults), show(results));
	const leaked = JSON.stringify(run.output ?? {}).includes(TETHER_USER.password) || [...server.tokens.keys()].some((token) => `${run.stdout}${run.stderr}`.includes(token));
	check(`${prefix}: neither the password nor a token appears in n8n's output`, !leaked);
	return { workflowId, run, contacts: contacts.map((item) => item.json) };
}

const loginRequests = (server) => server.requests.filter((request) => request.path === '/api/auth/login');
const apiRequests = (server) => server.requests.filter((request) => request.path !== '/api/auth/login');
const bearer = (request) => request.headers.authorization?.replace(/^Bearer /, '');

async function tetherScenario(prefix, context, server, check) {
	prefix = `${prefix} CSV → Tether`;
	server.clearContacts();
	server.configure({ tokenUses: TOKEN_USES });
	const tokensBefore = new Set(server.tokens.keys());

	// 1. Login mode on a fresh credential.
	const first = await runOnce(`${prefix} (login)`, context, server, check, WORKFLOW_ID, GOOD.map(([row]) => (row.update ? 'updated' : 'created')));
	// What Tether acted on: a request refused for an expired token (and sent again) wrote nothing.
	const creates = server.requests.filter((request) => request.createdId).map((request) => request.body);
	const updates = server.requests.filter((request) => request.updatedId).map((request) => request.body);
	const expectedCreates = GOOD.filter(([row]) => !row.update).map(([row]) => row);
	check(
		`${prefix} (login): each new row created once, in E.164 with one primary, empty cells left out; Marie's second row updates her numbers`,
		creates.length === expectedCreates.length &&
			expectedCreates.every((body) => creates.filter((sent) => isDeepStrictEqual(sent, body)).length === 1) &&
			isDeepStrictEqual(updates, [ROWS[1].update]) &&
			server.contacts.size === expectedCreates.length,
		`creates:\n${creates.map(show).join('\n')}\nupdates:\n${updates.map(show).join('\n')}`,
	);
	const issued = [...server.tokens.entries()].filter(([token, session]) => !tokensBefore.has(token) && !session.static);
	check(
		`${prefix} (login): n8n ran the credential's preAuthentication: ${loginRequests(server).length} logins for ${apiRequests(server).length} requests, each after the previous token was used up`,
		issued.length >= 3 && issued.length === server.counters.logins && issued.slice(0, -1).every(([, session]) => session.usesLeft === 0),
		`logins: ${server.counters.logins}, token uses: ${show(issued.map(([, session]) => session.uses))}`,
	);
	const lastIssued = issued.at(-1)?.[0];
	check(
		`${prefix} (login): every request carried a token of the session, and n8n saved the last one with the credential`,
		apiRequests(server).every((request) => issued.some(([token]) => token === bearer(request))) && (await savedToken(context, LOGIN_CREDENTIAL.id)) === lastIssued,
	);

	// 2. Login mode again: the saved token first.
	const second = await runOnce(`${prefix} (login, saved token)`, context, server, check, WORKFLOW_ID, GOOD.map(() => 'updated'));
	check(`${prefix} (login, saved token): the run starts with the token n8n saved`, bearer(apiRequests(server)[0] ?? { headers: {} }) === lastIssued, show(apiRequests(server)[0]?.headers.authorization?.slice(0, 20)));
	check(`${prefix} (login, saved token): nothing created`, server.counters.creates === 0 && server.contacts.size === expectedCreates.length, show(server.counters));

	// 3. Access Token mode.
	const third = await runOnce(`${prefix} (access token)`, context, server, check, TOKEN_WORKFLOW_ID, GOOD.map(() => 'updated'));
	check(
		`${prefix} (access token): no login, every request with the pasted token`,
		loginRequests(server).length === 0 && server.requests.every((request) => bearer(request) === TETHER_ACCESS_TOKEN),
		`${loginRequests(server).length} logins`,
	);
	return [first, second, third];
}

/** The editor's credential test through n8n's REST API: [label, data, expected], for credentialTests.js. */
function tetherCredentialCases(baseUrl) {
	const login = { baseUrl, authentication: 'login', email: TETHER_USER.email, password: TETHER_USER.password };
	const token = { baseUrl, authentication: 'accessToken', accessToken: TETHER_ACCESS_TOKEN };
	const ok = { status: 'OK', message: 'Connection successful' };
	return [
		['login', login, ok],
		['login at …/api/', { ...login, baseUrl: `${baseUrl}/api/` }, ok],
		['access token', token, ok],
		[
			'wrong password',
			{ ...login, password: 'not-the-password' },
			{ status: 'Error', message: 'Tether login failed for admin@tether.test (401): Invalid email or password. Check the Email and Password of the Tether credential: the ones you sign in to your Tether instance with.' },
		],
		[
			'unknown access token',
			{ ...token, accessToken: 'eyJhbGciOiJIUzI1NiJ9.e30.bm90LWEtdG9rZW4' },
			{
				status: 'Error',
				message:
					'Tether refused the access token (401): Invalid or expired token. Paste a current access token into the Tether credential, or set its Authentication to Login so that the node logs in by itself and again whenever the login expires.',
			},
		],
		[
			'ftp:// Base URL',
			{ ...token, baseUrl: 'ftp://tether.example.com' },
			{ status: 'Error', message: 'Base URL: "ftp://tether.example.com" is not an http(s) address. Give your Tether instance’s address starting with https://, such as https://yourcompany.example.com.' },
		],
	].map(([label, data, expected]) => ({ type: 'tetherApi', label, data, expected }));
}

module.exports = { tetherScenario, tetherSandboxCredentials, tetherTokenWorkflow, tetherCredentialCases, TETHER_WORKFLOW_ID: WORKFLOW_ID };
