'use strict';
/**
 * `npm run dev`: try the nodes in a real n8n editor against sandbox servers, with nothing to
 * configure. Builds, starts the contract servers of every provider on fixed ports (in-memory
 * data, rate limits on), installs the packed package into a persistent n8n user folder,
 * imports the "… sandbox" credentials and the example workflows, and runs `n8n start` on
 * http://localhost:5678. Ctrl-C stops everything it started.
 * Usage: node scripts/dev.js [--line 1.x|2.x] [--port 5678]
 * Env: CONTACT_SYNC_DEV_USER_FOLDER (default <cache>/dev-user, dev-user-2.x for n8n 2),
 *      CONTACT_SYNC_N8N_CACHE (the n8n cache, default ~/.cache/n8n-nodes-contact-sync).
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const realN8n = require('./e2e/realN8n');
const { sandboxCredentials, exampleWorkflows } = require('./e2e/run');
const { createSkipcallServer } = require('../test/servers/skipcall');
const { createKlenServer } = require('../test/servers/klen');
const { createSkodeServer, SKODE_KEY } = require('../test/servers/skode');
const { createTetherServer, TETHER_USER, TETHER_ACCESS_TOKEN } = require('../test/servers/tether');

const REPO = path.resolve(__dirname, '..');
const EXAMPLES = path.join(REPO, 'examples');
const SANDBOX_PORTS = { skipcall: 4010, klen: 4020, skode: 4030, tether: 4040 };

/**
 * n8n 2 lets "Read/Write Files from Disk" read only under N8N_RESTRICT_FILE_ACCESS_TO (default
 * ~/.n8n-files), n8n 1 anywhere but its own folder: keep what applies and add the examples.
 */
function fileAccessEnv(line) {
	const allowed = process.env.N8N_RESTRICT_FILE_ACCESS_TO ?? (line === '1.x' ? '' : path.join(os.homedir(), '.n8n-files'));
	return allowed ? { N8N_RESTRICT_FILE_ACCESS_TO: `${allowed};${EXAMPLES}` } : {};
}

function option(argv, name, fallback) {
	const index = argv.indexOf(name);
	return index === -1 ? fallback : argv[index + 1];
}

async function main(argv) {
	const line = option(argv, '--line', '1.x');
	const port = Number(option(argv, '--port', '5678'));
	const servers = [];
	let n8nProcess;
	let tarball;
	let stopping = false;

	async function stopAll(code) {
		if (stopping) return;
		stopping = true;
		console.log('\nStopping n8n and the sandbox servers…');
		if (n8nProcess) {
			n8nProcess.stop(15_000);
			await n8nProcess.result;
		}
		await Promise.all(servers.map((server) => server.stop()));
		realN8n.stopAllChildren();
		if (tarball) fs.rmSync(path.dirname(tarball), { recursive: true, force: true });
		process.exit(code);
	}
	for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => void stopAll(0));

	console.log('Building…');
	const built = await realN8n.run('npm', ['run', 'build'], { cwd: REPO, echo: true, timeoutMs: 5 * 60_000 });
	if (built.exitCode !== 0) throw new Error('npm run build failed');

	const skipcall = createSkipcallServer();
	const klen = createKlenServer();
	const skode = createSkodeServer();
	// Its login tokens expire after 20 requests (test/servers/tether.js): a sync shows the node logging in again.
	const tether = createTetherServer();
	for (const [server, sandboxPort] of [[skipcall, SANDBOX_PORTS.skipcall], [klen, SANDBOX_PORTS.klen], [skode, SANDBOX_PORTS.skode], [tether, SANDBOX_PORTS.tether]]) {
		await server.start(sandboxPort);
		servers.push(server);
	}
	console.log(`Sandbox Skipcall API: ${skipcall.baseUrl} (key sk_test_valid)`);
	console.log(`Sandbox Klen AI API:  ${klen.baseUrl} (key klen_valid)`);
	console.log(`Sandbox Skode AI API: ${skode.baseUrl} (key ${SKODE_KEY})`);
	console.log(`Sandbox Tether:       ${tether.baseUrl} (login ${TETHER_USER.email} / ${TETHER_USER.password}, or access token ${TETHER_ACCESS_TOKEN.slice(0, 12)}…)`);

	const n8n = await realN8n.ensureN8n(line);
	tarball = await realN8n.packPackage(REPO);
	const userFolder =
		process.env.CONTACT_SYNC_DEV_USER_FOLDER || path.join(realN8n.cacheRoot(), line === '1.x' ? 'dev-user' : `dev-user-${line}`);
	console.log(`Installing the package into ${userFolder}; importing the sandbox credentials and the examples…`);
	const env = fileAccessEnv(line);
	await realN8n.prepareUserFolder({
		n8n,
		tarball,
		userFolder,
		env,
		credentials: sandboxCredentials({ skipcallBaseUrl: skipcall.baseUrl, klenBaseUrl: klen.baseUrl, skodeBaseUrl: skode.baseUrl, tetherBaseUrl: tether.baseUrl }),
		workflows: exampleWorkflows(),
	});
	fs.rmSync(path.dirname(tarball), { recursive: true, force: true });
	tarball = undefined;

	console.log(`Starting n8n ${n8n.version}…`);
	n8nProcess = await realN8n.startN8n({ n8n, userFolder, port, env });
	n8nProcess.result.then((result) => {
		if (!stopping) {
			console.error(`n8n exited on its own (exit ${result.exitCode}).`);
			void stopAll(1);
		}
	});
	// /healthz answers a few seconds before the editor's REST API is mounted: wait for the latter.
	await realN8n.waitForHttp(`http://127.0.0.1:${port}/rest/settings`, { stopped: n8nProcess.result });
	console.log(`\nn8n is ready: http://localhost:${port}`);
	console.log('Credentials "Skipcall sandbox", "Klen AI sandbox", "Skode AI sandbox", "Tether sandbox (login)" and "Tether sandbox (access token)" point at the sandbox servers; the examples are under Workflows.');
	console.log('Press Ctrl-C to stop.\n');
}

main(process.argv.slice(2)).catch((error) => {
	console.error(error.stack ?? error);
	realN8n.stopAllChildren();
	process.exit(1);
});
