'use strict';
/**
 * How long a worker's event loop stays busy: its health server (`/healthz`) answers from the
 * same loop that renews the worker's lock on its job, so an answer that takes 20 s means the
 * lock went 20 s without renewal. n8n fails a job whose lock expires (QUEUE_WORKER_LOCK_DURATION,
 * 60 s by default) as "stalled": a worker busy that long loses its execution though it is alive.
 * `probeWorkers(cluster)` asks every worker of the cluster (replacements included) every 250 ms
 * until `stop()`, which resolves to `{ <worker name>: slowest answer in ms }`.
 */
const http = require('node:http');

function ask(port) {
	return new Promise((resolve) => {
		const started = Date.now();
		const request = http.get(`http://127.0.0.1:${port}/healthz`, { timeout: 120_000 }, (response) => {
			response.resume();
			response.on('end', () => resolve(Date.now() - started));
		});
		request.on('timeout', () => request.destroy());
		request.on('error', () => resolve(undefined));
	});
}

function probeWorkers(cluster, intervalMs = 250) {
	const slowest = {};
	const loops = new Map();
	let stopped = false;
	const loop = async (worker) => {
		while (!stopped && worker.child.exitCode === null && worker.child.signalCode === null) {
			const ms = await ask(worker.ports.health);
			if (ms !== undefined) slowest[worker.name] = Math.max(slowest[worker.name] ?? 0, ms);
			await new Promise((resolve) => setTimeout(resolve, intervalMs));
		}
	};
	// Workers started later (replacements) join as they appear.
	const watch = setInterval(() => {
		for (const worker of cluster.workers) if (!loops.has(worker) && worker.ports.health) loops.set(worker, loop(worker));
	}, intervalMs);
	for (const worker of cluster.workers) loops.set(worker, loop(worker));
	return {
		slowest,
		async stop() {
			stopped = true;
			clearInterval(watch);
			await Promise.all(loops.values());
			return slowest;
		},
	};
}

module.exports = { probeWorkers };
