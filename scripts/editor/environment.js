'use strict';
/**
 * What the editor test runs against, per n8n line: the sandbox servers of the table's nodes
 * (test/servers, on free ports), a real n8n (`n8n start`, fresh user folder, our packed
 * package installed as a community package, quiet offline settings from realN8n.js), and a
 * headless Debian Chromium driven by playwright-core. `stop()` ends all of it, by process
 * group for n8n (realN8n.spawnTracked) and by closing the browser (Playwright kills its own).
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const realN8n = require('../e2e/realN8n');

const CHROMIUM = process.env.CONTACT_SYNC_CHROMIUM || '/usr/bin/chromium';
// The machine is offline: nothing of Chromium's own may try the network.
const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--disable-dev-shm-usage',
];
// Big enough for the node panel, its input and output panes side by side.
const VIEWPORT = { width: 1440, height: 1000 };

/** Temporary folders of this run (n8n user folder, Chromium profile), removed even on Ctrl-C. */
const temporary = new Set();
const removeTemporary = (dir) => (fs.rmSync(dir, { recursive: true, force: true }), temporary.delete(dir));
process.on('exit', () => [...temporary].forEach(removeTemporary));

function temporaryDir(prefix) {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
	temporary.add(dir);
	return dir;
}

/** Starts one sandbox server per distinct `sandbox` of the table; returns Map(key → server). */
async function startSandboxes(repo, nodes) {
	const servers = new Map();
	for (const node of nodes) {
		const { module, create } = node.sandbox;
		const key = `${module}#${create}`;
		if (servers.has(key)) continue;
		const factory = require(path.join(repo, module))[create];
		if (typeof factory !== 'function') throw new Error(`${node.displayName}: ${module} exports no ${create}()`);
		const server = factory();
		await server.start(await realN8n.freePort());
		servers.set(key, server);
	}
	return servers;
}

const sandboxOf = (servers, node) => servers.get(`${node.sandbox.module}#${node.sandbox.create}`);

/** playwright-core, from the repository's devDependencies (no browser download: Debian's Chromium). */
function loadPlaywright(repo) {
	try {
		return require(require.resolve('playwright-core', { paths: [repo] }));
	} catch (error) {
		throw new Error(`playwright-core is not installed (npm ci): ${error.message}`);
	}
}

async function launchBrowser(repo, { downloadsDir }) {
	if (!fs.existsSync(CHROMIUM)) {
		throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (or set CONTACT_SYNC_CHROMIUM)`);
	}
	const { chromium, selectors } = loadPlaywright(repo);
	// n8n marks its elements with data-test-id (Playwright's default is data-testid).
	selectors.setTestIdAttribute('data-test-id');
	// A fresh profile every run: no cookies, no local storage, no cached editor.
	const profile = temporaryDir('contact-sync-chromium-');
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: CHROMIUM,
		headless: true,
		args: CHROMIUM_ARGS,
		viewport: VIEWPORT,
		deviceScaleFactor: 1,
		locale: 'en-US',
		timezoneId: 'UTC',
		downloadsPath: downloadsDir,
	});
	return {
		context,
		async close() {
			await context.close().catch(() => {});
			removeTemporary(profile);
		},
	};
}

/**
 * Everything one line needs. `log` receives progress lines. Returns
 * `{ n8n, baseUrl, servers, sandboxOf(node), browser, userFolder, n8nLog(), stop() }`.
 */
async function startEnvironment({ repo, line, tarball, nodes, log, workDir }) {
	const stops = [];
	const stop = async () => {
		for (const fn of stops.reverse()) await fn().catch(() => {});
		stops.length = 0;
	};
	try {
		const n8n = await realN8n.ensureN8n(line, { log });
		const servers = await startSandboxes(repo, nodes);
		stops.push(async () => Promise.all([...servers.values()].map((server) => server.stop())));

		const userFolder = temporaryDir('contact-sync-editor-user-');
		stops.push(async () => removeTemporary(userFolder));
		await realN8n.prepareUserFolder({ n8n, tarball, userFolder });

		const port = await realN8n.freePort();
		const baseUrl = `http://127.0.0.1:${port}`;
		log(`starting n8n ${n8n.version} on ${baseUrl}`);
		const server = await realN8n.startN8n({
			n8n,
			userFolder,
			port,
			echo: false,
			env: {
				// Plain http on 127.0.0.1: a Secure cookie would not be sent back.
				N8N_SECURE_COOKIE: 'false',
				N8N_EDITOR_BASE_URL: `${baseUrl}/`,
				WEBHOOK_URL: `${baseUrl}/`,
				N8N_LOG_LEVEL: 'warn',
				// No "what's new" or banners fetched from n8n.io.
				N8N_HIRING_BANNER_ENABLED: 'false',
			},
		});
		let n8nOutput;
		const n8nLog = () => n8nOutput ?? '(n8n still running)';
		stops.push(async () => {
			server.stop(10_000);
			const result = await server.result;
			n8nOutput = `${result.stdout}\n${result.stderr}`;
			if (workDir) fs.writeFileSync(path.join(workDir, `n8n-${line}.log`), n8nOutput);
		});
		await realN8n.waitForHttp(`${baseUrl}/rest/settings`, { stopped: server.result });

		const browser = await launchBrowser(repo, { downloadsDir: workDir ?? os.tmpdir() });
		stops.push(() => browser.close());
		return { n8n, baseUrl, servers, sandboxOf: (node) => sandboxOf(servers, node), browser, userFolder, n8nLog, stop };
	} catch (error) {
		await stop();
		throw error;
	}
}

module.exports = { startEnvironment, launchBrowser, CHROMIUM, CHROMIUM_ARGS, VIEWPORT };
