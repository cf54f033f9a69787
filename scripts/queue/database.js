'use strict';
/**
 * The database every process of the queue-mode cluster shares, and what the checks read from
 * it. PostgreSQL by default, as n8n's docs require for queue mode (postgres.js); SQLite in the
 * user folder with `--db sqlite`, the way this run worked before (n8n warns it is not
 * supported in queue mode). Returns `{ kind, env, describe, query(sql), stop() }`.
 */
const path = require('node:path');

const realN8n = require('../e2e/realN8n');
const { startPostgres } = require('./postgres');

/**
 * SQLite in WAL mode (what a pool size turns on): the main reads while a worker writes an
 * execution; without it the processes take turns on one rollback journal. The checks read it
 * with the line's own Node and sqlite3 build (n8n 2's is built for Node 24).
 */
function sqliteDatabase(n8n, userFolder) {
	const file = path.join(userFolder, '.n8n', 'database.sqlite');
	const script = `
		const sqlite3 = require('sqlite3');
		const [file, sql] = process.argv.slice(1);
		const db = new sqlite3.Database(file, sqlite3.OPEN_READONLY, (error) => { if (error) throw error; });
		db.all(sql, [], (error, rows) => {
			if (error) throw error;
			process.stdout.write(JSON.stringify(rows));
			db.close();
		});`;
	return {
		kind: 'sqlite',
		describe: `SQLite (WAL) in ${file}`,
		env: { DB_TYPE: 'sqlite', DB_SQLITE_POOL_SIZE: '2' },
		async query(sql) {
			const result = await realN8n.run(n8n.nodeBin, ['-e', script, file, sql], { cwd: n8n.dir, env: realN8n.installerEnv() });
			if (result.exitCode !== 0) throw new Error(`reading ${file} failed: ${result.stderr.trim().slice(-800)}`);
			return JSON.parse(result.stdout);
		},
		stop: async () => undefined,
	};
}

async function startDatabase(kind, { n8n, userFolder, log }) {
	if (kind === 'sqlite') return sqliteDatabase(n8n, userFolder);
	if (kind !== 'postgres') throw new Error(`--db must be postgres or sqlite, not "${kind}"`);
	const postgres = await startPostgres({ log });
	return {
		kind,
		describe: `PostgreSQL ${postgres.version} on 127.0.0.1:${postgres.port} (server pid ${postgres.pid}, run as ${postgres.runsAs})`,
		env: postgres.env,
		query: (sql) => postgres.query(sql),
		stop: () => postgres.stop(),
	};
}

/** `ids` written into SQL: ours or n8n's, checked to be plain ids first. */
function idList(ids) {
	for (const id of ids) if (!/^[A-Za-z0-9_-]+$/.test(String(id))) throw new Error(`not an id: ${id}`);
	return ids.map((id) => `'${id}'`).join(',');
}

/** `{ id, status, mode }` of the executions `ids` as n8n saved them. */
async function savedExecutions(db, ids) {
	if (ids.length === 0) return [];
	// Postgres holds the id as an integer: compare as text on both databases.
	const rows = await db.query(`SELECT id, status, mode FROM execution_entity WHERE CAST(id AS TEXT) IN (${idList(ids)})`);
	return rows.map((row) => ({ ...row, id: String(row.id) }));
}

/** Ids of the workflows `ids` that n8n holds as active. */
async function activeWorkflows(db, ids) {
	return (await db.query(`SELECT id FROM workflow_entity WHERE active AND id IN (${idList(ids)})`)).map((row) => row.id);
}

module.exports = { startDatabase, savedExecutions, activeWorkflows };
