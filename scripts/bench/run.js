'use strict';
/**
 * `npm run bench` (not a test), in a real n8n:
 *   1. and 2. our Skipcall node against n8n's own HTTP Request node, side by side, both sending
 *      the same rows to a local Skipcall contract server:
 *      1. 1,000 rows, server enforcing 600 requests/min with 429s: wall time against the ideal
 *         (rows ÷ limit) and rows lost.
 *      2. 10,000 rows, unthrottled server, our pacing off: wall time and peak memory.
 *   3. and 4. Create or Update with the account read once against a search per row, side by
 *      side (upsert.js): 3. Skode AI, 1,000 rows, half in an account of 2,000, 600/min;
 *      4. Klen AI, 100 rows, half in an account of 200, its fixed 60/min.
 * Prints the tables with the machine and versions (BENCHMARKS.md holds the latest figures).
 * Usage: npm run build && npm run bench [-- --line 1.x|2.x] [--rows1 N] [--rows2 N] [--repeat2 5]
 *   [--rows3 N --account3 N] [--rows4 N --account4 N] [--only 1,2,3,4]
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const realN8n = require('../e2e/realN8n');
const { UPSERT_TABLE_HEADER, upsertScenario } = require('./upsert');
const { createSkipcallServer } = require('../../test/servers/skipcall');

const ROOT = path.resolve(__dirname, '..', '..');
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : fallback);
const LINE = option('line', '1.x');
const ROWS_LIMITED = Number(option('rows1', 1000));
const ROWS_FREE = Number(option('rows2', 10000));
const ROWS_SKODE = Number(option('rows3', 1000));
const ACCOUNT_SKODE = Number(option('account3', 2000));
const ROWS_KLEN = Number(option('rows4', 100));
const ACCOUNT_KLEN = Number(option('account4', 200));
const REPEAT2 = Number(option('repeat2', 5));
const ONLY = new Set(String(option('only', '1,2,3,4')).split(','));
const LIMIT_PER_MINUTE = 600;
const KEY = 'sk_test_valid';
const CREDENTIAL = { id: 'benchSkipcall1', name: 'Skipcall bench', type: 'skipcallApi' };

const log = (text) => process.stderr.write(`${text}\n`);

function writeCsv(folder, rows) {
	const lines = ['First Name,Last Name,Phone'];
	// Unique, valid French mobile numbers, written as people do: 06 10 00 00 01.
	for (let index = 0; index < rows; index++) {
		const digits = String(index).padStart(7, '0');
		lines.push(`Row${index},Bench,06 1${digits[0]} ${digits.slice(1, 3)} ${digits.slice(3, 5)} ${digits.slice(5, 7)}`);
	}
	const file = path.join(folder, `rows-${rows}.csv`);
	fs.writeFileSync(file, `${lines.join('\n')}\n`);
	return file;
}

const node = (name, type, typeVersion, position, parameters, extra = {}) => ({
	id: `${name.replace(/\W/g, '')}-${position}`,
	name,
	type,
	typeVersion,
	position: [position * 220, 0],
	parameters,
	...extra,
});

/** Manual trigger → read the CSV → extract rows → the node under test. */
function workflow(id, csvFile, sender) {
	const nodes = [
		node('Start', 'n8n-nodes-base.manualTrigger', 1, 0, {}),
		node('Read CSV', 'n8n-nodes-base.readWriteFile', 1, 1, { fileSelector: csvFile, options: {} }),
		node('Extract rows', 'n8n-nodes-base.extractFromFile', 1.1, 2, { operation: 'csv', options: {} }),
		{ ...sender, position: [660, 0] },
	];
	const connect = (from, to) => ({ [from]: { main: [[{ node: to, type: 'main', index: 0 }]] } });
	return {
		id,
		name: id,
		nodes,
		connections: { ...connect('Start', 'Read CSV'), ...connect('Read CSV', 'Extract rows'), ...connect('Extract rows', sender.name) },
		settings: { executionOrder: 'v1' },
		active: false,
	};
}

function oursNode(requestsPerMinute) {
	return node('Send', 'n8n-nodes-contact-sync.skipcall', 1, 3, {
		resource: 'contact',
		operation: 'create',
		firstName: '={{ $json["First Name"] }}',
		lastName: '={{ $json["Last Name"] }}',
		phoneNumbers: '={{ $json.Phone }}',
		options: { defaultCountry: 'FR', requestsPerMinute },
	}, { credentials: { skipcallApi: { id: CREDENTIAL.id, name: CREDENTIAL.name } } });
}

/** n8n's HTTP Request node with its default settings, sending what our node sends (already E.164: it cannot normalise). */
function httpRequestNode(baseUrl) {
	return node('Send', 'n8n-nodes-base.httpRequest', 4.2, 3, {
		method: 'POST',
		url: `${baseUrl}/contacts`,
		sendHeaders: true,
		headerParameters: { parameters: [{ name: 'Authorization', value: `Bearer ${KEY}` }] },
		sendBody: true,
		specifyBody: 'json',
		jsonBody: '={{ JSON.stringify({ firstName: $json["First Name"], lastName: $json["Last Name"], phoneNumbers: ["+33" + $json.Phone.replace(/\\s/g, "").slice(1)] }) }}',
		options: {},
	});
}

async function measure({ n8n, userFolder, workflowId, server, rows, env }) {
	server.reset();
	server.contacts.clear();
	const peakFile = path.join(userFolder, `peak-${workflowId}.txt`);
	const started = Date.now();
	const result = await realN8n.executeWorkflow({
		n8n,
		userFolder,
		workflowId,
		timeoutMs: 30 * 60_000,
		env: { ...env, NODE_OPTIONS: `--require ${path.join(__dirname, 'peakMemory.js')}`, BENCH_PEAK_FILE: peakFile },
	});
	const commandSeconds = (Date.now() - started) / 1000;
	const task = result.output?.data?.resultData?.runData?.Send?.[0];
	const items = realN8n.nodeOutputItems(result.output, 'Send') ?? [];
	const failed = items.filter((item) => item.json?.error !== undefined).length;
	return {
		exitCode: result.exitCode,
		nodeSeconds: task ? task.executionTime / 1000 : undefined,
		commandSeconds,
		created: server.contacts.size,
		lost: rows - server.contacts.size,
		outputItems: items.length,
		failedItems: failed,
		rateLimited: server.requests.filter((request) => request.rateLimited).length,
		peakMb: fs.existsSync(peakFile) ? Math.round(Number(fs.readFileSync(peakFile, 'utf8')) / 1024) : undefined,
		error: realN8n.executionError(result.output),
	};
}

const seconds = (value) => (value === undefined ? 'n/a' : `${value.toFixed(1)} s`);

async function main() {
	const n8n = await realN8n.ensureN8n(LINE, { log });
	const tarball = await realN8n.packPackage(ROOT);
	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'contact-sync-bench-'));
	const limitedCsv = writeCsv(work, ROWS_LIMITED);
	const freeCsv = writeCsv(work, ROWS_FREE);

	const server = createSkipcallServer({ rateLimit: { limit: LIMIT_PER_MINUTE, windowMs: 60_000 } });
	await server.start();
	try {
		const workflows = [
			workflow('benchOursLimited', limitedCsv, oursNode(LIMIT_PER_MINUTE)),
			workflow('benchHttpLimited', limitedCsv, httpRequestNode(server.baseUrl)),
			workflow('benchOursFree', freeCsv, oursNode(0)),
			workflow('benchHttpFree', freeCsv, httpRequestNode(server.baseUrl)),
		];
		const { userFolder } = await realN8n.prepareUserFolder({
			n8n,
			tarball,
			credentials: [{ ...CREDENTIAL, data: { apiKey: KEY, baseUrl: server.baseUrl } }],
			workflows,
			env: { N8N_RESTRICT_FILE_ACCESS_TO: work },
		});
		const env = { N8N_RESTRICT_FILE_ACCESS_TO: work };
		const run = async (workflowId, rows) => {
			log(`running ${workflowId} (${rows} rows)…`);
			const measured = await measure({ n8n, userFolder, workflowId, server, rows, env });
			log(`  ${JSON.stringify(measured)}`);
			return measured;
		};

		const skipped = { lost: 'n/a', rateLimited: 'n/a', outputItems: 0, failedItems: 0 };
		let oursLimited = skipped;
		let httpLimited = skipped;
		let oursFree = skipped;
		let httpFree = skipped;
		if (ONLY.has('1')) {
			server.setRateLimit(LIMIT_PER_MINUTE, 60_000);
			oursLimited = await run('benchOursLimited', ROWS_LIMITED);
			// A fresh minute for the HTTP Request node: the server's window must not hold our requests.
			server.setRateLimit(LIMIT_PER_MINUTE, 60_000);
			httpLimited = await run('benchHttpLimited', ROWS_LIMITED);
		}
		let repeats = '';
		if (ONLY.has('2')) {
			server.setRateLimit(0);
			// Runs of one sender differ by up to ±20% on a small machine: each sender runs
			// REPEAT2 times, in the order ours, HTTP, HTTP, ours, ours, HTTP… (so that neither
			// is always first), and the table gives the median run of each.
			const runs = { ours: [], http: [] };
			for (let round = 0; round < REPEAT2; round++) {
				const order = round % 2 === 0 ? ['ours', 'http'] : ['http', 'ours'];
				for (const sender of order) runs[sender].push(await run(sender === 'ours' ? 'benchOursFree' : 'benchHttpFree', ROWS_FREE));
			}
			// A run whose output n8n did not print whole has no node time: left out of the medians, shown as n/a.
			const timed = (list) => list.filter((run) => run.nodeSeconds !== undefined);
			const median = (list) => [...timed(list)].sort((a, b) => a.nodeSeconds - b.nodeSeconds)[Math.floor((timed(list).length - 1) / 2)] ?? list[0];
			const medianOf = (list, key) => [...list.map((run) => run[key])].sort((a, b) => a - b)[Math.floor((list.length - 1) / 2)];
			oursFree = { ...median(runs.ours), peakMb: medianOf(runs.ours, 'peakMb') };
			httpFree = { ...median(runs.http), peakMb: medianOf(runs.http, 'peakMb') };
			const each = (list, key, unit) => list.map((run) => (run[key] === undefined ? 'n/a' : `${key === 'nodeSeconds' ? run[key].toFixed(1) : run[key]}${unit}`)).join(', ');
			repeats =
				REPEAT2 > 1
					? `Scenario 2, ${REPEAT2} runs each (interleaved), medians in the table: ours ${each(runs.ours, 'nodeSeconds', ' s')} (${each(runs.ours, 'peakMb', ' MB')}); HTTP Request ${each(runs.http, 'nodeSeconds', ' s')} (${each(runs.http, 'peakMb', ' MB')}); lost rows ${[...runs.ours, ...runs.http].map((run) => run.lost).join(', ')}.`
					: '';
		}

		const ideal = (ROWS_LIMITED / LIMIT_PER_MINUTE) * 60;
		const ratio = (a, b) => (a !== undefined && b ? `${(a / b).toFixed(2)}×` : 'n/a');
		const table = [
			`| Scenario | Sender | Wall time (node) | vs reference | Rows lost | 429s answered | Peak RSS of n8n |`,
			`|---|---|---|---|---|---|---|`,
			`| 1. ${ROWS_LIMITED} rows, ${LIMIT_PER_MINUTE}/min enforced | contact-sync Skipcall | ${seconds(oursLimited.nodeSeconds)} | ${ratio(oursLimited.nodeSeconds, ideal)} of ideal ${ideal.toFixed(0)} s | ${oursLimited.lost} | ${oursLimited.rateLimited} | ${oursLimited.peakMb} MB |`,
			`| 1. ${ROWS_LIMITED} rows, ${LIMIT_PER_MINUTE}/min enforced | n8n HTTP Request (defaults) | ${seconds(httpLimited.nodeSeconds)} | ${ratio(httpLimited.nodeSeconds, ideal)} of ideal | ${httpLimited.lost} | ${httpLimited.rateLimited} | ${httpLimited.peakMb} MB |`,
			`| 2. ${ROWS_FREE} rows, unthrottled | contact-sync Skipcall (pacing off) | ${seconds(oursFree.nodeSeconds)} | ${ratio(oursFree.nodeSeconds, httpFree.nodeSeconds)} of HTTP Request's time; ${ratio(oursFree.peakMb, httpFree.peakMb)} of its memory | ${oursFree.lost} | ${oursFree.rateLimited} | ${oursFree.peakMb} MB |`,
			`| 2. ${ROWS_FREE} rows, unthrottled | n8n HTTP Request (defaults) | ${seconds(httpFree.nodeSeconds)} | 1.00× | ${httpFree.lost} | ${httpFree.rateLimited} | ${httpFree.peakMb} MB |`,
		].join('\n');
		const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.platform()} ${os.release()}`;
		const nodeVersion = (await realN8n.run(n8n.nodeBin, ['--version'])).stdout.trim();
		const versions = `n8n ${n8n.version} (${LINE}) on Node ${nodeVersion}; bench driver on Node ${process.version}`;
		const notes = [
			...(ONLY.has('1')
				? [
						`HTTP Request, scenario 1: exit code ${httpLimited.exitCode}${httpLimited.error ? `, stopped with "${httpLimited.error.slice(0, 160)}"` : ''}.`,
						`Ours, scenario 1: ${oursLimited.outputItems} output items, ${oursLimited.failedItems} error items, exit code ${oursLimited.exitCode}.`,
					]
				: []),
			...(ONLY.has('2') ? [`Ours, scenario 2: ${oursFree.outputItems} output items, ${oursFree.failedItems} error items.`, ...(repeats ? [repeats] : [])] : []),
		];
		const upserts = [];
		if (ONLY.has('3')) upserts.push(await upsertScenario({ n8n, tarball, work, log, env }, { provider: 'skode', rows: ROWS_SKODE, account: ACCOUNT_SKODE, limit: LIMIT_PER_MINUTE, number: 3 }));
		if (ONLY.has('4')) upserts.push(await upsertScenario({ n8n, tarball, work, log, env }, { provider: 'klen', rows: ROWS_KLEN, account: ACCOUNT_KLEN, limit: 60, number: 4 }));
		const upsertTable = upserts.length ? `\n\n${[...UPSERT_TABLE_HEADER, ...upserts.flatMap((scenario) => scenario.lines)].join('\n')}` : '';
		notes.push(...upserts.flatMap((scenario) => scenario.notes));
		const report = `${ONLY.has('1') || ONLY.has('2') ? table : ''}${upsertTable}\n\n${notes.map((note) => `- ${note}`).join('\n')}\n\nMachine: ${machine}. ${versions}. Run on ${new Date().toISOString().slice(0, 10)}.\n`;
		process.stdout.write(`\n${report}`);
		fs.writeFileSync(path.join(work, 'report.md'), report);
		log(`report also in ${path.join(work, 'report.md')}`);
	} finally {
		await server.stop();
	}
}

main().catch((error) => {
	log(error.stack ?? String(error));
	realN8n.stopAllChildren();
	process.exit(1);
});
