'use strict';
/**
 * n8n in queue mode on one machine: one main process (`n8n start`: editor, REST API,
 * webhooks; it puts executions on the Redis queue) and `n8n worker` processes that take
 * them. All share one user folder, hence one SQLite file, one encryption key and one
 * community-package folder: every process loads our package from there, as a worker of a
 * real deployment loads it from its own copy.
 * Each process gets its own free ports (the main's HTTP port, each task broker, each
 * worker's health server) and its own event-log file; its output goes to a log file.
 */
const fs = require('node:fs');
const path = require('node:path');

const realN8n = require('../e2e/realN8n');

/**
 * What every process of the cluster (and every CLI command run against its user folder) must
 * share: queue mode, the Redis, and SQLite in WAL mode. WAL (what a pool size turns on) lets
 * the main read while a worker writes an execution; without it the three processes take
 * turns on one rollback journal.
 */
function queueEnv(redisPort, extra = {}) {
	return {
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(redisPort),
		DB_SQLITE_POOL_SIZE: '2',
		// The main answers the webhook once the worker has finished: keep the run data to answer with.
		EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all',
		// n8n 2 registers a published workflow's webhooks from an outbox it polls every 15 s: poll
		// every second so that the run does not wait for it (1.x has no outbox and ignores this).
		N8N_WORKFLOW_PUBLICATION_OUTBOX_POLL_INTERVAL_MS: '1000',
		...extra,
	};
}

/**
 * Starts one n8n command of the cluster in the background. Its output is appended to
 * `<logDir>/<name>.log`; `lines` collects it line by line for the checks (which worker ran
 * which execution). Returns `{ name, child, stop, result, lines, logFile, ports }`.
 */
async function startProcess({ n8n, userFolder, logDir, name, args, env }) {
	const ports = { broker: await realN8n.freePort() };
	const processEnv = realN8n.n8nEnv(n8n, userFolder, {
		N8N_RUNNERS_BROKER_PORT: String(ports.broker),
		// Two writers on one event-log file would interleave: one file per process.
		N8N_EVENTBUS_LOGWRITER_LOGBASENAME: `n8nEventLog-${name}`,
		...env,
	});
	const logFile = path.join(logDir, `${name}.log`);
	const log = fs.createWriteStream(logFile, { flags: 'a' });
	const started = realN8n.spawnTracked(n8n.nodeBin, [n8n.n8nBin, ...args], { cwd: userFolder, env: processEnv, timeoutMs: Infinity });
	const lines = [];
	let partial = '';
	const take = (chunk) => {
		log.write(chunk);
		const text = partial + chunk.toString('utf8');
		const parts = text.split('\n');
		partial = parts.pop();
		lines.push(...parts);
	};
	started.child.stdout.on('data', take);
	started.child.stderr.on('data', take);
	started.result.then(() => log.end());
	return { name, ...started, lines, logFile, ports };
}

/** The last `count` lines a process printed, for a failure message. */
const tail = (proc, count = 25) => proc.lines.slice(-count).join('\n');

/**
 * Main + `workers` workers, each worker running at most `concurrency` executions at once
 * (so that four executions spread over two workers instead of all landing on the first).
 * Resolves once the main's REST API answers and every worker's readiness check (database and
 * Redis connected) passes. Returns `{ main, workers, concurrency, baseUrl, stop() }`.
 */
async function startCluster({ n8n, userFolder, redisPort, logDir, workers = 2, concurrency = 2, log }) {
	const env = queueEnv(redisPort);
	const port = await realN8n.freePort();
	const processes = [];
	const stop = async () => {
		for (const proc of processes) proc.stop(15_000);
		await Promise.all(processes.map((proc) => proc.result));
	};
	try {
		const main = await startProcess({
			n8n,
			userFolder,
			logDir,
			name: 'main',
			args: ['start'],
			env: { ...env, N8N_PORT: String(port), N8N_LISTEN_ADDRESS: '127.0.0.1' },
		});
		processes.push(main);
		const workerProcs = [];
		for (let index = 1; index <= workers; index++) {
			const health = await realN8n.freePort();
			const worker = await startProcess({
				n8n,
				userFolder,
				logDir,
				name: `worker${index}`,
				args: ['worker', `--concurrency=${concurrency}`],
				env: {
					...env,
					QUEUE_HEALTH_CHECK_ACTIVE: 'true',
					QUEUE_HEALTH_CHECK_PORT: String(health),
					N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
				},
			});
			worker.ports.health = health;
			processes.push(worker);
			workerProcs.push(worker);
		}
		const ready = async (proc, url) => {
			try {
				await realN8n.waitForHttp(url, { stopped: proc.result, timeoutMs: 4 * 60_000 });
			} catch (error) {
				throw new Error(`n8n ${proc.name} did not get ready: ${error.message}\n${tail(proc)}`);
			}
			log?.(`n8n ${proc.name} ready`);
		};
		await Promise.all([
			ready(main, `http://127.0.0.1:${port}/rest/settings`),
			...workerProcs.map((worker) => ready(worker, `http://127.0.0.1:${worker.ports.health}/healthz/readiness`)),
		]);
		return { main, workers: workerProcs, concurrency, baseUrl: `http://127.0.0.1:${port}`, stop };
	} catch (error) {
		await stop();
		throw error;
	}
}

/** The executions a worker finished, by the id n8n logged ("Worker finished execution 12 (job 3)"). */
function finishedExecutions(worker) {
	return worker.lines.map((line) => /Worker finished execution (\d+)/.exec(line)?.[1]).filter(Boolean);
}

/**
 * Rows of `sql` (with `params`) from the cluster's SQLite file, opened read-only by the line's
 * own Node and sqlite3 build (n8n 2's is built for Node 24, not for the Node running this).
 */
async function queryDatabase(n8n, userFolder, sql, params = []) {
	const script = `
		const sqlite3 = require('sqlite3');
		const [file, sql, params] = process.argv.slice(1);
		const db = new sqlite3.Database(file, sqlite3.OPEN_READONLY, (error) => { if (error) throw error; });
		db.all(sql, JSON.parse(params), (error, rows) => {
			if (error) throw error;
			process.stdout.write(JSON.stringify(rows));
			db.close();
		});`;
	const file = path.join(userFolder, '.n8n', 'database.sqlite');
	const result = await realN8n.run(n8n.nodeBin, ['-e', script, file, sql, JSON.stringify(params)], { cwd: n8n.dir, env: realN8n.installerEnv() });
	if (result.exitCode !== 0) throw new Error(`reading ${file} failed: ${result.stderr.trim().slice(-800)}`);
	return JSON.parse(result.stdout);
}

/** `{ id, status, mode }` of the executions `ids` as n8n saved them. */
async function savedExecutions(n8n, userFolder, ids) {
	const sql = `SELECT id, status, mode FROM execution_entity WHERE id IN (${ids.map(() => '?').join(',')})`;
	const rows = await queryDatabase(n8n, userFolder, sql, ids.map(Number));
	return rows.map((row) => ({ ...row, id: String(row.id) }));
}

/** Ids of the workflows `ids` that n8n holds as active. */
async function activeWorkflows(n8n, userFolder, ids) {
	const sql = `SELECT id FROM workflow_entity WHERE active = 1 AND id IN (${ids.map(() => '?').join(',')})`;
	return (await queryDatabase(n8n, userFolder, sql, ids)).map((row) => row.id);
}

module.exports = { queueEnv, startCluster, finishedExecutions, savedExecutions, activeWorkflows, tail };
