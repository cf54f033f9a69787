'use strict';
/**
 * The CSV → Skipcall and CSV → Klen AI examples (examples/csv-to-skipcall.json,
 * csv-to-klen-ai.json) in a real n8n, each run once against its sandbox. The examples use On Error ›
 * Continue (using error output): the good rows leave on the node's first output, the bad row on
 * its error output, and "Failed rows" gives that CSV row back with a Sync Error column. Used by run.js.
 */
const fs = require('node:fs');
const path = require('node:path');
const { isDeepStrictEqual } = require('node:util');

const realN8n = require('./realN8n');

const CSV = path.join(__dirname, '..', '..', 'examples', 'contacts.csv');

/** What each row of examples/contacts.csv must become: Skipcall's body and Klen's upsert result (null: the bad row). */
const ROWS = [
	{ firstName: 'Marie', lastName: 'Dupont', phoneNumbers: ['+33612345678'], email: 'marie.dupont@example.com', company: 'Acme', country: 'FR' },
	{ firstName: 'Marie', lastName: 'Dupont', phoneNumbers: ['+33612345678', '+33781234567'], email: 'marie.dupont@example.com', company: 'Acme', country: 'FR' },
	{ firstName: 'John', lastName: 'Smith', phoneNumbers: ['+12125550123'], email: 'john.smith@example.com', company: 'Globex', country: 'US' },
	{ firstName: 'Ana', lastName: 'Garcia', phoneNumbers: ['+34612345678'], company: 'Initech', country: 'ES' },
	null,
	{ firstName: 'Lukas', lastName: 'Müller', phoneNumbers: ['+4915123456789'], email: 'lukas.mueller@example.com', country: 'DE' },
	{ firstName: 'Chloé', lastName: 'Bernard', phoneNumbers: ['+33781234568'], email: 'chloe.bernard@example.com', company: 'Umbrella' },
];
const BAD_ROW = ROWS.indexOf(null);
const GOOD_ROWS = ROWS.flatMap((row, index) => (row ? [index] : []));
/** How the bad row's error starts: its item, then the name and email the row gives (README "When a row fails"). */
const BAD_LABEL = `[item ${BAD_ROW} · Bad Row · bad.row@example.com] `;
// The second row is the first one again, with a second number: Klen's Create or Update finds it by email.
const KLEN_RESULTS = ['created', 'updated', 'created', 'created', undefined, 'created', 'created'];

function klenBody({ firstName, lastName, phoneNumbers, email, company, country }) {
	const phone_numbers = phoneNumbers.map((phone_number, index) => ({
		phone_number,
		phone_type: 'mobile',
		primary: index === 0,
		do_not_call: false,
	}));
	const body = { first_name: firstName, last_name: lastName, email, company, country, phone_numbers };
	return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined));
}

const show = (value) => JSON.stringify(value)?.slice(0, 600);
const requestLines = (requests) => requests.map((request) => `${request.method} ${request.path} ${show(request.query)} ${show(request.body)}`).join('\n');

/** A row of examples/contacts.csv as "Extract rows" gives it (the bad row's cells hold no comma or quote). */
function csvRow(index) {
	const [header, ...lines] = fs.readFileSync(CSV, 'utf8').trim().split('\n');
	const cells = lines[index].split(',');
	return Object.fromEntries(header.split(',').map((column, position) => [column, cells[position]]));
}

/**
 * Checks common to both workflows (On Error › Continue (using error output)): n8n ran our node
 * under the package's type name; the good rows leave on the contacts output (0), in row order,
 * and the bad row on the error output (1), named by its label; "Failed rows" gives that CSV row
 * back with its Sync Error column. Returns each row's contact item (undefined: the bad row).
 */
function checkRun(prefix, run, nodeName, nodeType, check) {
	const error = realN8n.executionError(run.output);
	const log = `${run.stdout}\n${run.stderr}`.trim().slice(-1500);
	const finished = check(`${prefix}: n8n execute exits 0 with run data`, run.exitCode === 0 && run.output && !error, error ?? `exit ${run.exitCode}${run.timedOut ? ' (timed out)' : ''}\n${log}`);
	const contacts = realN8n.nodeOutputItems(run.output, nodeName, 0);
	const errors = realN8n.nodeOutputItems(run.output, nodeName, 1) ?? [];
	check(`${prefix}: n8n loaded and ran the node as ${nodeType}`, finished && Array.isArray(contacts), `no run data for "${nodeName}"`);
	const rows = fs.readFileSync(CSV, 'utf8').trim().split('\n').length - 1;
	check(
		`${prefix}: ${rows} CSV rows give ${GOOD_ROWS.length} contacts and ${rows - GOOD_ROWS.length} error item`,
		rows === ROWS.length && contacts?.length === GOOD_ROWS.length && errors.length === rows - GOOD_ROWS.length,
		`contacts: ${contacts?.length}, errors: ${errors.length}, rows: ${rows}, expected rows: ${ROWS.length}`,
	);
	const paired = (contacts ?? []).map((item) => item.pairedItem?.item);
	check(`${prefix}: each contact is paired with its row (${GOOD_ROWS.join(', ')}), in row order`, isDeepStrictEqual(paired, GOOD_ROWS), show(paired));
	const failedContacts = (contacts ?? []).filter((item) => item.json?.error !== undefined);
	check(`${prefix}: no contact item carries an error`, failedContacts.length === 0, failedContacts.map((item) => show(item.json.error)).join('\n'));
	const message = errors[0]?.json?.error;
	check(
		`${prefix}: the bad row leaves on the error output, "${BAD_LABEL}Phone Numbers: …"`,
		errors.length === 1 && typeof message === 'string' && message.startsWith(`${BAD_LABEL}Phone Numbers: `) && message.includes('"not a phone"'),
		errors.map((item) => show(item.json)).join('\n'),
	);
	const rebuilt = realN8n.nodeOutputItems(run.output, 'Failed rows') ?? [];
	const expected = { ...csvRow(BAD_ROW), 'Sync Error': message };
	check(
		`${prefix}: "Failed rows" gives the bad CSV row back with its Sync Error column`,
		rebuilt.length === 1 && isDeepStrictEqual(rebuilt[0].json, expected),
		`got:\n${rebuilt.map((item) => show(item.json)).join('\n')}\nexpected:\n${show(expected)}`,
	);
	return ROWS.map((_, index) => (contacts ?? []).find((item) => item.pairedItem?.item === index));
}

/** Each expected body arrived exactly once, and nothing else was written. */
function checkReceivedOnce(prefix, what, received, expected, check) {
	const counts = expected.map((body) => received.filter((candidate) => isDeepStrictEqual(candidate, body)).length);
	check(
		`${prefix}: each good row reached the server ${what} exactly once, in E.164, empty cells left out`,
		received.length === expected.length && counts.every((count) => count === 1),
		`received:\n${received.map(show).join('\n')}\nexpected:\n${expected.map(show).join('\n')}`,
	);
}

async function skipcallScenario(prefix, context, server, check) {
	prefix = `${prefix} CSV → Skipcall`;
	const run = await realN8n.executeWorkflow({ ...context, workflowId: 'csvToSkipcall001' });
	const byRow = checkRun(prefix, run, 'Skipcall', 'n8n-nodes-contact-sync.skipcall', check);
	const isContactOf = (item, row) => item?.json?.id && item.json.firstName === row.firstName && isDeepStrictEqual(item.json.phoneNumbers, row.phoneNumbers);
	const inOrder = ROWS.every((row, index) => !row || isContactOf(byRow[index], row));
	check(`${prefix}: each good row's contact is Skipcall's contact of that row`, inOrder, byRow.map((item) => show(item?.json)).join('\n'));
	const creates = server.requests.filter((request) => request.method === 'POST' && request.path === '/v1/contacts');
	checkReceivedOnce(prefix, 'as POST /contacts', creates.map((request) => request.body), ROWS.filter(Boolean), check);
	const others = server.requests.filter((request) => !creates.includes(request) || request.headers.authorization !== 'Bearer sk_test_valid');
	check(`${prefix}: nothing but creates was sent, all with the credential's key`, others.length === 0, requestLines(others));
	return run;
}

async function klenScenario(prefix, context, server, check) {
	prefix = `${prefix} CSV → Klen AI`;
	const run = await realN8n.executeWorkflow({ ...context, workflowId: 'csvToKlenAi00001' });
	const byRow = checkRun(prefix, run, 'Klen AI', 'n8n-nodes-contact-sync.klenAi', check);
	const upsertResults = byRow.map((item) => item?.json?.upsertResult);
	check(`${prefix}: upsertResult per row is ${KLEN_RESULTS.map((value) => value ?? '(error)').join(', ')}`, isDeepStrictEqual(upsertResults, KLEN_RESULTS), show(upsertResults));
	const firstId = byRow[0]?.json?.id;
	check(`${prefix}: the repeated row updated the contact the first row created`, firstId !== undefined && byRow[1]?.json?.id === firstId, show([firstId, byRow[1]?.json?.id]));

	const creates = server.requests.filter((request) => request.method === 'POST' && request.path === '/api/v1/contacts/create');
	const updates = server.requests.filter((request) => request.method === 'PATCH');
	checkReceivedOnce(prefix, 'as a create or an update', [...creates, ...updates].map((request) => request.body), ROWS.filter(Boolean).map(klenBody), check);
	const created = KLEN_RESULTS.filter((value) => value === 'created').length;
	check(
		`${prefix}: ${created} creates and one PATCH /contacts/{id}/update of the first row's contact`,
		creates.length === created && updates.length === 1 && updates[0].path === `/api/v1/contacts/${firstId}/update` && server.contacts.size === created,
		requestLines(server.requests),
	);
	const searches = server.requests.filter((request) => request.method === 'GET');
	const searchedFor = new Set(ROWS.filter(Boolean).flatMap((row) => [row.email, row.phoneNumbers[0]]));
	check(
		`${prefix}: every search was for a row's email or first number in E.164, every request with the credential's key`,
		searches.every((request) => searchedFor.has(request.query.search)) && server.requests.every((request) => request.headers.authorization === 'Bearer klen_valid'),
		requestLines(searches),
	);
	return run;
}

module.exports = { skipcallScenario, klenScenario };
