'use strict';
/**
 * `npm run test:e2e`: the packed package in a REAL n8n of each supported line. For each line it
 * starts fresh contract servers (test/servers, rate limits on), installs the tarball as n8n's
 * community installer does, imports sandbox credentials and the example workflows, runs the CSV
 * examples with `n8n execute` and checks what n8n output and what the servers received, then
 * presses the editor's credential test through the REST API of `n8n start`.
 * Assumes `npm run build` ran. Usage: node scripts/e2e/run.js [--line 1.x|2.x] [--keep]
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { isDeepStrictEqual } = require('node:util');

const realN8n = require('./realN8n');
const { credentialTestScenario } = require('./credentialTests');
const { skodeScenario, skodeSandboxCredential } = require('./skode');
const { tetherCredentialCases, tetherSandboxCredentials, tetherScenario, tetherTokenWorkflow } = require('./tether');
const { createSkipcallServer } = require('../../test/servers/skipcall');
const { createKlenServer } = require('../../test/servers/klen');
const { createSkodeServer } = require('../../test/servers/skode');
const { createTetherServer } = require('../../test/servers/tether');

const REPO = path.resolve(__dirname, '..', '..');
const EXAMPLES = path.join(REPO, 'examples');
const CSV = path.join(EXAMPLES, 'contacts.csv');

/** The credentials the examples refer to (ids and names), pointed at sandbox servers. */
function sandboxCredentials({ skipcallBaseUrl, klenBaseUrl, skodeBaseUrl, tetherBaseUrl }) {
	return [
		{ id: 'skipcallSandbox1', name: 'Skipcall sandbox', type: 'skipcallApi', data: { apiKey: 'sk_test_valid', baseUrl: skipcallBaseUrl } },
		{ id: 'klenAiSandbox001', name: 'Klen AI sandbox', type: 'klenAiApi', data: { apiKey: 'klen_valid', baseUrl: klenBaseUrl } },
		skodeSandboxCredential(skodeBaseUrl),
		...tetherSandboxCredentials(tetherBaseUrl),
	];
}

const EXAMPLE_WORKFLOWS = [
	{ file: 'csv-to-skipcall.json', id: 'csvToSkipcall001' },
	{ file: 'csv-to-klen-ai.json', id: 'csvToKlenAi00001' },
	{ file: 'google-sheets-to-skipcall.json', id: 'sheetsToSkipcal1' },
	{ file: 'google-sheets-to-klen-ai.json', id: 'sheetsToKlenAi01' },
	{ file: 'csv-to-skode.json', id: 'csvToSkode000001' },
	{ file: 'csv-to-tether.json', id: 'csvToTether00001' },
];

/** The examples ready to import: fixed ids, and "Read/Write Files from Disk" pointed at `csvPath`. */
function exampleWorkflows(csvPath = CSV) {
	return EXAMPLE_WORKFLOWS.map(({ file, id }) => {
		const workflow = { ...JSON.parse(fs.readFileSync(path.join(EXAMPLES, file), 'utf8')), id };
		for (const node of workflow.nodes) if (node.type === 'n8n-nodes-base.readWriteFile') node.parameters.fileSelector = csvPath;
		return workflow;
	});
}

/**
 * n8n 2 lets "Read/Write Files from Disk" read only under N8N_RESTRICT_FILE_ACCESS_TO
 * (default ~/.n8n-files); n8n 1 reads anywhere but n8n's own folder. Allow the CSV's folder.
 */
const fileAccessEnv = (csvPath = CSV) => ({ N8N_RESTRICT_FILE_ACCESS_TO: path.dirname(csvPath) });

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

/** Temporary folders to remove if the run is interrupted. */
const cleanups = new Set();
const results = { passed: 0, failed: 0 };
function check(name, ok, detail = '') {
	results[ok ? 'passed' : 'failed']++;
	const why = ok || !detail ? '' : `\n      ${String(detail).split('\n').join('\n      ')}`;
	console.log(`  ${ok ? '✔' : '✘'} ${name}${why}`);
	return ok;
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
function checkRun(prefix, run, nodeName, nodeType) {
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
function checkReceivedOnce(prefix, what, received, expected) {
	const counts = expected.map((body) => received.filter((candidate) => isDeepStrictEqual(candidate, body)).length);
	check(
		`${prefix}: each good row reached the server ${what} exactly once, in E.164, empty cells left out`,
		received.length === expected.length && counts.every((count) => count === 1),
		`received:\n${received.map(show).join('\n')}\nexpected:\n${expected.map(show).join('\n')}`,
	);
}

async function skipcallScenario(prefix, context, server) {
	prefix = `${prefix} CSV → Skipcall`;
	const run = await realN8n.executeWorkflow({ ...context, workflowId: 'csvToSkipcall001' });
	const byRow = checkRun(prefix, run, 'Skipcall', 'n8n-nodes-contact-sync.skipcall');
	const isContactOf = (item, row) => item?.json?.id && item.json.firstName === row.firstName && isDeepStrictEqual(item.json.phoneNumbers, row.phoneNumbers);
	const inOrder = ROWS.every((row, index) => !row || isContactOf(byRow[index], row));
	check(`${prefix}: each good row's contact is Skipcall's contact of that row`, inOrder, byRow.map((item) => show(item?.json)).join('\n'));
	const creates = server.requests.filter((request) => request.method === 'POST' && request.path === '/v1/contacts');
	checkReceivedOnce(prefix, 'as POST /contacts', creates.map((request) => request.body), ROWS.filter(Boolean));
	const others = server.requests.filter((request) => !creates.includes(request) || request.headers.authorization !== 'Bearer sk_test_valid');
	check(`${prefix}: nothing but creates was sent, all with the credential's key`, others.length === 0, requestLines(others));
	return run;
}

async function klenScenario(prefix, context, server) {
	prefix = `${prefix} CSV → Klen AI`;
	const run = await realN8n.executeWorkflow({ ...context, workflowId: 'csvToKlenAi00001' });
	const byRow = checkRun(prefix, run, 'Klen AI', 'n8n-nodes-contact-sync.klenAi');
	const upsertResults = byRow.map((item) => item?.json?.upsertResult);
	check(`${prefix}: upsertResult per row is ${KLEN_RESULTS.map((value) => value ?? '(error)').join(', ')}`, isDeepStrictEqual(upsertResults, KLEN_RESULTS), show(upsertResults));
	const firstId = byRow[0]?.json?.id;
	check(`${prefix}: the repeated row updated the contact the first row created`, firstId !== undefined && byRow[1]?.json?.id === firstId, show([firstId, byRow[1]?.json?.id]));

	const creates = server.requests.filter((request) => request.method === 'POST' && request.path === '/api/v1/contacts/create');
	const updates = server.requests.filter((request) => request.method === 'PATCH');
	checkReceivedOnce(prefix, 'as a create or an update', [...creates, ...updates].map((request) => request.body), ROWS.filter(Boolean).map(klenBody));
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

/** Our package's node descriptions by type name (`n8n-nodes-contact-sync.skipcall`), from the build. */
function packageNodes() {
	const manifest = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
	return manifest.n8n.nodes.map((file) => {
		const { description } = new (Object.values(require(path.join(REPO, file)))[0])();
		return [`${manifest.name}.${description.name}`, description];
	});
}

/** Every node of every example (the Google Sheets ones too) is a type and version this n8n has. */
function checkExampleNodeTypes(prefix, n8n, workflows) {
	const versions = new Map(packageNodes().map(([type, description]) => [type, [description.version].flat()]));
	const base = require(path.join(n8n.dir, 'node_modules', 'n8n-nodes-base', 'dist', 'types', 'nodes.json'));
	for (const { name, version } of base) {
		const type = `n8n-nodes-base.${name}`;
		versions.set(type, [...(versions.get(type) ?? []), ...[version].flat()]);
	}
	const unknown = workflows.flatMap((workflow) =>
		workflow.nodes.filter((node) => !versions.get(node.type)?.includes(node.typeVersion)).map((node) => `${workflow.name}: ${node.type} v${node.typeVersion}`),
	);
	check(`${prefix}: every node of the ${workflows.length} examples is a type and version this n8n has`, unknown.length === 0, unknown.join('\n'));
}

/** Every node the package declares ran in some workflow, under its community-package type name. */
function checkCoverage(prefix, runs, workflows) {
	const declared = packageNodes().map(([type]) => type);
	const ran = new Set();
	for (const { workflowId, run } of runs) {
		const workflow = workflows.find((candidate) => candidate.id === workflowId);
		for (const node of workflow.nodes) if (realN8n.runDataOf(run.output)[node.name]) ran.add(node.type);
	}
	const missing = declared.filter((type) => !ran.has(type));
	check(`${prefix}: every node of the package ran (${declared.join(', ')})`, missing.length === 0, `not run: ${missing.join(', ')}`);
}

async function runLine(line, tarball, { keep }) {
	const prefix = `[n8n ${line}]`;
	const started = Date.now();
	const n8n = await realN8n.ensureN8n(line);
	console.log(`${prefix} n8n ${n8n.version} ready (${Math.round((Date.now() - started) / 1000)} s)`);
	const skipcall = createSkipcallServer();
	const klen = createKlenServer();
	const skode = createSkodeServer();
	const tether = createTetherServer();
	await Promise.all([skipcall.start(), klen.start(), skode.start(), tether.start()]);
	const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'contact-sync-n8n-user-'));
	const removeUserFolder = () => fs.rmSync(userFolder, { recursive: true, force: true });
	if (!keep) cleanups.add(removeUserFolder);
	try {
		const workflows = exampleWorkflows();
		// The Tether example again on its access-token credential: both credential modes run.
		workflows.push(tetherTokenWorkflow(workflows));
		const credentials = sandboxCredentials({ skipcallBaseUrl: skipcall.baseUrl, klenBaseUrl: klen.baseUrl, skodeBaseUrl: skode.baseUrl, tetherBaseUrl: tether.baseUrl });
		const env = fileAccessEnv();
		checkExampleNodeTypes(prefix, n8n, workflows);
		await realN8n.prepareUserFolder({ n8n, tarball, credentials, workflows, env, userFolder });
		const context = { n8n, env, userFolder };
		const runs = [
			{ workflowId: 'csvToSkipcall001', run: await skipcallScenario(prefix, context, skipcall) },
			{ workflowId: 'csvToKlenAi00001', run: await klenScenario(prefix, context, klen) },
			await skodeScenario(prefix, context, skode, check),
			...(await tetherScenario(prefix, context, tether, check)),
		];
		checkCoverage(prefix, runs, workflows);
		await credentialTestScenario(prefix, { ...context, check, skipcallBaseUrl: skipcall.baseUrl, klenBaseUrl: klen.baseUrl, skodeBaseUrl: skode.baseUrl, moreCases: tetherCredentialCases(tether.baseUrl) });
	} finally {
		await Promise.all([skipcall.stop(), klen.stop(), skode.stop(), tether.stop()]);
		if (keep) console.log(`${prefix} user folder kept: ${userFolder}`);
		else {
			cleanups.delete(removeUserFolder);
			removeUserFolder();
		}
		console.log(`${prefix} done in ${Math.round((Date.now() - started) / 1000)} s`);
	}
}

async function main(argv) {
	const keep = argv.includes('--keep');
	const lineIndex = argv.findIndex((arg) => arg.startsWith('--line'));
	const lines = lineIndex === -1 ? Object.keys(realN8n.LINES) : [argv[lineIndex].split('=')[1] ?? argv[lineIndex + 1]];
	const tarball = await realN8n.packPackage(REPO);
	const removeTarball = () => fs.rmSync(path.dirname(tarball), { recursive: true, force: true });
	cleanups.add(removeTarball);
	try {
		for (const line of lines) {
			try {
				await runLine(line, tarball, { keep });
			} catch (error) {
				check(`[n8n ${line}] run completed`, false, error.stack ?? error);
			}
		}
	} finally {
		cleanups.delete(removeTarball);
		removeTarball();
	}
}

module.exports = { sandboxCredentials, exampleWorkflows, fileAccessEnv, EXAMPLE_WORKFLOWS };

if (require.main === module) {
	for (const signal of ['SIGINT', 'SIGTERM']) {
		process.on(signal, () => {
			realN8n.stopAllChildren();
			for (const cleanup of cleanups) cleanup();
			console.log(`\nInterrupted (${signal}).\n${results.passed} passed, ${results.failed + 1} failed`);
			process.exit(1);
		});
	}
	main(process.argv.slice(2))
		.catch((error) => check('e2e run', false, error.stack ?? error))
		.finally(() => {
			console.log(`${results.passed} passed, ${results.failed} failed`);
			process.exitCode = results.failed ? 1 : 0;
		});
}
