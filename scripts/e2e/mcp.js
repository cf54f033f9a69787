'use strict';
/**
 * Issue 19 in a real n8n: our nodes as tools of n8n's MCP Server Trigger, called by the official
 * MCP client (@modelcontextprotocol/sdk) over Streamable HTTP. A fresh user folder gets the packed
 * package, sandbox credentials, one workflow exposing the four nodes' tool variants (their
 * parameters from $fromAI(), Default Country FR) and examples/mcp-skode-upsert.json; both are
 * activated the way the line does it, then `n8n start`. Each tool is listed, then called with a
 * national phone (one contact in E.164, returned) and an unreadable one (an error naming it,
 * nothing written). Judged by the client's results and the sandboxes' request logs, never by
 * n8n's executions (n8n may record a failed tool call as a success). Used by run.js.
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const realN8n = require('./realN8n');
const { mcpClient } = require('./mcpClient');
const { TOOLS, WORKFLOW_ID, toolNameOf, toolsWorkflow, activate } = require('./mcpWorkflow');
const { SKODE_KEY } = require('../../test/servers/skode');
const { TETHER_ACCESS_TOKEN } = require('../../test/servers/tether');
const { createSkipcallServer } = require('../../test/servers/skipcall');
const { createKlenServer } = require('../../test/servers/klen');
const { createSkodeServer } = require('../../test/servers/skode');
const { createTetherServer } = require('../../test/servers/tether');

const EXAMPLE = { file: 'mcp-skode-upsert.json', id: 'mcpSkodeUpsert01', path: 'skode-contacts', tool: 'Skode_AI' };
const EXAMPLE_FILE = path.join(__dirname, '..', '..', 'examples', EXAMPLE.file);
/** Every secret the sandbox credentials hold: none may show in what a client sees. */
const SECRETS = ['sk_test_valid', 'klen_valid', SKODE_KEY, TETHER_ACCESS_TOKEN];

const show = (value) => JSON.stringify(value)?.slice(0, 600);

const textOf = (result) => (result?.content ?? []).map((part) => part.text ?? '').join('\n');
const parseJson = (text) => {
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
};
const writesOf = (server) => server.requests.filter((request) => request.method !== 'GET');

/** Lists the tools of one MCP path and checks their names, descriptions and input schemas. */
async function checkListing(prefix, client, expected, check) {
	const { tools } = await client.listTools();
	const names = tools.map((tool) => tool.name).sort();
	check(`${prefix}: tools/list gives exactly ${expected.map((tool) => tool.toolName).join(', ')}`, JSON.stringify(names) === JSON.stringify(expected.map((tool) => tool.toolName).sort()), show(names));
	for (const { toolName, keys } of expected) {
		const listed = tools.find((tool) => tool.name === toolName);
		const properties = Object.keys(listed?.inputSchema?.properties ?? {}).sort();
		check(
			`${prefix}: ${toolName} has a description and an input schema of its $fromAI keys (${keys.join(', ')})`,
			typeof listed?.description === 'string' && listed.description.trim() !== '' && JSON.stringify(properties) === JSON.stringify([...keys].sort()),
			`description: ${show(listed?.description)}; properties: ${show(properties)}`,
		);
	}
	return tools;
}

/**
 * Calls `toolName` with a national phone (one contact written, in E.164, and returned) then with
 * `12345` (an error naming it, nothing written). Returns every text the client got.
 */
async function callTwice(prefix, client, { toolName, server, phoneOf, args }, check) {
	server.reset();
	server.contacts.clear?.();
	const good = await client.callTool({ name: toolName, arguments: { ...args, phone: '06 12 34 56 78' } });
	const goodText = textOf(good);
	const answer = parseJson(goodText);
	const contact = Array.isArray(answer) ? answer[0] : answer;
	check(
		`${prefix}: ${toolName}("06 12 34 56 78") answers the contact, in E.164`,
		!good.isError && Array.isArray(answer) && answer.length === 1 && phoneOf(contact) === '+33612345678',
		`isError: ${good.isError}; ${goodText.slice(0, 600)}`,
	);
	const writes = writesOf(server);
	const stored = [...server.contacts.values()];
	check(
		`${prefix}: ${toolName}: the sandbox received exactly one write, with +33612345678, and holds that one contact`,
		writes.length === 1 && JSON.stringify(writes[0].body).includes('+33612345678') && stored.length === 1 && phoneOf(stored[0]) === '+33612345678' && JSON.stringify(answer).includes(JSON.stringify(stored[0]._id ?? stored[0].id)),
		`writes: ${writes.map((request) => `${request.method} ${request.path} ${show(request.body)}`).join('\n')}\ncontacts: ${show(stored)}`,
	);

	server.reset();
	const bad = await client.callTool({ name: toolName, arguments: { ...args, email: `bad.${args.email}`, phone: '12345' } });
	const badText = textOf(bad);
	check(
		`${prefix}: ${toolName}("12345") answers an error naming 12345`,
		(bad.isError === true || /error/i.test(badText)) && badText.includes('12345') && parseJson(badText) === undefined,
		`isError: ${bad.isError}; ${badText.slice(0, 600)}`,
	);
	check(`${prefix}: ${toolName}("12345"): nothing written, still one contact`, writesOf(server).length === 0 && server.contacts.size === 1, show(writesOf(server).map((request) => request.body)));
	return { texts: [goodText, badText], badText, isError: bad.isError === true };
}

/**
 * examples/mcp-skode-upsert.json through its own MCP path: Skode_AI listed with the example's
 * $fromAI inputs (the email optional), then a call creates Jean Martin and a second, without an
 * email, finds him by his phone and updates him. Returns every text the client got.
 */
async function exampleScenario(prefix, client, skode, check) {
	const [listed] = await checkListing(prefix, client, [{ toolName: EXAMPLE.tool, keys: ['fullName', 'email', 'phone'] }], check);
	const schema = listed?.inputSchema ?? {};
	check(
		`${prefix}: each input tells the model what to give (its $fromAI description); the email may be left out`,
		Object.values(schema.properties ?? {}).every((property) => property.description?.length > 20) && JSON.stringify([...(schema.required ?? [])].sort()) === '["fullName","phone"]',
		show(schema),
	);
	skode.reset();
	skode.contacts.clear();
	const call = async (args) => {
		const result = await client.callTool({ name: EXAMPLE.tool, arguments: args });
		const text = textOf(result);
		return { result, text, contact: [parseJson(text)].flat()[0] };
	};
	const writes = () => writesOf(skode).map((request) => `${request.method} ${request.path} ${show(request.body)}`).join('\n');
	const first = await call({ fullName: 'Jean Martin', email: 'jean.martin@example.com', phone: '07 81 23 45 67' });
	check(
		`${prefix}: ${EXAMPLE.tool} creates Jean Martin once in Skode AI, +33781234567, and answers the contact`,
		!first.result.isError && first.contact?.phone === '+33781234567' && first.contact?.upsertResult === 'created' && writesOf(skode).length === 1 && writesOf(skode)[0].method === 'POST' && skode.contacts.size === 1,
		`answer: ${first.text.slice(0, 400)}\nwrites: ${writes()}`,
	);
	skode.reset();
	const second = await call({ fullName: 'Jean Martin', phone: '+33 7 81 23 45 67' });
	check(
		`${prefix}: called again without an email, ${EXAMPLE.tool} finds Jean Martin by his phone and updates him (one PATCH, no new contact)`,
		!second.result.isError && second.contact?.upsertResult === 'updated' && second.contact?.id === first.contact?.id && writesOf(skode).length === 1 && writesOf(skode)[0].method === 'PATCH' && skode.contacts.size === 1,
		`answer: ${second.text.slice(0, 400)}\nwrites: ${writes()}`,
	);
	return [first.text, second.text];
}

/**
 * `context`: `{ n8n, tarball, keep, cleanups, sandboxCredentials(urls) }` (run.js's). Starts and
 * stops its own sandboxes and `n8n start`, in its own user folder.
 */
async function mcpScenario(prefix, { n8n, tarball, keep, cleanups, sandboxCredentials }, check) {
	prefix = `${prefix} MCP`;
	const started = Date.now();
	const servers = { Skipcall: createSkipcallServer(), 'Klen AI': createKlenServer(), 'Skode AI': createSkodeServer(), Tether: createTetherServer() };
	await Promise.all(Object.values(servers).map(async (server) => await server.start()));
	const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'contact-sync-n8n-mcp-'));
	const removeUserFolder = () => fs.rmSync(userFolder, { recursive: true, force: true });
	if (!keep) cleanups?.add(removeUserFolder);
	let n8nServer;
	try {
		const mcpPath = `contact-sync-e2e-${crypto.randomBytes(6).toString('hex')}`;
		const example = { ...JSON.parse(fs.readFileSync(EXAMPLE_FILE, 'utf8')), id: EXAMPLE.id };
		const credentials = sandboxCredentials({ skipcallBaseUrl: servers.Skipcall.baseUrl, klenBaseUrl: servers['Klen AI'].baseUrl, skodeBaseUrl: servers['Skode AI'].baseUrl, tetherBaseUrl: servers.Tether.baseUrl });
		const times = {};
		const lap = (name, since) => (times[name] = Math.round((Date.now() - since) / 1000));
		let setupError;
		try {
			await realN8n.prepareUserFolder({ n8n, tarball, credentials, workflows: [toolsWorkflow(mcpPath), example], userFolder });
			lap('install and import', started);
			const activating = Date.now();
			await activate(n8n, userFolder, [WORKFLOW_ID, EXAMPLE.id]);
			lap('activation', activating);
		} catch (error) {
			setupError = error;
		}
		const how = n8n.line === '1.x' ? 'update:workflow --active=true' : 'publish:workflow';
		if (!check(`${prefix}: the four-tool workflow and examples/${EXAMPLE.file} import, and activate with ${how}`, !setupError, setupError?.message)) return;

		const port = await realN8n.freePort();
		const base = `http://127.0.0.1:${port}`;
		const starting = Date.now();
		n8nServer = await realN8n.startN8n({ n8n, userFolder, port, echo: false });
		await realN8n.waitForHttp(`${base}/rest/settings`, { stopped: n8nServer.result });
		lap('n8n start', starting);
		const ready = Date.now();

		const texts = [];
		const client = await mcpClient(`${base}/mcp/${mcpPath}`, { stopped: n8nServer.result });
		try {
			const expected = TOOLS.map((tool) => ({ ...tool, toolName: toolNameOf(tool.name), server: servers[tool.name] }));
			const listed = await checkListing(prefix, client, expected, check);
			texts.push(JSON.stringify(listed));
			const errors = [];
			for (const tool of expected) {
				const args = tool.keys.includes('fullName') ? { fullName: 'Marie Dupont', email: 'marie.dupont@example.com' } : { firstName: 'Marie', lastName: 'Dupont', email: 'marie.dupont@example.com' };
				const calls = await callTwice(prefix, client, { ...tool, args }, check);
				texts.push(...calls.texts);
				errors.push(`${tool.toolName}: isError ${calls.isError}: ${calls.badText.split('\n')[0].slice(0, 200)}`);
			}
			console.log(`  · ${prefix}: how n8n ${n8n.version} answers a failed tool call:\n      ${errors.join('\n      ')}`);
		} finally {
			await client.close();
		}

		// The example: its tool listed with its $fromAI keys, then called.
		const exampleClient = await mcpClient(`${base}/mcp/${EXAMPLE.path}`, { stopped: n8nServer.result });
		try {
			texts.push(...(await exampleScenario(`${prefix} example`, exampleClient, servers['Skode AI'], check)));
		} finally {
			await exampleClient.close();
		}
		const leaked = SECRETS.filter((secret) => texts.some((text) => text.includes(secret)));
		check(`${prefix}: no API key or token appears in any tool listing or result`, leaked.length === 0, `found: ${leaked.map((secret) => `${secret.slice(0, 6)}…`).join(', ')}`);
		lap('MCP calls', ready);
		const phases = Object.entries(times).map(([name, seconds]) => `${name} ${seconds} s`).join(', ');
		console.log(`  · ${prefix}: ${Math.round((Date.now() - started) / 1000)} s in all (${phases})`);
	} finally {
		if (n8nServer) {
			n8nServer.stop(15_000);
			await n8nServer.result;
		}
		await Promise.all(Object.values(servers).map(async (server) => await server.stop()));
		if (keep) console.log(`${prefix}: user folder kept: ${userFolder}`);
		else {
			cleanups?.delete(removeUserFolder);
			removeUserFolder();
		}
	}
}

module.exports = { mcpScenario, MCP_EXAMPLE: EXAMPLE };
