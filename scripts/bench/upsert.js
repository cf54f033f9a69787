'use strict';
/**
 * `npm run bench` scenarios 3 and 4 (issue 13): Create or Update of a sheet half of whose rows
 * are already in the account, in a real n8n, against a contract server enforcing the
 * provider's limit; side by side in one run, the same rows on the same account read once
 * (Options › Lookup Strategy › Automatic: the index) and searched per row (Search for Each Row).
 *   3. Skode AI: 1,000 rows, an account of 2,000 contacts, Requests per Minute 600 against a
 *      server enforcing 600 a minute.
 *   4. Klen AI: 100 rows, an account of 200 contacts, its fixed 60 a minute.
 * Measured: requests the server received (and per row), wall time against requests ÷ limit,
 * rows lost (no contact holding the row's values), duplicates (an email held by more than one
 * contact, or more contacts than the account plus the new rows).
 */
const fs = require('node:fs');
const path = require('node:path');

const realN8n = require('../e2e/realN8n');
const { createSkodeServer, SKODE_KEY } = require('../../test/servers/skode');
const { createKlenServer } = require('../../test/servers/klen');

const pad = (number, width) => String(number).padStart(width, '0');

/** The sheet: even rows are contacts of the account (email in capitals: matched case aside), odd rows new. */
function sheet(rows, account) {
	const existing = Math.ceil(rows / 2);
	const stride = Math.max(1, Math.floor(account / existing));
	return Array.from({ length: rows }, (_, index) => {
		const known = index % 2 === 0;
		const seed = (index / 2) * stride;
		return {
			name: `Row ${index}`,
			email: known ? `ACCOUNT${seed}@EXAMPLE.COM` : `row${index}@example.com`,
			// A new number for every row, written as people do; Default Country US reads it.
			phone: `(415) 2${pad(Math.floor(index / 10000), 2)}-${pad(index % 10000, 4)}`,
			e164: `+14152${pad(Math.floor(index / 10000), 2)}${pad(index % 10000, 4)}`,
		};
	});
}

function writeCsv(folder, name, rows) {
	const file = path.join(folder, `${name}.csv`);
	fs.writeFileSync(file, `Name,Email,Phone\n${rows.map((row) => `${row.name},${row.email},"${row.phone}"`).join('\n')}\n`);
	return file;
}

const PROVIDERS = {
	skode: {
		label: 'Skode AI',
		credential: (baseUrl) => ({ id: 'benchSkode000001', name: 'Skode bench', type: 'skodeApi', data: { apiKey: SKODE_KEY, baseUrl } }),
		server: (limit) => createSkodeServer({ rateLimit: { limit, windowMs: 60_000 } }),
		seed(server, account) {
			server.clear();
			server.seed(account, (index) => ({ name: `Account ${index}`, email: `account${index}@example.com`, phone: `+1415300${pad(index, 4)}` }));
		},
		node: (lookupStrategy, limit) => ({
			type: 'n8n-nodes-contact-sync.skode',
			parameters: {
				resource: 'contact',
				operation: 'upsert',
				name: '={{ $json.Name }}',
				email: '={{ $json.Email }}',
				phone: '={{ $json.Phone }}',
				options: { defaultCountry: 'US', requestsPerMinute: limit, lookupStrategy },
			},
			credentials: { skodeApi: { id: 'benchSkode000001', name: 'Skode bench' } },
		}),
		holds: (contact, row) => contact.name === row.name && contact.phone === row.e164,
		email: (contact) => contact.email,
	},
	klen: {
		label: 'Klen AI',
		credential: (baseUrl) => ({ id: 'benchKlenAi00001', name: 'Klen bench', type: 'klenAiApi', data: { apiKey: 'klen_valid', baseUrl } }),
		server: (limit) => createKlenServer({ rateLimit: { limit, windowMs: 60_000 } }),
		seed(server, account) {
			server.contacts.clear();
			// Ids from 100,000: the server hands out its own from 1,001.
			for (let index = 0; index < account; index++) {
				const id = 100_000 + index;
				server.contacts.set(id, {
					id,
					first_name: `Account ${index}`,
					email: `account${index}@example.com`,
					country: 'US',
					status: 'not_contacted',
					stage: 'lead',
					tags: [],
					phone_numbers: [{ id: 900_000 + index, phone_number: `+1415300${pad(index, 4)}`, phone_type: 'mobile', primary: true, do_not_call: false }],
					custom_context: {},
					industry_context: {},
					created_at: '2024-01-01T00:00:00Z',
					updated_at: '2024-01-01T00:00:00Z',
				});
			}
		},
		node: (lookupStrategy) => ({
			type: 'n8n-nodes-contact-sync.klenAi',
			parameters: {
				resource: 'contact',
				operation: 'upsert',
				firstName: '={{ $json.Name }}',
				additionalFields: { email: '={{ $json.Email }}', phoneNumbers: { number: [{ phoneNumber: '={{ $json.Phone }}' }] } },
				options: { defaultCountry: 'US', lookupStrategy },
			},
			credentials: { klenAiApi: { id: 'benchKlenAi00001', name: 'Klen bench' } },
		}),
		holds: (contact, row) => contact.first_name === row.name && contact.phone_numbers?.[0]?.phone_number === row.e164,
		email: (contact) => contact.email,
	},
};

/** Manual trigger → read the CSV → extract rows → Create or Update (Continue On Fail: every row gives an item). */
function workflow(id, csvFile, sender) {
	const at = (index) => [index * 220, 0];
	const nodes = [
		{ id: `${id}-0`, name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: at(0), parameters: {} },
		{ id: `${id}-1`, name: 'Read CSV', type: 'n8n-nodes-base.readWriteFile', typeVersion: 1, position: at(1), parameters: { fileSelector: csvFile, options: {} } },
		{ id: `${id}-2`, name: 'Extract rows', type: 'n8n-nodes-base.extractFromFile', typeVersion: 1.1, position: at(2), parameters: { operation: 'csv', options: {} } },
		{ id: `${id}-3`, name: 'Upsert', typeVersion: 1, position: at(3), onError: 'continueRegularOutput', ...sender },
	];
	const connect = (from, to) => ({ [from]: { main: [[{ node: to, type: 'main', index: 0 }]] } });
	return {
		id,
		name: id,
		nodes,
		connections: { ...connect('Start', 'Read CSV'), ...connect('Read CSV', 'Extract rows'), ...connect('Extract rows', 'Upsert') },
		settings: { executionOrder: 'v1' },
		active: false,
	};
}

/** What the account holds after the run, against the sheet. */
function verify(provider, server, rows, account) {
	const contacts = [...server.contacts.values()];
	const byEmail = new Map();
	for (const contact of contacts) {
		const email = String(provider.email(contact) ?? '').toLowerCase();
		byEmail.set(email, [...(byEmail.get(email) ?? []), contact]);
	}
	const lost = rows.filter((row) => !(byEmail.get(row.email.toLowerCase()) ?? []).some((contact) => provider.holds(contact, row))).length;
	const sharedEmails = [...byEmail.values()].filter((holders) => holders.length > 1).length;
	const newRows = rows.filter((row) => row.email.startsWith('row')).length;
	return { lost, duplicates: sharedEmails + Math.max(0, contacts.length - account - newRows), contacts: contacts.length };
}

async function measure({ n8n, userFolder, env, server, provider, workflowId, rows, account, limit }) {
	provider.seed(server, account);
	server.setRateLimit(limit, 60_000);
	server.reset();
	const result = await realN8n.executeWorkflow({ n8n, userFolder, workflowId, env, timeoutMs: 60 * 60_000 });
	const task = result.output?.data?.resultData?.runData?.Upsert?.[0];
	const items = realN8n.nodeOutputItems(result.output, 'Upsert') ?? [];
	const count = (what) => items.filter((item) => item.json?.upsertResult === what).length;
	const sent = server.requests.length;
	return {
		exitCode: result.exitCode,
		error: realN8n.executionError(result.output),
		nodeSeconds: task ? task.executionTime / 1000 : undefined,
		sent,
		reads: server.requests.filter((request) => request.method === 'GET').length,
		rateLimited: server.requests.filter((request) => request.rateLimited).length,
		idealSeconds: (sent / limit) * 60,
		created: count('created'),
		updated: count('updated'),
		errorItems: items.filter((item) => item.json?.error !== undefined).length,
		outputItems: items.length,
		...verify(provider, server, rows, account),
	};
}

/**
 * Runs one provider's scenario both ways; returns the table rows and notes for the report.
 * `options`: { provider: 'skode' | 'klen', rows, account, limit, number }.
 */
async function upsertScenario({ n8n, tarball, work, log, env }, options) {
	const provider = PROVIDERS[options.provider];
	const rows = sheet(options.rows, options.account);
	const csv = writeCsv(work, `${options.provider}-upsert-${options.rows}`, rows);
	const server = provider.server(options.limit);
	await server.start();
	try {
		const ids = { auto: `bench${options.provider}Index`.slice(0, 16).padEnd(16, '0'), search: `bench${options.provider}Search`.slice(0, 16).padEnd(16, '0') };
		const { userFolder } = await realN8n.prepareUserFolder({
			n8n,
			tarball,
			credentials: [provider.credential(server.baseUrl)],
			workflows: Object.entries(ids).map(([strategy, id]) => workflow(id, csv, provider.node(strategy, options.limit))),
			env,
		});
		const results = {};
		for (const [strategy, workflowId] of Object.entries(ids)) {
			log(`running ${provider.label} Create or Update, Lookup Strategy ${strategy} (${options.rows} rows, account of ${options.account})…`);
			results[strategy] = await measure({ n8n, userFolder, env, server, provider, workflowId, rows, account: options.account, limit: options.limit });
			log(`  ${JSON.stringify(results[strategy])}`);
		}
		const scenario = `${options.number}. ${provider.label}, ${options.rows.toLocaleString('en')} rows (half in an account of ${options.account.toLocaleString('en')}), ${options.limit}/min enforced`;
		const seconds = (value) => (value === undefined ? 'n/a' : `${value.toFixed(1)} s`);
		const line = (label, result) =>
			`| ${scenario} | ${label} | ${result.sent} (${(result.sent / options.rows).toFixed(3)} per row; ${result.reads} reads) | ${seconds(result.nodeSeconds)} | ${result.nodeSeconds === undefined ? 'n/a' : `${(result.nodeSeconds / result.idealSeconds).toFixed(2)}×`} of ${seconds(result.idealSeconds)} | ${result.lost} | ${result.duplicates} | ${result.created} / ${result.updated} / ${result.errorItems} | ${result.rateLimited} |`;
		return {
			lines: [line('index read once (Automatic)', results.auto), line('search per row', results.search)],
			notes: Object.entries(results).map(
				([strategy, result]) =>
					`${provider.label}, ${strategy === 'auto' ? 'Automatic' : 'Search for Each Row'}: ${result.outputItems} output items, exit code ${result.exitCode}${result.error ? `, stopped with "${result.error.slice(0, 160)}"` : ''}; ${result.contacts} contacts afterwards.`,
			),
			results,
		};
	} finally {
		await server.stop();
	}
}

const UPSERT_TABLE_HEADER = [
	'| Scenario | Create or Update | Requests sent | Wall time (node) | vs requests ÷ limit | Rows lost | Duplicates | created / updated / errors | 429s answered |',
	'|---|---|---|---|---|---|---|---|---|',
];

module.exports = { upsertScenario, UPSERT_TABLE_HEADER };
