'use strict';
/**
 * The crash scenarios of the queue-mode run: which node and operation syncs which rows into
 * which sandbox, and what the sandbox and the second run's items must look like afterwards.
 *   skode-upsert     Skode AI Create or Update, 1,000 rows, the Pro plan's 1,000 a minute
 *   klen-upsert      Klen AI Create or Update, 120 rows: its limit is a fixed 60 a minute, so
 *                    1,000 rows would take ~17 minutes; 120 cross the first minute's budget
 *                    (the crash comes inside it, the re-run goes past it) in ~3 minutes
 *   skode-create     Skode AI Create, 1,000 rows: Skode refuses (409) an email it has
 *   skipcall-create  Skipcall Create, 300 rows at 600 a minute: Skipcall has no search, so a
 *                    re-run creates again what the first run created (measured, not hidden)
 * Every row has a unique name, email and phone number; rows are matched to contacts by email
 * (Skode, Klen) or phone number (Skipcall).
 */
const { createSkodeServer, SKODE_KEY } = require('../../test/servers/skode');
const { createKlenServer } = require('../../test/servers/klen');
const { createSkipcallServer } = require('../../test/servers/skipcall');
const { rowsOf } = require('./workload');

const WINDOW_MS = 60_000;

const PROVIDERS = {
	skode: {
		label: 'Skode AI',
		credentialType: 'skodeApi',
		apiKey: SKODE_KEY,
		server: (limit) => createSkodeServer({ rateLimit: { limit, windowMs: WINDOW_MS } }),
		nodeType: 'n8n-nodes-contact-sync.skode',
		// Version 2, what a new node gets: the name parameter is fullName (sent as `name`).
		typeVersion: 2,
		parameters: (operation, limit) => ({
			resource: 'contact',
			operation,
			fullName: '={{ $json.name }}',
			email: '={{ $json.email }}',
			phone: '={{ $json.phone }}',
			options: { defaultCountry: 'FR', requestsPerMinute: limit },
		}),
		isWrite: (request) => (request.method === 'POST' && request.path === '/v1/contacts') || (request.method === 'PATCH' && request.path.startsWith('/v1/contacts/')),
		keyOf: (contact) => contact.email?.toLowerCase(),
		rowKey: (row) => row.email,
		holds: (contact, row) => contact.name === row.name && contact.email === row.email && contact.phone === row.e164,
	},
	klen: {
		label: 'Klen AI',
		credentialType: 'klenAiApi',
		apiKey: 'klen_valid',
		server: (limit) => createKlenServer({ rateLimit: { limit, windowMs: WINDOW_MS } }),
		nodeType: 'n8n-nodes-contact-sync.klenAi',
		// Version 2, what a new node gets: Phone Numbers at the top. Klen AI's limit is fixed (60 a
		// minute): the node has no Requests per Minute.
		typeVersion: 2,
		parameters: (operation) => ({
			resource: 'contact',
			operation,
			firstName: '={{ $json.firstName }}',
			phoneNumbers: { number: [{ phoneNumber: '={{ $json.phone }}' }] },
			additionalFields: { lastName: '={{ $json.lastName }}', email: '={{ $json.email }}' },
			options: { defaultCountry: 'FR' },
		}),
		isWrite: (request) => (request.method === 'POST' && request.path === '/api/v1/contacts/create') || (request.method === 'PATCH' && /\/update$/.test(request.path)),
		keyOf: (contact) => contact.email?.toLowerCase(),
		rowKey: (row) => row.email,
		holds: (contact, row) =>
			contact.first_name === row.firstName && contact.last_name === row.lastName && contact.email === row.email && contact.phone_numbers?.[0]?.phone_number === row.e164,
	},
	skipcall: {
		label: 'Skipcall',
		credentialType: 'skipcallApi',
		apiKey: 'sk_test_valid',
		server: (limit) => createSkipcallServer({ rateLimit: { limit, windowMs: WINDOW_MS } }),
		nodeType: 'n8n-nodes-contact-sync.skipcall',
		typeVersion: 1,
		parameters: (operation, limit) => ({
			resource: 'contact',
			operation,
			firstName: '={{ $json.firstName }}',
			lastName: '={{ $json.lastName }}',
			phoneNumbers: '={{ $json.phone }}',
			options: { defaultCountry: 'FR', requestsPerMinute: limit },
		}),
		isWrite: (request) => (request.method === 'POST' && request.path === '/v1/contacts') || (request.method === 'PATCH' && request.path.startsWith('/v1/contacts/')),
		keyOf: (contact) => contact.phoneNumbers?.[0],
		rowKey: (row) => row.e164,
		holds: (contact, row) => contact.firstName === row.firstName && contact.lastName === row.lastName && contact.phoneNumbers?.[0] === row.e164,
	},
};

/**
 * The scenarios, in the order they run. `rows` and `limit` come from the run's options;
 * `expect` is what a re-run item must be for a row the first run did (`sentBefore`) or did
 * not send: 'updated' / 'created' (upsertResult), 'refused' (an error item naming the
 * contact the provider has), 'duplicate' (created a second time).
 */
const SCENARIOS = [
	{ id: 'skode-upsert', digit: 5, provider: 'skode', operation: 'upsert', label: 'Create or Update', rowsOption: 'skode-rows', limitOption: 'skode-limit', onSent: 'updated' },
	{ id: 'klen-upsert', digit: 6, provider: 'klen', operation: 'upsert', label: 'Create or Update', rowsOption: 'klen-rows', limitOption: 'klen-limit', onSent: 'updated' },
	{ id: 'skode-create', digit: 7, provider: 'skode', operation: 'create', label: 'Create', rowsOption: 'skode-rows', limitOption: 'skode-limit', onSent: 'refused' },
	{ id: 'skipcall-create', digit: 8, provider: 'skipcall', operation: 'create', label: 'Create', rowsOption: 'skipcall-rows', limitOption: 'skipcall-limit', onSent: 'duplicate' },
];

/** The scenario's rows: rowsOf's people and French mobile numbers, with a full name and an email. */
function crashRows(scenario, count) {
	return rowsOf(scenario.digit, 0, count).map((row) => ({
		...row,
		name: `${row.firstName} ${row.lastName}`,
		email: `${row.firstName.toLowerCase()}-${row.lastName.toLowerCase()}@example.com`,
	}));
}

/** Sandbox, credential and sender node of `scenario` with `rows` rows and the provider's limit `limit`; `atOnce`: re-run before n8n gives up (crash.js). */
function prepareScenario(scenario, { rows, limit, atOnce = false }) {
	const provider = PROVIDERS[scenario.provider];
	const id = `crash${scenario.id.replace(/-/g, '')}`.slice(0, 14).padEnd(14, '0');
	const server = provider.server(limit);
	const credential = { id: `${id}c1`, name: `${provider.label} crash ${scenario.id}`, type: provider.credentialType };
	const sender = {
		name: provider.label,
		type: provider.nodeType,
		typeVersion: provider.typeVersion,
		parameters: provider.parameters(scenario.operation, limit),
		credentials: { [provider.credentialType]: { id: credential.id, name: credential.name } },
		// Every row gives an item: a refused row an error item, the others their contact.
		onError: 'continueRegularOutput',
	};
	return { ...scenario, provider, server, credential, sender, workflowId: `${id}w1`, path: `contact-sync-crash-${scenario.id}`, rows: crashRows(scenario, rows), limit, atOnce };
}

/** Contacts the sandbox holds per row key. */
function contactsByKey(scenario) {
	const byKey = new Map();
	for (const contact of scenario.server.contacts.values()) {
		const key = scenario.provider.keyOf(contact);
		byKey.set(key, [...(byKey.get(key) ?? []), contact]);
	}
	return byKey;
}

/** Rows with no contact holding their values, contacts beyond one per row, and contacts that are no row's. */
function tally(scenario) {
	const byKey = contactsByKey(scenario);
	const holders = scenario.rows.map((row) => (byKey.get(scenario.provider.rowKey(row)) ?? []).filter((contact) => scenario.provider.holds(contact, row)).length);
	const duplicates = holders.reduce((sum, count) => sum + Math.max(0, count - 1), 0);
	return { missing: holders.filter((count) => count === 0).length, duplicates, extra: scenario.server.contacts.size - scenario.rows.length - duplicates };
}

const show = (value) => JSON.stringify(value)?.slice(0, 300);

/**
 * What is wrong with re-run item `item` of `row` (undefined when right), given whether the
 * first run had sent that row and the contact(s) the sandbox now holds for it.
 */
function wrongItem(scenario, row, item, sentBefore, holders) {
	const json = item?.json ?? item;
	const contact = holders[0];
	if (sentBefore && scenario.onSent === 'refused') {
		const text = JSON.stringify(json ?? {});
		if (!/409/.test(text) || !contact || !text.includes(contact.id)) return `expected an error item naming ${contact?.id} (409), got ${show(json)}`;
		return undefined;
	}
	if (json?.error !== undefined) return `error item: ${show(json)}`;
	if (!holders.some((candidate) => candidate.id === json?.id)) return `item is not a contact of this row: ${show(json)}`;
	if (scenario.operation === 'upsert') {
		const expected = sentBefore ? 'updated' : 'created';
		if (json.upsertResult !== expected) return `upsertResult ${show(json.upsertResult)}, expected "${expected}"`;
	}
	return undefined;
}

module.exports = { SCENARIOS, PROVIDERS, prepareScenario, contactsByKey, tally, wrongItem };
