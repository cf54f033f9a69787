'use strict';
/**
 * `npm run test:e2e`: the packed package in a REAL n8n of each supported line. For each line it
 * starts fresh contract servers (test/servers, rate limits on), installs the tarball as n8n's
 * community installer does, imports sandbox credentials and the example workflows, runs the CSV
 * examples with `n8n execute` and checks what n8n output and what the servers received, then
 * presses the editor's credential test through the REST API of `n8n start`. Last, the MCP
 * scenario (mcp.js): the four nodes as tools of n8n's MCP Server Trigger, and
 * examples/mcp-skode-upsert.json, called by the official MCP client in a fresh user folder.
 * Assumes `npm run build` ran. Usage: node scripts/e2e/run.js [--line 1.x|2.x] [--keep]
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { isDeepStrictEqual } = require('node:util');

const realN8n = require('./realN8n');
const { credentialTestScenario } = require('./credentialTests');
const { mcpScenario } = require('./mcp');
const { klenScenario, skipcallScenario } = require('./skipcallKlen');
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
	{ file: 'check-sheet-dry-run.json', id: 'checkSheetDryRn1' },
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

/** Temporary folders to remove if the run is interrupted. */
const cleanups = new Set();
const results = { passed: 0, failed: 0 };
function check(name, ok, detail = '') {
	results[ok ? 'passed' : 'failed']++;
	const why = ok || !detail ? '' : `\n      ${String(detail).split('\n').join('\n      ')}`;
	console.log(`  ${ok ? '✔' : '✘'} ${name}${why}`);
	return ok;
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

/** What each row of examples/contacts.csv makes the dry run say: the body a real run would send, or the row's error. */
const DRY_RUN_ROWS = [
	{ upsertResult: 'would update', body: { name: 'Marie Dupont', email: 'marie.dupont@example.com', phone: '+33612345678', company: 'Acme', address: { country: 'FR' } } },
	'holds 2 different phone numbers',
	{ upsertResult: 'would create', body: { name: 'John Smith', email: 'john.smith@example.com', phone: '+12125550123', company: 'Globex', address: { country: 'US' } } },
	{ upsertResult: 'would create', body: { name: 'Ana Garcia', phone: '+34612345678', company: 'Initech', address: { country: 'ES' } } },
	'"not a phone"',
	{ upsertResult: 'would create', body: { name: 'Lukas Müller', email: 'lukas.mueller@example.com', phone: '+4915123456789', address: { country: 'DE' } } },
	{ upsertResult: 'would create', body: { name: 'Chloé Bernard', email: 'chloe.bernard@example.com', phone: '+33781234568', company: 'Umbrella' } },
];

/**
 * examples/check-sheet-dry-run.json (docs/dry-run-and-upsert.md): the CSV → Skode AI Create or
 * Update with Dry Run, against a sandbox already holding Marie Dupont. Each good row says what a
 * real run would send (one update, four creates), the two bad rows reach "Failed rows" with a
 * Sync Error column, the account is read once and nothing is written.
 */
async function checkSheetScenario(prefix, context, skode) {
	prefix = `${prefix} Check a sheet (Dry Run)`;
	skode.clear();
	const [marie] = skode.seed(1, () => ({ name: 'Marie Dupont', email: 'marie.dupont@example.com', phone: '+33612345678', company: 'Acme' }));
	const run = await realN8n.executeWorkflow({ ...context, workflowId: 'checkSheetDryRn1' });
	const error = realN8n.executionError(run.output);
	check(`${prefix}: n8n execute exits 0 with run data`, run.exitCode === 0 && run.output && !error, error ?? `exit ${run.exitCode}\n${`${run.stdout}\n${run.stderr}`.trim().slice(-1500)}`);
	const show = (value) => JSON.stringify(value)?.slice(0, 600);
	const items = (realN8n.nodeOutputItems(run.output, 'Skode AI (Dry Run)') ?? []).map((item) => item.json);
	const expected = DRY_RUN_ROWS.map((row) =>
		typeof row === 'string' ? row : { dryRun: true, method: row.upsertResult === 'would update' ? 'PATCH' : 'POST', path: row.upsertResult === 'would update' ? `/contacts/${marie.id}` : '/contacts', body: row.body, upsertResult: row.upsertResult, ...(row.upsertResult === 'would update' ? { id: marie.id } : {}) },
	);
	const itemsOk = items.length === expected.length && expected.every((want, index) => (typeof want === 'string' ? typeof items[index].error === 'string' && items[index].error.startsWith(`[item ${index} · `) && items[index].error.includes(want) : isDeepStrictEqual(items[index], want)));
	check(`${prefix}: 7 rows give 5 dry-run items (1 would update Marie Dupont's contact, 4 would create) and 2 errors, in row order`, itemsOk, items.map(show).join('\n'));
	const failed = realN8n.nodeOutputItems(run.output, 'Failed rows') ?? [];
	const failedOk = failed.length === 2 && [1, 4].every((row, index) => failed[index].json['Sync Error']?.startsWith(`[item ${row} · `) && failed[index].json.Phone === ['+33 6 12 34 56 78; 07 81 23 45 67', 'not a phone'][index]);
	check(`${prefix}: Rows to fix → Failed rows gives the 2 CSV rows to fix, each with its Sync Error`, failedOk, failed.map((item) => show(item.json)).join('\n'));
	const reads = skode.requests.filter((request) => request.method === 'GET');
	check(
		`${prefix}: one read of the account (one page), no write: the sandbox still holds only Marie Dupont`,
		skode.requests.length === 1 && reads.length === 1 && isDeepStrictEqual(reads[0].query, { page: '1', per_page: '100' }) && skode.contacts.size === 1,
		skode.requests.map((request) => `${request.method} ${request.path} ${show(request.query)}`).join('\n'),
	);
	return { workflowId: 'checkSheetDryRn1', run };
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
			{ workflowId: 'csvToSkipcall001', run: await skipcallScenario(prefix, context, skipcall, check) },
			{ workflowId: 'csvToKlenAi00001', run: await klenScenario(prefix, context, klen, check) },
			await checkSheetScenario(prefix, context, skode),
			await skodeScenario(prefix, context, skode, check),
			...(await tetherScenario(prefix, context, tether, check)),
		];
		checkCoverage(prefix, runs, workflows);
		await credentialTestScenario(prefix, { ...context, check, skipcallBaseUrl: skipcall.baseUrl, klenBaseUrl: klen.baseUrl, skodeBaseUrl: skode.baseUrl, moreCases: tetherCredentialCases(tether.baseUrl) });
		await mcpScenario(prefix, { n8n, tarball, keep, cleanups, sandboxCredentials }, check);
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
