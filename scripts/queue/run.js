'use strict';
/**
 * `npm run test:queue`: the packed package in n8n's queue mode as it runs in production:
 * PostgreSQL (postgres.js), Redis, one n8n main and two n8n workers sharing a user folder (the
 * package installed there as a community package), against sandboxes that enforce each
 * provider's limit over a sliding minute with 429s.
 * Variants (variant.js): four executions start at once through a webhook, each syncing 300
 * Skipcall rows with the same API key, twice:
 *   1. every node at the full limit: the workers together overshoot, and only the
 *      sandbox's 429 answers bring them back;
 *   2. every node at limit ÷ workers, as the README advises: 429s near zero.
 * Checks every row created exactly once, every execution successful with one item per row,
 * the sandbox never over its limit, 429s bounded; reports wall time against the ideal.
 * Crashes (crash.js, crashScenarios.js): a sync killed with its worker at ~40%, n8n failing
 * the execution without running it again, a replacement worker, the same webhook called
 * again: Skode AI and Klen AI Create or Update, Skode AI Create, Skipcall Create. The second
 * call comes once n8n has failed the execution, or (--at-once, Klen AI by default) as soon as
 * a replacement worker is ready, while the provider's minute still counts the dead worker's
 * requests: where a restarted worker meets 429s.
 * Assumes `npm run build` ran (or give --package, a tarball from `npm pack`).
 * Usage: node scripts/queue/run.js [--line 1.x|2.x|all] [--db postgres|sqlite]
 *   [--only variants,skode-upsert,klen-upsert,skode-create,skipcall-create]
 *   [--workers 2] [--rows 300] [--executions 4] [--limit 600]
 *   [--skode-rows 1000] [--skode-limit 1000] [--klen-rows 120] [--klen-limit 60]
 *   [--skipcall-rows 300] [--skipcall-limit 600] [--crash-at 0.4] [--at-once klen-upsert|none|…]
 *   [--stall-settings test|n8n] [--lock-duration ms]
 *   [--package file.tgz] [--keep]
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const realN8n = require('../e2e/realN8n');
const { startRedis } = require('./redis');
const { queueEnv, startCluster, tail } = require('./cluster');
const { startDatabase, activeWorkflows } = require('./database');
const { syncWorkflow, webhookWorkflow, waitForWebhooks } = require('./workload');
const { runVariant, variantsFor } = require('./variant');
const { SCENARIOS, prepareScenario } = require('./crashScenarios');
const { runCrashScenario } = require('./crash');
const { reportLine } = require('./report');
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
	db: option('db', 'postgres'),
	only: option('only', ['variants', ...SCENARIOS.map((scenario) => scenario.id)].join(',')).split(','),
	'skode-rows': Number(option('skode-rows', 1000)),
	'skode-limit': Number(option('skode-limit', 1000)),
	'klen-rows': Number(option('klen-rows', 120)),
	'klen-limit': Number(option('klen-limit', 60)),
	'skipcall-rows': Number(option('skipcall-rows', 300)),
	'skipcall-limit': Number(option('skipcall-limit', 600)),
	crashAt: Number(option('crash-at', 0.4)),
	stallSettings: option('stall-settings', 'test'),
	lockDuration: option('lock-duration', undefined) && Number(option('lock-duration')),
	atOnce: option('at-once', 'klen-upsert').split(','),
	packageFile: option('package', undefined),
	keep: args.includes('--keep'),
};
// Each row's phone number holds the variant, the execution (one digit) and the row (five).
const MAXIMA = { workers: 16, rows: 99_999, executions: 9, limit: 100_000, 'skode-rows': 99_999, 'klen-rows': 99_999, 'skipcall-rows': 99_999, 'skode-limit': 100_000, 'klen-limit': 100_000, 'skipcall-limit': 100_000 };
const invalid = [
	...Object.entries(MAXIMA)
		.filter(([name, maximum]) => !Number.isInteger(settings[name]) || settings[name] < 1 || settings[name] > maximum)
		.map(([name, maximum]) => `--${name} must be a whole number from 1 to ${maximum}, not "${option(name)}"`),
	...settings.only.filter((name) => name !== 'variants' && !SCENARIOS.some((scenario) => scenario.id === name)).map((name) => `--only: unknown part "${name}"`),
	...settings.atOnce.filter((name) => name !== 'none' && !SCENARIOS.some((scenario) => scenario.id === name)).map((name) => `--at-once: unknown scenario "${name}"`),
	...(settings.lockDuration === undefined || (Number.isInteger(settings.lockDuration) && settings.lockDuration >= 1000) ? [] : [`--lock-duration must be milliseconds (1000 or more), not "${option('lock-duration')}"`]),
	...(settings.crashAt > 0 && settings.crashAt < 1 ? [] : [`--crash-at must be between 0 and 1, not "${option('crash-at')}"`]),
];
if (invalid.length) {
	console.log(`${invalid.map((text) => `  ✘ ${text}`).join('\n')}\n0 passed, ${invalid.length} failed`);
	process.exit(1);
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

	const db = await startDatabase(settings.db, { n8n, userFolder, log });
	cleanups.push(() => db.stop());
	log(`${prefix} database: ${db.describe}`);
	const redis = await startRedis({ log });
	cleanups.push(() => redis.stop());
	log(`${prefix} redis-server pid ${redis.pid} on 127.0.0.1:${redis.port}`);

	// One sandbox per variant and per crash scenario: a fresh provider minute, and (another
	// base URL) a fresh budget in each worker, as if each ran on its own day.
	const variants = settings.only.includes('variants') ? variantsFor(settings) : [];
	for (const variant of variants) {
		variant.server = createSkipcallServer({ rateLimit: { limit: settings.limit, windowMs: WINDOW_MS } });
		variant.credential = { id: `queueSkipcall00${variant.id}`, name: `Skipcall queue ${variant.id}`, type: 'skipcallApi', data: { apiKey: KEY } };
		variant.workflow = syncWorkflow({ id: `queueSyncVaria0${variant.id}`, path: `contact-sync-queue-${variant.id}`, credential: variant.credential, requestsPerMinute: variant.perNode });
	}
	const crashes = SCENARIOS.filter((scenario) => settings.only.includes(scenario.id)).map((scenario) => {
		const prepared = prepareScenario(scenario, { rows: settings[scenario.rowsOption], limit: settings[scenario.limitOption], atOnce: settings.atOnce.includes(scenario.id) });
		prepared.credential.data = { apiKey: prepared.provider.apiKey };
		prepared.workflow = webhookWorkflow({ id: prepared.workflowId, path: prepared.path, sender: prepared.sender });
		return prepared;
	});
	const all = [...variants, ...crashes];
	for (const entry of all) {
		await entry.server.start();
		cleanups.push(() => entry.server.stop());
		entry.credential.data.baseUrl = entry.server.baseUrl;
	}

	const env = queueEnv(redis.port, db.env, { stall: settings.stallSettings, lockDuration: settings.lockDuration });
	await realN8n.prepareUserFolder({ n8n, tarball, userFolder, env, credentials: all.map((entry) => entry.credential) });
	const importActive = async () => {
		const file = path.join(work, 'workflows.json');
		fs.writeFileSync(file, JSON.stringify(all.map((entry) => entry.workflow)));
		const imported = await realN8n.n8nCommand(n8n, userFolder, ['import:workflow', `--input=${file}`, '--activeState=fromJson'], { env });
		// An activation that fails (a node type n8n cannot load, no right to publish) is logged, not an exit code.
		const ids = all.map((entry) => entry.workflow.id);
		const active = imported.exitCode === 0 ? await activeWorkflows(db, ids) : [];
		const importLog = `exit ${imported.exitCode}; active: ${active.join(', ') || 'none'}\n${`${imported.stdout}\n${imported.stderr}`.trim().slice(-2500)}`;
		return check(`${prefix} n8n import:workflow --activeState=fromJson imports the sync workflows active (${IMPORT_ACTIVE[line]} the main)`, active.length === ids.length, importLog);
	};
	if (IMPORT_ACTIVE[line] === 'before' && !(await importActive())) return undefined;

	log(`${prefix} starting the main and ${settings.workers} workers…`);
	let cluster;
	try {
		cluster = await startCluster({ n8n, userFolder, env, logDir, workers: settings.workers, concurrency: Math.ceil(settings.executions / settings.workers), log });
	} catch (error) {
		check(`${prefix} main and ${settings.workers} workers start in queue mode on ${settings.db}`, false, error.message);
		return undefined;
	}
	cleanups.push(() => cluster.stop());
	check(`${prefix} main and ${settings.workers} workers start in queue mode on ${db.describe} (${Math.round((Date.now() - started) / 1000)} s since the run began)`, true);
	if (IMPORT_ACTIVE[line] === 'after' && !(await importActive())) return undefined;
	const webhooks = await waitForWebhooks(cluster.baseUrl, all.map((entry) => entry.workflow.nodes[0].parameters.path));
	if (!check(`${prefix} the main serves the sync workflows' webhooks (waited ${webhooks.seconds.toFixed(1)} s)`, webhooks.ok, `CORS preflight answers: ${webhooks.statuses.join(', ')}\n${tail(cluster.main)}`)) return undefined;
	const sqliteWarning = cluster.main.lines.some((text) => /not officially supported with sqlite/i.test(text));
	log(`${prefix} n8n ${sqliteWarning ? 'warns' : 'does not warn'} that queue mode with SQLite is not officially supported`);

	const measured = [];
	const crashed = [];
	const failedBefore = results.failed;
	for (const variant of variants) measured.push(await runVariant({ prefix, variant, cluster, db, settings, check, log }));
	// n8n 1.x runs a stalled job again unless QUEUE_WORKER_MAX_STALLED_COUNT is 0 (cluster.js); 2.x never does.
	const expectRerun = settings.stallSettings === 'n8n' && line === '1.x';
	for (const [index, scenario] of crashes.entries()) {
		const figures = await runCrashScenario({ prefix, scenario, cluster, db, check, log, replacementName: `replacement${index + 1}`, crashAt: settings.crashAt, expectRerun });
		if (figures) crashed.push(figures);
	}
	if (results.failed > failedBefore) {
		for (const proc of [cluster.main, ...cluster.workers]) log(`--- ${proc.name} (last lines; full log ${proc.logFile})\n${tail(proc, 40)}`);
	}
	return { measured, crashes: crashed };
}

async function main() {
	const lines = settings.line === 'all' ? Object.keys(realN8n.LINES) : [settings.line];
	const tarball = settings.packageFile ? path.resolve(settings.packageFile) : await realN8n.packPackage(REPO);
	if (!settings.packageFile) cleanups.push(() => fs.rmSync(path.dirname(tarball), { recursive: true, force: true }));
	for (const line of lines) {
		const mark = cleanups.length;
		const lineStarted = Date.now();
		try {
			const outcome = await runLine(line, tarball);
			if (outcome) reportLine(line, settings, { ...outcome, totalSeconds: Math.round((Date.now() - lineStarted) / 1000) });
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
