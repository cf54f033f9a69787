'use strict';
/**
 * `npm run test:editor`: the package's nodes in the real n8n editor, in headless Chromium
 * (Debian's `chromium`, driven by playwright-core), on each n8n line we support. For each line:
 * fresh sandbox servers and a fresh n8n (`n8n start`, new user folder, the packed package
 * installed as a community package), the owner created in the sign-up page, then for each node
 * of package.json's `n8n.nodes` the steps of scenario.js, driven by the node's row in nodes.js.
 *
 * Usage: node scripts/editor/run.js [--line 1.x|2.x] [--update-screenshots]
 *   --update-screenshots  copy the README pictures of this run into docs/images/ (from the
 *                         last line run: 2.x unless --line says otherwise)
 * Env: CONTACT_SYNC_EDITOR_OUT (screenshots folder, default a new folder under the system's
 *      temporary folder), CONTACT_SYNC_CHROMIUM (default /usr/bin/chromium), and those of
 *      scripts/e2e/realN8n.js (CONTACT_SYNC_N8N_CACHE).
 * Runs the repository it is in (the parent of scripts/), which must be built (npm run build).
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const REPO = path.resolve(__dirname, '..', '..');

const realN8n = require('../e2e/realN8n');
const { startEnvironment } = require('./environment');
const { Editor, ACTION_TIMEOUT } = require('./editor');
const { NODES, SEARCH_PROBES } = require('./nodes');
const { runNodeScenario } = require('./scenario');
const { BrowserWatch, StepRunner } = require('./steps');

const OWNER = { email: 'owner@example.com', firstName: 'Editor', lastName: 'Test', password: 'Editor-Test-Passw0rd' };

function parseArgs(argv) {
	const options = { lines: Object.keys(realN8n.LINES), updateScreenshots: false };
	for (let index = 0; index < argv.length; index++) {
		const arg = argv[index];
		if (arg === '--update-screenshots') options.updateScreenshots = true;
		else if (arg === '--line' || arg.startsWith('--line=')) {
			const line = arg.includes('=') ? arg.split('=')[1] : argv[++index];
			if (!realN8n.LINES[line]) throw new Error(`--line ${line}: use one of ${Object.keys(realN8n.LINES).join(', ')}`);
			options.lines = [line];
		} else throw new Error(`unknown argument ${arg}. Usage: node scripts/editor/run.js [--line 1.x|2.x] [--update-screenshots]`);
	}
	return options;
}

/** The package's nodes as built: `[{ type, description, instance }]`, in package.json's order. */
function packageNodes() {
	const manifest = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
	return manifest.n8n.nodes.map((file) => {
		const built = path.join(REPO, file);
		if (!fs.existsSync(built)) throw new Error(`${file} is missing: run npm run build`);
		const instance = new (Object.values(require(built))[0])();
		return { file, type: `${manifest.name}.${instance.description.name}`, description: instance.description, instance };
	});
}

/** Text that, in a console message or a URL, points at our package. */
function ourPattern(nodes) {
	const words = [realN8n.PACKAGE_NAME, ...nodes.flatMap(({ type, description }) => [type, ...(description.credentials ?? []).map((credential) => credential.name)])];
	return new RegExp(words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'i');
}

/** What the nodes panel lists for each probe word: which of our nodes, and the first others. */
async function probeSearches(editor, ourNames, folder) {
	const found = {};
	for (const term of SEARCH_PROBES) {
		await editor.searchNodesPanel(term);
		const items = await editor.nodesPanelItems();
		found[term] = { ours: items.filter((item) => ourNames.includes(item)), first: items.slice(0, 8), count: items.length };
		await editor.page.screenshot({ path: path.join(folder, `search-${term.toLowerCase()}.png`) });
	}
	await editor.searchNodesPanel('');
	return found;
}

async function runLine(line, { tarball, nodes, out, updateScreenshots, log }) {
	const folder = path.join(out, line);
	fs.mkdirSync(folder, { recursive: true });
	const docsFolder = path.join(folder, 'docs-images');
	const started = Date.now();
	const rows = NODES;
	const environment = await startEnvironment({ repo: REPO, line, tarball, nodes: rows, workDir: folder, log: (text) => log(`[n8n ${line}] ${text}`) });
	log(`[n8n ${line}] n8n ${environment.n8n.version} ready at ${environment.baseUrl} (${Math.round((Date.now() - started) / 1000)} s)`);
	const page = await environment.browser.context.newPage();
	page.setDefaultTimeout(ACTION_TIMEOUT);
	await BrowserWatch.install(page);
	const watch = new BrowserWatch(page, ourPattern(nodes), environment.baseUrl);
	const steps = new StepRunner({ folder, line, page, watch, log });
	const editor = new Editor(page, environment.baseUrl);
	const searches = {};
	try {
		// Every node of the package needs a row, and every row a node.
		for (const { type, file } of nodes) {
			if (!rows.some((row) => row.type === type)) steps.fail(type, 'has a row in scripts/editor/nodes.js', `${file} (${type}) is in package.json's n8n.nodes but not in the editor test's table`);
		}
		for (const row of rows) {
			if (!nodes.some(({ type }) => type === row.type)) steps.fail(row.displayName, 'is a node of the package', `scripts/editor/nodes.js has a row for ${row.type}, which package.json's n8n.nodes does not list`);
		}

		const signedUp = await steps.run('n8n', 'create the owner in the sign-up page', async () => {
			await editor.signUpOwner(OWNER);
			return `signed in at ${new URL(page.url()).pathname}`;
		});
		if (!signedUp) {
			for (const row of rows) steps.notReached(row.displayName, 'every step', 'the owner could not be created');
			return { results: steps.results, searches };
		}

		await steps.run('n8n', `nodes panel searches recorded (${SEARCH_PROBES.join(', ')})`, async () => {
			await editor.newWorkflow();
			await editor.addFirstNode('Manual Trigger', 'Manual Trigger');
			await editor.openNodesPanel();
			Object.assign(searches, await probeSearches(editor, rows.map((row) => row.displayName), folder));
			await editor.closeNodesPanel();
			fs.writeFileSync(path.join(folder, 'node-search.json'), `${JSON.stringify(searches, null, '\t')}\n`);
			return Object.entries(searches)
				.map(([term, { ours }]) => `${term}: ${ours.join(' + ') || '-'}`)
				.join('; ');
		});

		for (const row of rows) {
			const built = nodes.find(({ type }) => type === row.type);
			if (!built) continue;
			const server = environment.sandboxOf(row);
			await runNodeScenario({ editor, steps, row, description: built.description, nodeInstance: built.instance, server, docsFolder });
		}
	} finally {
		await page.close().catch(() => {});
		await environment.stop();
		log(`[n8n ${line}] done in ${Math.round((Date.now() - started) / 1000)} s; n8n's log: ${path.join(folder, `n8n-${line}.log`)}`);
	}
	if (updateScreenshots) {
		const target = path.join(REPO, 'docs', 'images');
		fs.mkdirSync(target, { recursive: true });
		const pictures = fs.existsSync(docsFolder) ? fs.readdirSync(docsFolder) : [];
		for (const file of pictures) fs.copyFileSync(path.join(docsFolder, file), path.join(target, file));
		log(`[n8n ${line}] --update-screenshots: ${pictures.length} pictures copied into docs/images/ (${pictures.join(', ') || 'none taken'})`);
	}
	return { results: steps.results, searches };
}

async function main(argv) {
	const options = parseArgs(argv);
	const log = (text) => console.log(text);
	const out = process.env.CONTACT_SYNC_EDITOR_OUT || path.join(os.tmpdir(), `contact-sync-editor-${new Date().toISOString().replace(/[:.]/g, '-')}`);
	fs.mkdirSync(out, { recursive: true });
	log(`Screenshots and logs: ${out}`);
	const results = [];
	let nodes;
	let tarball;
	try {
		nodes = packageNodes();
		tarball = await realN8n.packPackage(REPO);
	} catch (error) {
		results.push({ line: '-', node: 'package', name: 'built and packed', passed: false, error: String(error.message ?? error) });
		log(`  ✘ package built and packed\n      ${error.message ?? error}`);
	}
	// With --update-screenshots, the pictures come from the last line run.
	for (const line of nodes ? options.lines : []) {
		const started = Date.now();
		try {
			const last = line === options.lines[options.lines.length - 1];
			const outcome = await runLine(line, { tarball, nodes, out, updateScreenshots: options.updateScreenshots && last, log });
			results.push(...outcome.results);
		} catch (error) {
			results.push({ line, node: 'n8n', name: 'start n8n, the sandboxes and Chromium', passed: false, error: String(error.stack ?? error) });
			log(`  ✘ [n8n ${line}] start n8n, the sandboxes and Chromium\n      ${String(error.stack ?? error).split('\n').join('\n      ')}`);
		}
		log(`[n8n ${line}] ${Math.round((Date.now() - started) / 1000)} s`);
	}
	if (tarball) fs.rmSync(path.dirname(tarball), { recursive: true, force: true });

	const failed = results.filter((result) => !result.passed);
	const passed = results.length - failed.length;
	fs.writeFileSync(path.join(out, 'results.json'), `${JSON.stringify(results, null, '\t')}\n`);
	if (failed.length) {
		log('\nFailures (screenshot first):');
		for (const result of failed) {
			log(`  ${result.screenshot ?? '(no screenshot)'}\n    [n8n ${result.line}] ${result.node}: ${result.name}\n    ${String(result.error ?? result.problems?.join('; ') ?? '').split('\n')[0]}`);
		}
	}
	log(`\nScreenshots of every step: ${out}`);
	log(`${passed} passed, ${failed.length} failed`);
	return failed.length ? 1 : 0;
}

if (require.main === module) {
	for (const signal of ['SIGINT', 'SIGTERM']) {
		process.on(signal, () => {
			realN8n.stopAllChildren();
			console.log(`\nInterrupted (${signal}).`);
			process.exit(1);
		});
	}
	main(process.argv.slice(2))
		.then((code) => {
			process.exitCode = code;
		})
		.catch((error) => {
			console.error(error.stack ?? error);
			console.log('0 passed, 1 failed');
			process.exitCode = 1;
		});
}

module.exports = { main, packageNodes };
