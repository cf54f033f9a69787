'use strict';
/**
 * A throw-away PostgreSQL for n8n's queue mode, the database n8n's docs require for it:
 * Debian's server (installed with apt-get when missing, which needs root), a cluster made with
 * `initdb` in a temporary folder and run by `postgres` in the foreground on 127.0.0.1 on a free
 * port, its socket in that folder too. PostgreSQL refuses to run as root: as root, initdb and
 * the server run as the `postgres` user Debian's package creates (through util-linux's
 * `setpriv`, which execs, so that stopping the process group stops the server itself).
 * One database and one login role for n8n, with a password, over TCP like a real deployment.
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const realN8n = require('../e2e/realN8n');
const { aptInstall, onPath } = require('./apt');

const PROGRAMS = ['initdb', 'postgres', 'psql', 'pg_ctl'];
const DEBIAN_ROOT = '/usr/lib/postgresql';

/** The folder holding initdb, postgres, psql and pg_ctl: Debian's newest /usr/lib/postgresql/<n>/bin, else PATH. */
function findBinDir({ debianRoot = DEBIAN_ROOT } = {}) {
	const complete = (dir) => PROGRAMS.every((program) => fs.existsSync(path.join(dir, program)));
	let versions = [];
	try {
		versions = fs.readdirSync(debianRoot).filter((name) => /^\d+$/.test(name));
	} catch {
		// No Debian PostgreSQL.
	}
	const debian = versions
		.sort((a, b) => Number(b) - Number(a))
		.map((version) => path.join(debianRoot, version, 'bin'))
		.find(complete);
	if (debian) return debian;
	const initdb = onPath('initdb');
	const dir = initdb && path.dirname(fs.realpathSync(initdb));
	return dir && complete(dir) ? dir : undefined;
}

/** Debian's PostgreSQL server programs, installed first when missing. `find` is for the tests of this logic. */
async function ensurePostgres(log, { find = findBinDir, install = aptInstall } = {}) {
	const found = find();
	if (found) return found;
	log('PostgreSQL is missing: apt-get install -y postgresql…');
	await install(['postgresql'], 'PostgreSQL (initdb, postgres)');
	await stopPackageClusters(log);
	const installed = find();
	if (!installed) throw new Error(`apt-get installed postgresql but initdb/postgres are not in ${DEBIAN_ROOT}/<version>/bin`);
	return installed;
}

/**
 * Debian's package makes a cluster "main" on port 5432 and, where services may start (not in
 * a Docker image), starts it. Nothing ran PostgreSQL before this install: stop what it started.
 */
async function stopPackageClusters(log) {
	const listed = await realN8n.run('pg_lsclusters', ['--no-header'], { timeoutMs: 30_000 }).catch(() => undefined);
	for (const [version, name, , status] of (listed?.stdout ?? '').split('\n').map((line) => line.trim().split(/\s+/))) {
		if (status !== 'online') continue;
		log(`stopping the cluster ${version}/${name} that installing postgresql started`);
		await realN8n.run('pg_ctlcluster', [version, name, 'stop'], { timeoutMs: 60_000 });
	}
}

/** uid/gid of the user the server runs as: `postgres` when this is root, else this user. */
function serverUser() {
	if (process.getuid?.() !== 0) return undefined;
	const passwd = fs.readFileSync('/etc/passwd', 'utf8').split('\n').map((line) => line.split(':'));
	const entry = passwd.find((fields) => fields[0] === 'postgres');
	if (!entry) throw new Error('running as root, PostgreSQL needs a non-root user: the "postgres" user (made by Debian\'s postgresql package) is missing');
	return { name: 'postgres', uid: Number(entry[2]), gid: Number(entry[3]) };
}

/** `command args` as `user` (through setpriv) or as this user. */
function asUser(user, command, args) {
	if (!user) return [command, args];
	return ['setpriv', [`--reuid=${user.uid}`, `--regid=${user.gid}`, '--init-groups', '--', command, ...args]];
}

async function waitForServer(psql, socketDir, port, stopped, timeoutMs = 60_000) {
	let gone = false;
	stopped.then(() => (gone = true));
	for (const started = Date.now(); ; await new Promise((resolve) => setTimeout(resolve, 300))) {
		const probe = await realN8n.run(psql, ['-XAtq', '-h', socketDir, '-p', String(port), '-U', 'postgres', '-d', 'postgres', '-c', 'SELECT 1'], { timeoutMs: 10_000 });
		if (probe.exitCode === 0) return;
		if (gone) throw new Error('postgres exited before accepting connections');
		if (Date.now() - started > timeoutMs) throw new Error(`postgres did not accept connections within ${timeoutMs / 1000} s: ${probe.stderr.trim()}`);
	}
}

/**
 * Starts a cluster on a free loopback port with a database and role for n8n. Returns
 * `{ port, pid, env, query(sql), stop() }`: `env` is the DB_* settings every n8n process
 * takes; `query` answers rows as objects (run as the cluster's superuser over its socket).
 */
async function startPostgres({ log = (text) => process.stderr.write(`${text}\n`) } = {}) {
	const bin = await ensurePostgres(log);
	const user = serverUser();
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'contact-sync-postgres-'));
	const dataDir = path.join(dir, 'data');
	fs.mkdirSync(dataDir, { mode: 0o700 });
	if (user) for (const owned of [dir, dataDir]) fs.chownSync(owned, user.uid, user.gid);
	const program = (name) => path.join(bin, name);
	const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8', TZ: 'UTC' };
	const removeDir = () => fs.rmSync(dir, { recursive: true, force: true });

	// Trust on the socket (only the owner of the folder reaches it), passwords over TCP.
	const initArgs = ['-D', dataDir, '-U', 'postgres', '--auth-local=trust', '--auth-host=scram-sha-256', '-E', 'UTF8', '--no-instructions'];
	const init = await realN8n.run(...asUser(user, program('initdb'), initArgs), { cwd: dir, env, timeoutMs: 2 * 60_000 });
	if (init.exitCode !== 0) {
		removeDir();
		throw new Error(`initdb failed (exit ${init.exitCode}):\n${`${init.stdout}\n${init.stderr}`.trim().slice(-1500)}`);
	}
	const port = await realN8n.freePort();
	// A test database: no durability needed, and a few more connections than the default 100
	// for a main and three workers (each n8n process keeps a pool).
	// Dynamic shared memory as files in the data folder: a server killed with SIGKILL (Ctrl-C
	// of this run kills every child) leaves nothing in /dev/shm.
	const settings = {
		listen_addresses: '127.0.0.1',
		port,
		unix_socket_directories: dir,
		dynamic_shared_memory_type: 'mmap',
		fsync: 'off',
		synchronous_commit: 'off',
		full_page_writes: 'off',
		max_connections: 200,
	};
	const serverArgs = ['-D', dataDir, ...Object.entries(settings).flatMap(([name, value]) => ['-c', `${name}=${value}`])];
	const server = realN8n.spawnTracked(...asUser(user, program('postgres'), serverArgs), { cwd: dir, env, timeoutMs: Infinity });
	let sysvSegment;
	const stop = async () => {
		// SIGINT is PostgreSQL's fast shutdown: sessions end, the server writes a checkpoint and exits.
		try {
			process.kill(server.child.pid, 'SIGINT');
		} catch {
			// Already gone.
		}
		const timer = setTimeout(() => server.stop(0), 10_000);
		const { exitCode } = await server.result;
		clearTimeout(timer);
		// Killed, the server leaves its small System V segment behind: remove it by its id.
		if (exitCode !== 0 && sysvSegment) await realN8n.run('ipcrm', ['-m', sysvSegment], { timeoutMs: 10_000 });
		removeDir();
	};
	const superuser = ['-XAtq', '-v', 'ON_ERROR_STOP=1', '-h', dir, '-p', String(port), '-U', 'postgres'];
	const query = async (sql, database = 'n8n') => {
		const wrapped = `SELECT coalesce(json_agg(row_to_json(t)), '[]'::json) FROM (${sql}) t`;
		const result = await realN8n.run(program('psql'), [...superuser, '-d', database, '-c', wrapped], { env, timeoutMs: 60_000 });
		if (result.exitCode !== 0) throw new Error(`psql failed (exit ${result.exitCode}): ${result.stderr.trim().slice(-800)}\n${sql}`);
		return JSON.parse(result.stdout.trim());
	};
	try {
		await waitForServer(program('psql'), dir, port, server.result);
		// postmaster.pid's 7th line: the System V key and id of the server's segment.
		sysvSegment = fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[6]?.trim().split(/\s+/)[1];
		const password = crypto.randomBytes(18).toString('base64url');
		const setup = [`CREATE ROLE n8n LOGIN PASSWORD '${password}'`, 'CREATE DATABASE n8n OWNER n8n'];
		for (const statement of setup) {
			const result = await realN8n.run(program('psql'), [...superuser, '-d', 'postgres', '-c', statement], { env, timeoutMs: 60_000 });
			if (result.exitCode !== 0) throw new Error(`psql "${statement.replace(password, '…')}" failed: ${result.stderr.trim()}`);
		}
		return {
			port,
			pid: server.child.pid,
			version: path.basename(path.dirname(bin)),
			runsAs: user?.name ?? os.userInfo().username,
			env: {
				DB_TYPE: 'postgresdb',
				DB_POSTGRESDB_HOST: '127.0.0.1',
				DB_POSTGRESDB_PORT: String(port),
				DB_POSTGRESDB_DATABASE: 'n8n',
				DB_POSTGRESDB_USER: 'n8n',
				DB_POSTGRESDB_PASSWORD: password,
			},
			query,
			stop,
		};
	} catch (error) {
		await stop();
		const result = await server.result;
		throw new Error(`${error.message}\n${`${result.stdout}\n${result.stderr}`.trim().slice(-1500)}`);
	}
}

module.exports = { startPostgres, ensurePostgres, findBinDir };
