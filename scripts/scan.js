'use strict';
/**
 * `npm run scan`: the lint part of n8n's verification of community packages, offline.
 *
 * n8n's scanner (@n8n/scan-community-package) checks a published version: provenance, then
 * its ESLint rules over the attested source (package.json, nodes/ and credentials/) and over
 * the published tarball (every .js and package.json). Its CLI needs the registry and GitHub;
 * its `analyzePackage(dir, patterns)` does not. This script runs that function on what
 * `npm pack` makes of the built repository (run `npm run build` first) with the tarball's
 * patterns, and on the repository with the source's patterns. It prints the findings and
 * exits 1 on any.
 *
 * The scanner is installed once, outside the repository (`$CONTACT_SYNC_N8N_CACHE`, else
 * ~/.cache/n8n-nodes-contact-sync, as the real-n8n installer does), from the lockfile in
 * scripts/scanner/: exact versions of the scanner and its whole tree, no install scripts, and
 * npm's own peer-dependency resolution. The project's `legacy-peer-deps=true` would give the
 * scanner's @typescript-eslint a TypeScript it cannot run with. Once installed, no network.
 * Plain Node, no dependencies.
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');

const { cacheRoot, installerEnv, packPackage, run } = require('./e2e/realN8n');

const REPO = path.resolve(__dirname, '..');
const SCANNER_PROJECT = path.join(__dirname, 'scanner');
const SCANNER_NAME = '@n8n/scan-community-package';
/** What n8n's scanner lints in the tarball (analyzePackageByName). */
const TARBALL_PATTERNS = ['**/*.js', 'package.json'];
/** What it lints in the source, when the scanner does not export its own list. */
const FALLBACK_SOURCE_PATTERNS = ['package.json', '{nodes,credentials}/**/*.{js,ts,json}'];
const INSTALL_TIMEOUT_MS = 10 * 60_000;

/**
 * npm settings for the scanner's install, on npm's command line (they beat every npmrc and
 * the environment): the lockfile as written, no install scripts, peer dependencies resolved.
 */
const NPM_CI_ARGS = [
	'ci',
	'--ignore-scripts=true',
	'--legacy-peer-deps=false',
	'--strict-peer-deps=false',
	'--global=false',
	'--include=optional',
	'--omit=dev',
	'--audit=false',
	'--fund=false',
	'--update-notifier=false',
	'--loglevel=error',
];

function log(text) {
	process.stdout.write(`${text}\n`);
}

/** The scanner's folder in the cache, named after its lockfile: a new lockfile, a new install. */
function scannerDir() {
	const lock = fs.readFileSync(path.join(SCANNER_PROJECT, 'package-lock.json'));
	const digest = crypto.createHash('sha256').update(lock).digest('hex').slice(0, 12);
	const { dependencies } = JSON.parse(fs.readFileSync(path.join(SCANNER_PROJECT, 'package.json'), 'utf8'));
	return path.join(cacheRoot(), `scan-community-package-${dependencies[SCANNER_NAME]}-${digest}`);
}

const scannerModule = (dir) => path.join(dir, 'node_modules', ...SCANNER_NAME.split('/'), 'scanner', 'scanner.mjs');

/**
 * Installs the scanner unless the cache has it. The install goes into a folder of its own,
 * renamed into place when complete: an interrupted install leaves no half folder, and two
 * runs at once each finish (the second discards its copy).
 */
async function ensureScanner() {
	const dir = scannerDir();
	if (fs.existsSync(scannerModule(dir))) return dir;
	fs.mkdirSync(path.dirname(dir), { recursive: true });
	const staging = fs.mkdtempSync(`${dir}.installing-`);
	try {
		for (const file of ['package.json', 'package-lock.json']) fs.copyFileSync(path.join(SCANNER_PROJECT, file), path.join(staging, file));
		log(`Installing ${SCANNER_NAME} into ${dir} (once)…`);
		const installed = await run('npm', NPM_CI_ARGS, { cwd: staging, env: installerEnv(), timeoutMs: INSTALL_TIMEOUT_MS });
		if (installed.exitCode !== 0) {
			const tail = `${installed.stdout}\n${installed.stderr}`.trim().split('\n').slice(-30).join('\n');
			throw new Error(`npm ci of the scanner failed (${installed.timedOut ? 'timed out' : `exit ${installed.exitCode}`}):\n${tail}`);
		}
		if (!fs.existsSync(scannerModule(staging))) throw new Error(`npm ci installed no ${scannerModule(staging)}`);
		try {
			fs.renameSync(staging, dir);
		} catch (error) {
			// Another run put it in place first.
			if (!fs.existsSync(scannerModule(dir))) throw error;
		}
	} finally {
		fs.rmSync(staging, { recursive: true, force: true });
	}
	return dir;
}

/** Unpacks the tarball as n8n's scanner does (`tar -xzf … --strip-components=1`). */
async function unpack(tarball) {
	const target = path.join(path.dirname(tarball), 'package');
	fs.mkdirSync(target, { recursive: true });
	const unpacked = await run('tar', ['-xzf', tarball, '-C', target, '--strip-components=1']);
	if (unpacked.exitCode !== 0) throw new Error(`unpacking ${tarball} failed: ${unpacked.stderr}`);
	return target;
}

/** Prints one pass's result, paths relative to `root`; returns whether it passed. */
function report(title, result, root) {
	if (result.passed) {
		log(`✓ ${title}: no findings`);
		return true;
	}
	log(`✗ ${title}: ${result.message}`);
	if (result.details) log(`${result.details.split(`${root}${path.sep}`).join('').trim()}\n`);
	else if (result.error) log(`${result.error.stack ?? result.error}\n`);
	return false;
}

async function main() {
	if (!fs.existsSync(path.join(REPO, 'dist'))) throw new Error('dist is missing: run `npm run build` first (npm run scan checks what npm pack ships).');
	const dir = await ensureScanner();
	const scannerVersion = JSON.parse(fs.readFileSync(path.join(dir, 'node_modules', ...SCANNER_NAME.split('/'), 'package.json'), 'utf8')).version;
	const scanner = await import(pathToFileURL(scannerModule(dir)).href);
	const sourcePatterns = scanner.SOURCE_FILE_PATTERNS ?? FALLBACK_SOURCE_PATTERNS;

	const tarball = await packPackage(REPO);
	try {
		const packageDir = await unpack(tarball);
		log(`${SCANNER_NAME} ${scannerVersion}, offline (analyzePackage):`);
		const passes = [
			[`the tarball ${path.basename(tarball)} (${TARBALL_PATTERNS.join(', ')})`, await scanner.analyzePackage(packageDir, TARBALL_PATTERNS), packageDir],
			[`the source (${sourcePatterns.join(', ')})`, await scanner.analyzePackage(REPO, sourcePatterns), REPO],
		];
		const passed = passes.map(([title, result, root]) => report(title, result, root)).every(Boolean);
		log(passed ? 'n8n scanner: passed' : 'n8n scanner: failed');
		return passed ? 0 : 1;
	} finally {
		fs.rmSync(path.dirname(tarball), { recursive: true, force: true });
	}
}

if (require.main === module) {
	main().then(
		(code) => process.exit(code),
		(error) => {
			process.stderr.write(`npm run scan: ${error.stack ?? error}\n`);
			process.exit(1);
		},
	);
}

module.exports = { TARBALL_PATTERNS, scannerDir, ensureScanner };
