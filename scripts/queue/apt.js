'use strict';
/**
 * Debian packages the queue-mode run needs (redis-server, postgresql): found on PATH, or
 * installed with apt-get, which needs root. Only Debian's own repositories are reached.
 */
const fs = require('node:fs');
const path = require('node:path');

const realN8n = require('../e2e/realN8n');

/** The first executable `command` on PATH, if any. */
function onPath(command) {
	return (process.env.PATH ?? '')
		.split(path.delimiter)
		.filter(Boolean)
		.map((dir) => path.join(dir, command))
		.find((file) => {
			try {
				fs.accessSync(file, fs.constants.X_OK);
				return true;
			} catch {
				return false;
			}
		});
}

/** `apt-get update`, then `apt-get install -y --no-install-recommends <packages>`; `what` names them in errors. */
async function aptInstall(packages, what = packages.join(', ')) {
	if (process.getuid?.() !== 0) {
		throw new Error(`${what} is missing and this is not root: run "apt-get update && apt-get install -y ${packages.join(' ')}" as root first`);
	}
	const env = { ...realN8n.installerEnv(), DEBIAN_FRONTEND: 'noninteractive' };
	for (const args of [['update'], ['install', '-y', '--no-install-recommends', ...packages]]) {
		const result = await realN8n.run('apt-get', args, { env, timeoutMs: 10 * 60_000 });
		if (result.exitCode !== 0) {
			throw new Error(`apt-get ${args.join(' ')} failed (exit ${result.exitCode}):\n${`${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-20).join('\n')}`);
		}
	}
}

module.exports = { onPath, aptInstall };
