'use strict';
/**
 * The CSV → Skode AI example (examples/csv-to-skode.json) in a real n8n, run twice against the
 * Skode sandbox: the first run creates every good row, the second updates each of them (found
 * in the account, read once per run: by email, or by phone for the row without) and creates nothing.
 * Rows that fail leave on the node's error output, named by their item. Used by run.js.
 */
const fs = require('node:fs');
const path = require('node:path');
const { isDeepStrictEqual } = require('node:util');

const realN8n = require('./realN8n');

const WORKFLOW_ID = 'csvToSkode000001';
const NODE = 'Skode AI';
const CSV = path.join(__dirname, '..', '..', 'examples', 'contacts.csv');

/** What each row of examples/contacts.csv becomes in Skode's create body; a string: the row's error. */
const ROWS = [
	{ name: 'Marie Dupont', email: 'marie.dupont@example.com', phone: '+33612345678', company: 'Acme', address: { country: 'FR' } },
	'holds 2 different phone numbers (+33612345678, +33781234567), but this field takes one',
	{ name: 'John Smith', email: 'john.smith@example.com', phone: '+12125550123', company: 'Globex', address: { country: 'US' } },
	{ name: 'Ana Garcia', phone: '+34612345678', company: 'Initech', address: { country: 'ES' } },
	'"not a phone"',
	{ name: 'Lukas Müller', email: 'lukas.mueller@example.com', phone: '+4915123456789', address: { country: 'DE' } },
	{ name: 'Chloé Bernard', email: 'chloe.bernard@example.com', phone: '+33781234568', company: 'Umbrella' },
];
const GOOD = ROWS.filter((row) => typeof row !== 'string');
const SKODE_KEY = 'sk_live_skode_sandbox_valid';

const show = (value) => JSON.stringify(value)?.slice(0, 600);

/** The sandbox credential the example refers to. */
function skodeSandboxCredential(baseUrl) {
	return { id: 'skodeAiSandbox01', name: 'Skode AI sandbox', type: 'skodeApi', data: { apiKey: SKODE_KEY, baseUrl } };
}

/** One run of the example, its items checked: n8n's run and the contacts output, in row order. */
async function runOnce(prefix, context, server, check, upsertResult) {
	server.reset();
	const run = await realN8n.executeWorkflow({ ...context, workflowId: WORKFLOW_ID });
	const error = realN8n.executionError(run.output);
	const log = `${run.stdout}\n${run.stderr}`.trim().slice(-1500);
	check(`${prefix}: n8n execute exits 0 with run data`, run.exitCode === 0 && run.output && !error, error ?? `exit ${run.exitCode}${run.timedOut ? ' (timed out)' : ''}\n${log}`);
	const contacts = realN8n.nodeOutputItems(run.output, NODE, 0) ?? [];
	const errors = realN8n.nodeOutputItems(run.output, NODE, 1) ?? [];
	const rows = fs.readFileSync(CSV, 'utf8').trim().split('\n').length - 1;
	check(
		`${prefix}: ${rows} CSV rows give ${GOOD.length} contacts and ${rows - GOOD.length} error items`,
		rows === ROWS.length && contacts.length === GOOD.length && errors.length === rows - GOOD.length,
		`contacts: ${contacts.length}, errors: ${errors.length}, rows: ${rows}`,
	);
	const expectedErrors = ROWS.flatMap((row, index) => (typeof row === 'string' ? [[index, row]] : []));
	const errorsOk = expectedErrors.every(([index, words], position) => {
		const message = errors[position]?.json?.error;
		return typeof message === 'string' && message.startsWith(`[item ${index} · `) && message.includes('Phone: ') && message.includes(words);
	});
	check(`${prefix}: the two-number row and the bad row leave on the error output, "[item N · …] Phone: …"`, errorsOk, errors.map((item) => show(item.json)).join('\n'));
	const inOrder = GOOD.every((row, index) => contacts[index]?.json?.name === row.name && contacts[index]?.json?.upsertResult === upsertResult && contacts[index]?.json?.id);
	check(`${prefix}: every good row is Skode's contact, in row order, upsertResult "${upsertResult}"`, inOrder, contacts.map((item) => show(item.json)).join('\n'));
	const wrongKey = server.requests.filter((request) => request.headers.authorization !== `Bearer ${SKODE_KEY}`);
	check(`${prefix}: every request carried the credential's key`, wrongKey.length === 0, wrongKey.length);
	return { run, contacts: contacts.map((item) => item.json) };
}

async function skodeScenario(prefix, context, server, check) {
	prefix = `${prefix} CSV → Skode AI`;
	server.clear();
	const { contacts: created } = await runOnce(`${prefix} (1st run)`, context, server, check, 'created');
	const posts = server.requests.filter((request) => request.method === 'POST').map((request) => request.body);
	check(
		`${prefix} (1st run): each good row was created once, in E.164, empty cells left out; nothing else written`,
		posts.length === GOOD.length && GOOD.every((row) => posts.filter((body) => isDeepStrictEqual(body, row)).length === 1) && server.counts.updates === 0,
		`received:\n${posts.map(show).join('\n')}`,
	);
	// Create or Update reads the account once (one page: fewer than the run's rows) and matches
	// every row against it, the row without an email by its phone (common/operations/contactIndex.ts).
	const reads = server.requests.filter((request) => request.method === 'GET');
	check(
		`${prefix} (1st run): the account was read once (one page), and no row searched for`,
		reads.length === 1 && isDeepStrictEqual(reads[0].query, { page: '1', per_page: '100' }),
		reads.map((request) => show(request.query)).join('\n'),
	);

	const { run, contacts: updated } = await runOnce(`${prefix} (2nd run)`, context, server, check, 'updated');
	check(
		`${prefix} (2nd run): the same contacts were updated, none created (each found in the account read once → PATCH)`,
		server.contacts.size === GOOD.length && server.counts.creates === 0 && server.counts.updates === GOOD.length && isDeepStrictEqual(updated.map((contact) => contact.id), created.map((contact) => contact.id)),
		server.requests.map((request) => `${request.method} ${request.path} ${show(request.query)}`).join('\n'),
	);
	const patches = server.requests.filter((request) => request.method === 'PATCH');
	check(
		`${prefix} (2nd run): each PATCH sent the row's non-empty fields to that contact`,
		patches.length === GOOD.length && GOOD.every((row, index) => patches.some((request) => request.path === `/v1/contacts/${created[index].id}` && isDeepStrictEqual(request.body, row))),
		patches.map((request) => `${request.path} ${show(request.body)}`).join('\n'),
	);
	return { workflowId: WORKFLOW_ID, run };
}

module.exports = { skodeScenario, skodeSandboxCredential, SKODE_WORKFLOW_ID: WORKFLOW_ID };
