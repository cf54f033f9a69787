'use strict';
/**
 * A throw-away Redis for n8n's queue: Debian's `redis-server` (installed with apt-get when
 * missing, which needs root), on a free loopback port, nothing written to disk, in its own
 * process group so that stopping it by pid ends it.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const net = require('node:net');

const realN8n = require('../e2e/realN8n');
const { aptInstall, onPath } = require('./apt');

const REDIS_SERVER = 'redis-server';

/** The path of `redis-server`, installing Debian's package first when it is missing. */
async function ensureRedisServer(log) {
	const found = onPath(REDIS_SERVER) ?? ['/usr/bin', '/usr/local/bin'].map((dir) => path.join(dir, REDIS_SERVER)).find((file) => fs.existsSync(file));
	if (found) return found;
	log('redis-server is missing: apt-get install -y redis-server…');
	await aptInstall([REDIS_SERVER]);
	const installed = onPath(REDIS_SERVER) ?? '/usr/bin/redis-server';
	if (!fs.existsSync(installed)) throw new Error('apt-get installed redis-server but the binary is not on PATH');
	return installed;
}

/** Resolves when something accepts TCP connections on 127.0.0.1:`port` and answers PING with PONG. */
async function waitForRedis(port, { timeoutMs = 30_000, stopped } = {}) {
	let gone = false;
	stopped?.then(() => (gone = true));
	const ping = () =>
		new Promise((resolve) => {
			const socket = net.connect(port, '127.0.0.1');
			let answer = '';
			socket.setTimeout(2000, () => socket.destroy());
			socket.on('connect', () => socket.write('PING\r\n'));
			socket.on('data', (chunk) => {
				answer += chunk;
				if (answer.includes('\r\n')) socket.end();
			});
			socket.on('close', () => resolve(answer.startsWith('+PONG')));
			socket.on('error', () => resolve(false));
		});
	for (const started = Date.now(); !(await ping()); await new Promise((resolve) => setTimeout(resolve, 200))) {
		if (gone) throw new Error('redis-server exited before answering PING');
		if (Date.now() - started > timeoutMs) throw new Error(`redis-server did not answer on port ${port} within ${timeoutMs / 1000} s`);
	}
}

/**
 * Starts `redis-server` on a free loopback port: no RDB snapshots, no append-only file, its
 * working folder a temporary one. Returns `{ port, pid, stop() }`; stop() resolves once it is gone.
 */
async function startRedis({ log = (text) => process.stderr.write(`${text}\n`) } = {}) {
	const binary = await ensureRedisServer(log);
	const port = await realN8n.freePort();
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'contact-sync-redis-'));
	const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--daemonize', 'no', '--loglevel', 'warning'];
	const redis = realN8n.spawnTracked(binary, args, { cwd: dir, timeoutMs: Infinity });
	try {
		await waitForRedis(port, { stopped: redis.result });
	} catch (error) {
		redis.stop(0);
		const result = await redis.result;
		throw new Error(`${error.message}\n${`${result.stdout}\n${result.stderr}`.trim().slice(-1500)}`);
	}
	return {
		port,
		pid: redis.child.pid,
		async stop() {
			redis.stop(3000);
			await redis.result;
			fs.rmSync(dir, { recursive: true, force: true });
		},
	};
}

module.exports = { startRedis, ensureRedisServer };
