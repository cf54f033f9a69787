'use strict';
/**
 * `npm run test:queue`: the packed package in n8n's queue mode: Redis, one n8n main and two
 * n8n workers sharing a user folder (the package installed there as a community package),
 * and a Skipcall sandbox enforcing a per-key limit over a sliding minute. Four executions
 * start at once through a webhook, each syncing 300 rows with the same API key, twice:
 *   1. every node at the full limit: the workers together overshoot, and only the
 *      sandbox's 429 answers bring them back;
 *   2. every node at limit ÷ workers, as the README advises: 429s near zero.
 * Checks every row created exactly once, every execution successful with one item per row,
 * the sandbox never over its limit, 429s bounded; reports wall time against the ideal.
 * Assumes `npm run build` ran (or give --package, a tarball from `npm pack`).
 * Usage: node scripts/queue/run.js [--line 1.x|2.x|all] [--workers 2] [--rows 300]
 *   [--executions 4] [--limit 600] [--package file.tgz] [--keep]
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const realN8n = require('../e2e/realN8n');
const { startRedis } = require('./redis');
const { queueEnv, startCluster, activeWorkflows, tail } = require('./cluster');
const { syncWorkflow, waitForWebhooks } = require('./workload');
const { runVariant, variantsFor } = require('./variant');
const { createSkipcallServer } = require('../../test/servers/skipcall');

const REPO = path.resolve(__dirname, '..', '..');
const KEY = 'sk_test_valid';

/**
 * When `n8n import:workflow --activeState=fromJson` (queue mode only) can activate the sync
 * workflows. n8n 1 activates in the importing process and the main registers active
 * workflows' webhooks when it starts (a main already running does not see them): before.
 * n8n 2 lets the owner publish only once `n8n start` has set up roles and scopes in the
 * database, and the running main registers the webhooks from its publication outbox: after.
 */
const IMPORT_ACTIVE = { '1.x': 'before', '2.x': 'after' };
const WINDOW_MS = 60_000;

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : fallback);
const settings = {
	line: option('line', '1.x'),
	workers: Number(option('workers', 2)),
	rows: Number(option('rows', 300)),
	executions: Number(option('executions', 4)),
	limit: Number(option('limit', 600)),
	packageFile: option('package', undefined),
	keep: args.includes('--keep'),
};
// Each row's phone number holds the variant, the execution (one digit) and the row (five).
const MAXIMA = { workers: 16, rows: 99_999, executions: 9, limit: 100_000 };
for (const [name, maximum] of Object.entries(MAXIMA)) {
	if (!Number.isInteger(settings[name]) || settings[name] < 1 || settings[name] > maximum) {
		console.log(`  ✘ --${name} must be a whole number from 1 to ${maximum}, not "${option(name)}"\n0 passed, 1 failed`);
		process.exit(1);
	}
}

const log = (text) => process.stderr.write(`${text}\n`);
const results = { passed: 0, failed: 0 };
function check(name, ok, detail = '') {
	results[ok ? 'passed' : 'failed']++;
	const why = ok || !detail ? '' : `\n      ${String(detail).split('\n').join('\n      ')}`;
	console.log(`  ${ok ? '✔' : '✘'} ${name}${why}`);
	return ok;
}

const cleanups = [];
async function cleanUp(mark = 0) {
	while (cleanups.length > mark) {
		try {
			await cleanups.pop()();
		} catch (error) {
			log(`cleanup: ${error.message}`);
		}
	}
}

async function runLine(line, tarball) {
	const prefix = `[n8n ${line}, ${settings.workers} workers]`;
	const started = Date.now();
	const n8n = await realN8n.ensureN8n(line, { log });
	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'contact-sync-queue-'));
	const userFolder = path.join(work, 'user');
	const logDir = path.join(work, 'logs');
	fs.mkdirSync(logDir, { recursive: true });
	cleanups.push(() => (settings.keep ? log(`${prefix} kept ${work}`) : fs.rmSync(work, { recursive: true, force: true })));

	const redis = await startRedis({ log });
	cleanups.push(() => redis.stop());
	log(`${prefix} redis-server pid ${redis.pid} on 127.0.0.1:${redis.port}`);

	// One sandbox per variant: a fresh provider minute, and (another base URL) a fresh budget in
	// each worker, as if each variant ran on its own day.
	const variants = variantsFor(settings);
	for (const variant of variants) {
		variant.server = createSkipcallServer({ rateLimit: { limit: settings.limit, windowMs: WINDOW_MS } });
		await variant.server.start();
		cleanups.push(() => variant.server.stop());
		variant.credential = { id: `queueSkipcall00${variant.id}`, name: `Skipcall queue ${variant.id}`, type: 'skipcallApi' };
		variant.workflow = syncWorkflow({ id: `queueSyncVaria0${variant.id}`, path: `contact-sync-queue-${variant.id}`, credential: variant.credential, requestsPerMinute: variant.perNode });
	}

	const env = queueEnv(redis.port);
	await realN8n.prepareUserFolder({
		n8n,
		tarball,
		userFolder,
		env,
		credentials: variants.map((variant) => ({ ...variant.credential, data: { apiKey: KEY, baseUrl: variant.server.baseUrl } })),
	});
	const importActive = async () => {
		const file = path.join(work, 'workflows.json');
		fs.writeFileSync(file, JSON.stringify(variants.map((variant) => variant.workflow)));
		const imported = await realN8n.n8nCommand(n8n, userFolder, ['import:workflow', `--input=${file}`, '--activeState=fromJson'], { env });
		// An activation that fails (a node type n8n cannot load, no right to publish) is logged, not an exit code.
		const ids = variants.map((variant) => variant.workflow.id);
		const active = imported.exitCode === 0 ? await activeWorkflows(n8n, userFolder, ids) : [];
		const importLog = `exit ${imported.exitCode}; active: ${active.join(', ') || 'none'}\n${`${imported.stdout}\n${imported.stderr}`.trim().slice(-2500)}`;
		return check(`${prefix} n8n import:workflow --activeState=fromJson imports the sync workflows active (${IMPORT_ACTIVE[line]} the main)`, active.length === ids.length, importLog);
	};
	if (IMPORT_ACTIVE[line] === 'before' && !(await importActive())) return;

	log(`${prefix} starting the main and ${settings.workers} workers…`);
	let cluster;
	try {
		cluster = await startCluster({ n8n, userFolder, redisPort: redis.port, logDir, workers: settings.workers, concurrency: Math.ceil(settings.executions / settings.workers), log });
	} catch (error) {
		check(`${prefix} main and ${settings.workers} workers start in queue mode`, false, error.message);
		return;
	}
	cleanups.push(() => cluster.stop());
	check(`${prefix} main and ${settings.workers} workers start in queue mode (${Math.round((Date.now() - started) / 1000)} s since the run began)`, true);
	if (IMPORT_ACTIVE[line] === 'after' && !(await importActive())) return;
	const webhooks = await waitForWebhooks(cluster.baseUrl, variants.map((variant) => variant.workflow.nodes[0].parameters.path));
	if (!check(`${prefix} the main serves the sync workflows' webhooks (waited ${webhooks.seconds.toFixed(1)} s)`, webhooks.ok, `CORS preflight answers: ${webhooks.statuses.join(', ')}\n${tail(cluster.main)}`)) return;
	const sqliteWarning = cluster.main.lines.some((text) => /not officially supported with sqlite/i.test(text));
	log(`${prefix} n8n ${sqliteWarning ? 'warns' : 'does not warn'} that queue mode with SQLite is not officially supported`);

	const measured = [];
	const failedBefore = results.failed;
	for (const variant of variants) {
		measured.push(await runVariant({ prefix, variant, cluster, n8n, userFolder, settings, check, log }));
	}
	if (results.failed > failedBefore) {
		for (const proc of [cluster.main, ...cluster.workers]) log(`--- ${proc.name} (last lines; full log ${proc.logFile})\n${tail(proc, 40)}`);
	}
	return measured;
}

function report(line, measured) {
	const steady = ((settings.rows * settings.executions) / settings.limit) * 60;
	const floor = (Math.ceil((settings.rows * settings.executions) / settings.limit) - 1) * 60;
	const load = os.loadavg().map((value) => value.toFixed(1)).join(', ');
	console.log(`\nn8n ${line}, queue mode, ${settings.workers} workers, ${settings.executions} executions × ${settings.rows} rows, sandbox limit ${settings.limit} per sliding minute`);
	console.log(`machine: ${os.cpus().length} cores, load average ${load} (1, 5, 15 min) at the end: wall times grow with it`);
	console.log(`ideal: requests ÷ limit = ${steady.toFixed(0)} s at a steady rate; a fresh sliding minute lets the first ${settings.limit} through at once, so no sender can finish before ${floor} s`);
	console.log(`| Requests per Minute per node | wall time (${settings.executions} webhooks) | first to last create | vs requests ÷ limit | 429 answers | most accepted / arrived in a minute | rows created once | items |`);
	console.log('|---|---|---|---|---|---|---|---|');
	for (const entry of measured) {
		console.log(
			`| ${entry.perNode} (${entry.label}) | ${entry.wallSeconds.toFixed(1)} s | ${entry.sendingSeconds.toFixed(1)} s | ${(entry.wallSeconds / steady).toFixed(2)}× | ${entry.tooMany} | ${entry.maxInWindow} / ${entry.maxArrivedInWindow} | ${entry.createdOnce}/${entry.rows} | ${entry.items}/${entry.rows} |`,
		);
	}
	for (const entry of measured) {
		console.log(
			`${entry.perNode}/min: executions per worker ${entry.perWorker.join(' + ')}; the first ${settings.limit} creates arrived within ${entry.burstSeconds.toFixed(1)} s; 429s by second since the first request: ${entry.tooManyAt || 'none'}`,
		);
	}
	console.log('');
}

async function main() {
	const lines = settings.line === 'all' ? Object.keys(realN8n.LINES) : [settings.line];
	const tarball = settings.packageFile ? path.resolve(settings.packageFile) : await realN8n.packPackage(REPO);
	if (!settings.packageFile) cleanups.push(() => fs.rmSync(path.dirname(tarball), { recursive: true, force: true }));
	for (const line of lines) {
		const mark = cleanups.length;
		const lineStarted = Date.now();
		try {
			const measured = await runLine(line, tarball);
			if (measured) report(line, measured);
		} catch (error) {
			check(`[n8n ${line}] queue-mode run completed`, false, error.stack ?? error);
		} finally {
			await cleanUp(mark);
			log(`[n8n ${line}] done in ${Math.round((Date.now() - lineStarted) / 1000)} s`);
		}
	}
}

for (const signal of ['SIGINT', 'SIGTERM']) {
	process.on(signal, () => {
		realN8n.stopAllChildren();
		void cleanUp().finally(() => {
			console.log(`\nInterrupted (${signal}).\n${results.passed} passed, ${results.failed + 1} failed`);
			process.exit(1);
		});
	});
}

main()
	.catch((error) => check('queue-mode run', false, error.stack ?? error))
	.finally(async () => {
		await cleanUp();
		realN8n.stopAllChildren();
		console.log(`${results.passed} passed, ${results.failed} failed`);
		process.exitCode = results.failed ? 1 : 0;
	});
