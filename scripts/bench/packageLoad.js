'use strict';
/**
 * What the package costs a user before it does anything: the tarball, the installed size in an
 * n8n user folder, and the time to load it.
 *
 *   node scripts/bench/packageLoad.js [--repo DIR]... [--runs 7] [--n8n-start]
 *
 * Each `--repo` (default: this repository) must be built; several are measured side by side,
 * their runs alternating. Steps, for each:
 * - `npm pack --dry-run --json`: the tarball's size, unpacked size and files;
 * - the packed package installed into a fresh user folder as n8n's community installer does
 *   (scripts/e2e/realN8n.js installPackage: unpacked, then `npm install` with n8n's flags for
 *   its dependencies): bytes and files of the package folder and of its node_modules;
 * - load time, `--runs` times in a fresh Node process each: `require()` every node and
 *   credential file package.json lists and construct each class, as n8n's loader does, with
 *   n8n-workflow (taken from the cached n8n 1.x) loaded before the clock starts;
 * - the same for phone reading alone: `require()` of phone.ts's build (which loads
 *   libphonenumber-js) and one number read;
 * - with `--n8n-start`, also n8n 1.x's `n8n start` until /healthz answers, with the package
 *   and with an empty user folder, `--runs` times each, alternating, after one uncounted start
 *   of each (the first creates the database).
 * Times are wall time and CPU time (user + system) of the process measured: on a busy machine
 * the CPU time is the steadier figure. Prints JSON (medians, min, max) on stdout.
 */
const childProcess = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const realN8n = require('../e2e/realN8n');

/** Every value of `--name` in argv. */
function options(name) {
	return process.argv.flatMap((arg, index) => (arg === `--${name}` ? [process.argv[index + 1]] : []));
}
const REPOS = (options('repo').length ? options('repo') : [path.join(__dirname, '..', '..')]).map((repo) => path.resolve(repo));
const RUNS = Number(options('runs')[0] ?? '7');
const N8N_START = process.argv.includes('--n8n-start');

const median = (values) => {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const summary = (values) => ({ median: median(values), min: Math.min(...values), max: Math.max(...values), runs: values });

/** Bytes and files under `dir` (apparent sizes), 0 when it does not exist. */
function footprint(dir) {
	let bytes = 0;
	let files = 0;
	const walk = (current) => {
		for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
			const full = path.join(current, entry.name);
			if (entry.isDirectory()) walk(full);
			else if (entry.isFile()) (bytes += fs.statSync(full).size), files++;
		}
	};
	if (fs.existsSync(dir)) walk(dir);
	return { bytes, files };
}

function packDryRun(repo) {
	const output = childProcess.execFileSync('npm', ['pack', '--dry-run', '--json', '--loglevel=error'], { cwd: repo, encoding: 'utf8', env: realN8n.installerEnv() });
	const [pack] = JSON.parse(output.slice(output.indexOf('[')));
	return { size: pack.size, unpackedSize: pack.unpackedSize, entryCount: pack.entryCount };
}

/** Run in a fresh Node: load every node and credential of the installed package, timed. */
const LOAD_SCRIPT = `
const path = require('node:path');
const packageDir = process.argv[1];
require('n8n-workflow');
const { n8n } = require(path.join(packageDir, 'package.json'));
const start = process.hrtime.bigint();
const cpu = process.cpuUsage();
for (const file of [...n8n.credentials, ...n8n.nodes]) {
	for (const exported of Object.values(require(path.join(packageDir, file)))) {
		if (typeof exported === 'function') new exported();
	}
}
const ms = Number(process.hrtime.bigint() - start) / 1e6;
const { user, system } = process.cpuUsage(cpu);
const modules = Object.keys(require.cache).filter((file) => file.startsWith(packageDir + path.sep)).length;
process.stdout.write(JSON.stringify({ ms, cpuMs: (user + system) / 1000, modules }));
`;

/** The same for the phone reading alone: phone.ts's build, which loads libphonenumber-js, and one number read. */
const PHONE_SCRIPT = `
const path = require('node:path');
const start = process.hrtime.bigint();
const cpu = process.cpuUsage();
const phone = require(path.join(process.argv[1], 'dist', 'nodes', 'common', 'input', 'phone.js'));
phone.normalizePhoneNumbers('06 12 34 56 78', { defaultCountry: 'FR' });
const { user, system } = process.cpuUsage(cpu);
process.stdout.write(JSON.stringify({ ms: Number(process.hrtime.bigint() - start) / 1e6, cpuMs: (user + system) / 1000 }));
`;

function loadOnce(script, packageDir, n8n) {
	const env = { ...realN8n.installerEnv(), NODE_PATH: path.join(n8n.dir, 'node_modules') };
	const output = childProcess.execFileSync(process.execPath, ['-e', script, packageDir], { env, encoding: 'utf8' });
	return JSON.parse(output);
}

const tenths = (ms) => Math.round(ms * 10) / 10;

async function healthy(port) {
	try {
		const response = await fetch(`http://127.0.0.1:${port}/healthz`);
		return response.ok;
	} catch {
		return false;
	}
}

/** CPU time (user + system) the process `pid` has used, in ms (Linux /proc; clock ticks of 10 ms). */
function cpuMsOf(pid) {
	const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
	return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** `n8n start` on `userFolder` until /healthz answers: `{ ms, cpuMs }` (the n8n process's CPU time by then). */
async function startOnce(n8n, userFolder) {
	const port = await realN8n.freePort();
	const started = Date.now();
	const server = await realN8n.startN8n({ n8n, userFolder, port, echo: false });
	try {
		for (;;) {
			if (await healthy(port)) return { ms: Date.now() - started, cpuMs: cpuMsOf(server.child.pid) };
			if (server.child.exitCode !== null) throw new Error(`n8n exited: ${(await server.result).stderr.slice(-2000)}`);
			if (Date.now() - started > 180_000) throw new Error('n8n did not answer within 180 s');
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
	} finally {
		server.stop(10_000);
		await server.result;
	}
}

/** Packs and installs one repository's package into a fresh user folder; its static figures. */
async function install(repo) {
	if (!fs.existsSync(path.join(repo, 'dist'))) throw new Error(`${repo}/dist is missing: build it first`);
	const manifest = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8'));
	const tarball = await realN8n.packPackage(repo);
	const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'contact-sync-size-'));
	realN8n.encryptionKeyOf(userFolder);
	const packageDir = await realN8n.installPackage(userFolder, tarball);
	fs.rmSync(path.dirname(tarball), { recursive: true, force: true });
	const nodeModules = path.join(packageDir, 'node_modules');
	return {
		userFolder,
		packageDir,
		result: {
			repo,
			version: manifest.version,
			dependencies: manifest.dependencies ?? {},
			pack: packDryRun(repo),
			installed: { package: footprint(packageDir), nodeModules: { ...footprint(nodeModules), exists: fs.existsSync(nodeModules) } },
		},
	};
}

async function main() {
	const n8n = await realN8n.ensureN8n('1.x');
	const installs = [];
	const emptyFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'contact-sync-empty-'));
	try {
		for (const repo of REPOS) installs.push(await install(repo));
		// Every measurement alternates between the repositories, run by run, so that what
		// else the machine does weighs on each alike.
		const loads = installs.map(() => []);
		const phoneLoads = installs.map(() => []);
		for (let run = 0; run < RUNS; run++) {
			installs.forEach(({ packageDir }, index) => {
				loads[index].push(loadOnce(LOAD_SCRIPT, packageDir, n8n));
				phoneLoads[index].push(loadOnce(PHONE_SCRIPT, packageDir, n8n));
			});
		}
		installs.forEach(({ result }, index) => {
			result.load = { wallMs: summary(loads[index].map((load) => tenths(load.ms))), cpuMs: summary(loads[index].map((load) => tenths(load.cpuMs))), modulesLoaded: loads[index][0].modules };
			result.phoneLoad = { wallMs: summary(phoneLoads[index].map((load) => tenths(load.ms))), cpuMs: summary(phoneLoads[index].map((load) => tenths(load.cpuMs))) };
		});

		let n8nStartWithout;
		if (N8N_START) {
			realN8n.encryptionKeyOf(emptyFolder);
			const folders = [...installs.map((entry) => entry.userFolder), emptyFolder];
			// The first start of a user folder creates its database: not counted.
			for (const folder of folders) await startOnce(n8n, folder);
			const starts = folders.map(() => []);
			for (let run = 0; run < RUNS; run++) {
				for (const [index, folder] of folders.entries()) starts[index].push(await startOnce(n8n, folder));
			}
			const startSummary = (runs) => ({ wallMs: summary(runs.map((run) => run.ms)), cpuMs: summary(runs.map((run) => run.cpuMs)) });
			installs.forEach(({ result }, index) => (result.n8nStart = startSummary(starts[index])));
			n8nStartWithout = startSummary(starts.at(-1));
		}
		const report = { node: process.version, n8n: n8n.version, cpus: os.cpus().length, loadAverage: os.loadavg(), packages: installs.map((entry) => entry.result), n8nStartWithout };
		process.stdout.write(`${JSON.stringify(report, null, '\t')}\n`);
	} finally {
		for (const { userFolder } of installs) fs.rmSync(userFolder, { recursive: true, force: true });
		fs.rmSync(emptyFolder, { recursive: true, force: true });
	}
}

main().then(
	() => process.exit(0),
	(error) => {
		process.stderr.write(`${error.stack ?? error}\n`);
		process.exit(1);
	},
);
