'use strict';
/**
 * n8n in queue mode on one machine: one main process (`n8n start`: editor, REST API,
 * webhooks; it puts executions on the Redis queue) and `n8n worker` processes that take
 * them. All share one database (database.js), one Redis, one user folder, hence one
 * encryption key and one community-package folder: every process loads our package from
 * there, as a worker of a real deployment loads it from its own copy.
 * Each process gets its own free ports (the main's HTTP port, each task broker, each
 * worker's health server) and its own event-log file; its output goes to a log file.
 */
const fs = require('node:fs');
const path = require('node:path');

const realN8n = require('../e2e/realN8n');

/**
 * How n8n's queue (Bull) notices a worker that died in the middle of an execution: the
 * worker holds a lock on its job, renewed every `lockRenewTime` (10 s); a job whose lock has
 * expired (`lockDuration`, 60 s) is "stalled", found by the other workers every
 * `stalledInterval` (30 s). A stalled job goes back to the queue, and runs again, whole, on
 * another worker, until it has stalled more than `maxStalledCount` times; then it fails and
 * the main saves its execution as failed. n8n 1.x defaults to 1: a crashed execution silently
 * runs again from its first row (a sync sends every row twice). n8n 2.x always uses 0.
 * `test` (the default): QUEUE_WORKER_MAX_STALLED_COUNT=0 (1.x fails the job like 2.x) and a
 * check every 5 s instead of 30; the lock keeps n8n's 60 s unless `lockDuration` is given. A
 * shorter lock notices a crash sooner but fails an execution whose worker is merely busy:
 * with a 15 s lock, n8n 2.x failed 3 of 4 healthy 300-row executions as stalled here.
 * `n8n`: n8n's own settings, nothing set (1.x re-runs).
 */
function stallEnv(stall, lockDuration) {
	if (stall === 'n8n') return {};
	if (stall !== 'test') throw new Error(`--stall-settings must be test or n8n, not "${stall}"`);
	const lock = lockDuration ? { QUEUE_WORKER_LOCK_DURATION: String(lockDuration), QUEUE_WORKER_LOCK_RENEW_TIME: String(Math.min(10_000, Math.floor(lockDuration / 4))) } : {};
	return { QUEUE_WORKER_MAX_STALLED_COUNT: '0', QUEUE_WORKER_STALLED_INTERVAL: '5000', ...lock };
}

/**
 * What every process of the cluster (and every CLI command run against its user folder) must
 * share: queue mode, the Redis, the database (`dbEnv`: DB_TYPE and its settings) and how
 * stalled jobs are handled (stallEnv).
 */
function queueEnv(redisPort, dbEnv, { stall = 'test', lockDuration } = {}) {
	return {
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(redisPort),
		...dbEnv,
		// The main answers the webhook once the worker has finished: keep the run data to answer with.
		EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all',
		// n8n 2 registers a published workflow's webhooks from an outbox it polls every 15 s: poll
		// every second so that the run does not wait for it (1.x has no outbox and ignores this).
		N8N_WORKFLOW_PUBLICATION_OUTBOX_POLL_INTERVAL_MS: '1000',
		...stallEnv(stall, lockDuration),
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
async function startCluster({ n8n, userFolder, env, logDir, workers = 2, concurrency = 2, log }) {
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
		const startWorker = async (name) => {
			const health = await realN8n.freePort();
			const worker = await startProcess({
				n8n,
				userFolder,
				logDir,
				name,
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
			return worker;
		};
		for (let index = 1; index <= workers; index++) workerProcs.push(await startWorker(`worker${index}`));
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
		const cluster = { main, workers: workerProcs, concurrency, baseUrl: `http://127.0.0.1:${port}`, stop };
		/** Starts one more worker (a replacement for one that died); resolves once it is ready. */
		cluster.addWorker = async (name) => {
			const worker = await startWorker(name);
			workerProcs.push(worker);
			await ready(worker, `http://127.0.0.1:${worker.ports.health}/healthz/readiness`);
			return worker;
		};
		/** `kill -9` of a worker's n8n process, as the kernel's OOM killer would; resolves once it is gone (spawnTracked then ends what it left in its process group: n8n 2's task runner). */
		cluster.killWorker = async (worker) => {
			process.kill(worker.child.pid, 'SIGKILL');
			const result = await worker.result;
			workerProcs.splice(workerProcs.indexOf(worker), 1);
			return result;
		};
		return cluster;
	} catch (error) {
		await stop();
		throw error;
	}
}

/** The executions a worker started, by the id n8n logged ("Worker started execution 12 (job 3)"). */
function startedExecutions(worker) {
	return worker.lines.map((line) => /Worker started execution (\d+)/.exec(line)?.[1]).filter(Boolean);
}

/** The executions a worker finished, by the id n8n logged ("Worker finished execution 12 (job 3)"). */
function finishedExecutions(worker) {
	return worker.lines.map((line) => /Worker finished execution (\d+)/.exec(line)?.[1]).filter(Boolean);
}

module.exports = { queueEnv, startCluster, finishedExecutions, startedExecutions, tail };
