'use strict';
/**
 * One variant of the queue-mode run: start every execution at once through the webhook, wait
 * for all, then check what n8n answered, which worker ran what, what n8n saved and what the
 * sandbox received. Returns the figures the report prints.
 */
const { isDeepStrictEqual } = require('node:util');

const { finishedExecutions } = require('./cluster');
const { savedExecutions } = require('./database');
const { probeWorkers } = require('./probe');
const { rowsOf, postJson } = require('./workload');

/**
 * The two variants: every node at the full limit, and every node at limit ÷ workers.
 * `maxTooMany` bounds the 429 answers. At the full limit: 10% of the rows, well above what
 * was measured (9–24 with two workers, 27 with four) and far below a storm, where each worker's
 * queued requests (hundreds) would be refused in turn. At limit ÷ workers: 1%, "near zero"
 * (measured: 0, and 1 in two runs on a busy machine).
 */
function variantsFor({ limit, workers, rows, executions }) {
	return [
		{ id: 1, label: 'full limit on every worker', perNode: limit, maxTooMany: Math.ceil((rows * executions) / 10) },
		{ id: 2, label: `limit ÷ ${workers} workers`, perNode: Math.floor(limit / workers), maxTooMany: Math.ceil((rows * executions) / 100) },
	];
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const show = (value) => JSON.stringify(value)?.slice(0, 400);

/** The contact Skipcall created for `row`: its names and its number in E.164. */
const isContactOf = (contact, row) =>
	typeof contact?.id === 'string' && contact.firstName === row.firstName && contact.lastName === row.lastName && isDeepStrictEqual(contact.phoneNumbers, [row.e164]);

async function runVariant({ prefix, variant, cluster, db, settings, check, log }) {
	const p = `${prefix} ${variant.perNode}/min per node (${variant.label}):`;
	const { server } = variant;
	const before = cluster.workers.map((worker) => finishedExecutions(worker).length);
	const batches = Array.from({ length: settings.executions }, (_, index) => rowsOf(variant.id, index + 1, settings.rows));
	const url = `${cluster.baseUrl}/webhook/${variant.workflow.nodes[0].parameters.path}`;

	log(`${p} starting ${settings.executions} executions of ${settings.rows} rows at once…`);
	const probe = probeWorkers(cluster);
	const started = Date.now();
	const answers = await Promise.all(
		batches.map((rows) =>
			postJson(url, { rows: rows.map(({ e164, ...row }) => row) }).catch((error) => ({ status: 0, body: error.message, ms: Date.now() - started })),
		),
	);
	const wallSeconds = (Date.now() - started) / 1000;
	const slowestHealthMs = Math.max(0, ...Object.values(await probe.stop()));
	log(`${p} all answered in ${wallSeconds.toFixed(1)} s`);

	const answered = answers.every((answer) => answer.status === 200 && Array.isArray(answer.body) && answer.body.length === settings.rows);
	check(
		`${p} the ${settings.executions} webhook calls answer 200 with ${settings.rows} items each`,
		answered,
		answers.map((answer, index) => `execution ${index + 1}: ${answer.status} ${Array.isArray(answer.body) ? `${answer.body.length} items` : show(answer.body)}`).join('\n'),
	);
	const wrong = [];
	batches.forEach((rows, execution) => {
		const items = Array.isArray(answers[execution].body) ? answers[execution].body : [];
		rows.forEach((row, index) => {
			if (!isContactOf(items[index], row)) wrong.push(`execution ${execution + 1} item ${index}: ${show(items[index])}`);
		});
	});
	check(`${p} every item is the contact created for its row, in row order; no error item`, wrong.length === 0, `${wrong.length} wrong, first: ${wrong.slice(0, 5).join('\n')}`);

	// A worker logs "finished" a moment after the main has answered: give it a few seconds.
	const ranBy = () => cluster.workers.map((worker, index) => finishedExecutions(worker).slice(before[index]));
	for (let waited = 0; ranBy().flat().length < settings.executions && waited < 15_000; waited += 500) await sleep(500);
	const perWorker = ranBy();
	const ids = perWorker.flat();
	// Each worker takes at most `concurrency` executions at once, so at least this many workers ran some.
	const spreadOver = Math.min(cluster.workers.length, Math.ceil(settings.executions / cluster.concurrency));
	check(
		`${p} the ${settings.executions} executions ran on ${spreadOver}+ workers (${perWorker.map((list, index) => `worker ${index + 1}: ${list.length}`).join(', ')}), each loading the package`,
		ids.length === settings.executions && perWorker.filter((list) => list.length > 0).length >= spreadOver,
		`finished per worker: ${show(perWorker)}`,
	);
	const saved = await savedExecutions(db, ids);
	check(
		`${p} n8n saved each execution as succeeded (webhook mode)`,
		saved.length === settings.executions && saved.every((execution) => execution.status === 'success' && execution.mode === 'webhook'),
		show(saved),
	);

	const byNumber = new Map();
	for (const contact of server.contacts.values()) {
		const number = contact.phoneNumbers?.[0];
		byNumber.set(number, [...(byNumber.get(number) ?? []), contact]);
	}
	const allRows = batches.flat();
	const createdOnce = allRows.filter((row) => byNumber.get(row.e164)?.length === 1 && isContactOf(byNumber.get(row.e164)[0], row)).length;
	check(
		`${p} the sandbox holds every row exactly once (${createdOnce}/${allRows.length}), nothing else`,
		createdOnce === allRows.length && server.contacts.size === allRows.length,
		`contacts: ${server.contacts.size}; rows not created exactly once: ${allRows.length - createdOnce}`,
	);

	const tooMany = server.requests.filter((request) => request.rateLimited).length;
	check(
		`${p} the sandbox never accepted more than ${settings.limit} in a minute (most: ${server.maxInWindow}; most arrived, 429s included: ${server.maxArrivedInWindow})`,
		server.maxInWindow <= settings.limit,
	);
	check(`${p} 429 answers: ${tooMany} (bound ${variant.maxTooMany}) for ${server.requests.length} requests`, tooMany <= variant.maxTooMany);

	const accepted = server.requests.filter((request) => !request.rateLimited).map((request) => request.at);
	// How fast the workers together can send when nothing holds them: the time the first
	// `limit` accepted requests took to arrive (all of them may leave at once).
	const burst = accepted.slice().sort((a, b) => a - b).slice(0, settings.limit);
	const first = Math.min(...server.requests.map((request) => request.at));
	// When the 429s came, by second since the first request: "0 s ×6, 61 s ×13".
	const bySecond = new Map();
	for (const request of server.requests.filter((candidate) => candidate.rateLimited)) {
		const second = Math.floor((request.at - first) / 1000);
		bySecond.set(second, (bySecond.get(second) ?? 0) + 1);
	}
	return {
		label: variant.label,
		perNode: variant.perNode,
		rows: allRows.length,
		items: answers.reduce((sum, answer) => sum + (Array.isArray(answer.body) ? answer.body.length : 0), 0),
		createdOnce,
		tooMany,
		requests: server.requests.length,
		maxInWindow: server.maxInWindow,
		maxArrivedInWindow: server.maxArrivedInWindow,
		wallSeconds,
		sendingSeconds: accepted.length ? (Math.max(...accepted) - first) / 1000 : 0,
		burstSeconds: burst.length ? (burst[burst.length - 1] - burst[0]) / 1000 : 0,
		perWorker: perWorker.map((list) => list.length),
		tooManyAt: [...bySecond].map(([second, count]) => `${second} s ×${count}`).join(', '),
		slowestHealthMs,
	};
}

module.exports = { variantsFor, runVariant };
