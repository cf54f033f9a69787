'use strict';
/**
 * One crash scenario (crashScenarios.js) in the running cluster:
 *   1. POST the rows to the sync's webhook; find the worker that started the execution (its log);
 *   2. when the sandbox has received about 40% of the rows' writes, `kill -9` that worker, and
 *      start a replacement worker at once (its pacing starts empty: pacing is per process);
 *   3. wait for n8n to give up on the execution (the stalled job fails; cluster.js) and answer
 *      the first webhook call; check n8n did not run it again on another worker (no worker
 *      logged starting it again, the sandbox got no write after the kill) and saved it failed.
 *      Where n8n does run it again (`expectRerun`: n8n 1.x with its own stall settings), the
 *      scenario reports what that re-run sent and created, and ends there;
 *   4. POST the same rows again, as a user re-running the sync would;
 *   5. check the sandbox (every row's contact exactly once, or for Skipcall Create: how many
 *      twice) and the second run's items, row by row; count the 429s since the restart.
 * Returns the figures the report prints.
 */
const { startedExecutions } = require('./cluster');
const { savedExecutions } = require('./database');
const { contactsByKey, tally, wrongItem } = require('./crashScenarios');
const { postJson } = require('./workload');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const seconds = (ms) => Math.round(ms / 100) / 10;

/** Resolves to `{ worker, executionId }` once a worker logs starting an execution not in `known`. */
async function executionStarted(workers, known, timeoutMs = 60_000) {
	for (const started = Date.now(); Date.now() - started < timeoutMs; await sleep(50)) {
		for (const worker of workers) {
			const executionId = startedExecutions(worker).find((id) => !known.has(id));
			if (executionId) return { worker, executionId };
		}
	}
	throw new Error(`no worker started the execution within ${timeoutMs / 1000} s`);
}

/** The 429s the sandbox answered before the kill and since (the restarted worker's), and when those came. */
function tooManyFigures(server, killedAt) {
	const refused = server.requests.filter((request) => request.rateLimited);
	const after = refused.filter((request) => request.at >= killedAt);
	return {
		tooManyBeforeKill: refused.length - after.length,
		tooManyAfterRestart: after.length,
		tooManyWindow: after.length ? `${seconds(after[0].at - killedAt)}–${seconds(after[after.length - 1].at - killedAt)} s after the kill` : '',
	};
}

const knownExecutions = (workers) => new Set(workers.flatMap(startedExecutions));
const answerText = (answer) => `${answer.status} ${JSON.stringify(answer.body)?.slice(0, 300)}`;

async function runCrashScenario({ prefix, scenario, cluster, db, check, log, replacementName, crashAt = 0.4, expectRerun = false }) {
	const p = `${prefix} ${scenario.provider.label} ${scenario.label}, ${scenario.rows.length} rows at ${scenario.limit}/min:`;
	const { server, provider, rows } = scenario;
	const url = `${cluster.baseUrl}/webhook/${scenario.path}`;
	const body = { rows: rows.map(({ e164, ...row }) => row) };
	const writes = () => server.requests.filter((request) => provider.isWrite(request) && !request.rateLimited);
	const figures = { id: scenario.id, label: `${provider.label} ${scenario.label}`, rows: rows.length, limit: scenario.limit };

	// 1–2. The first run, killed at about 40%.
	log(`${p} first run…`);
	const known = knownExecutions(cluster.workers);
	const started = Date.now();
	const first = postJson(url, body, { timeoutMs: 15 * 60_000 }).catch((error) => ({ status: 0, body: error.message }));
	const { worker, executionId } = await executionStarted(cluster.workers, known);
	const threshold = Math.ceil(rows.length * crashAt);
	const deadline = Date.now() + ((threshold / scenario.limit) * 60_000 + 3 * 60_000);
	while (writes().length < threshold && Date.now() < deadline) await sleep(20);
	if (!check(`${p} ${worker.name} (pid ${worker.child.pid}) runs execution ${executionId}, and ${threshold} rows reach the sandbox`, writes().length >= threshold, `${writes().length} writes`)) return undefined;
	const killedAt = Date.now();
	await cluster.killWorker(worker);
	figures.sentBeforeKill = writes().length;
	figures.firstRunSeconds = seconds(killedAt - started);
	log(`${p} killed ${worker.name} (kill -9) after ${figures.firstRunSeconds} s: ${figures.sentBeforeKill} of ${rows.length} rows sent; starting ${replacementName}…`);
	const replacement = cluster.addWorker(replacementName).then(
		(proc) => ((figures.replacementReadySeconds = seconds(Date.now() - killedAt)), proc),
		(error) => error,
	);

	// 3. n8n gives up on the execution, or (n8n 1.x's defaults) runs it again by itself.
	const firstAnswer = await first;
	figures.detectedSeconds = seconds(Date.now() - killedAt);
	figures.firstAnswer = firstAnswer.status;
	let saved = [];
	for (let waited = 0; waited <= 30_000; waited += 1000) {
		saved = await savedExecutions(db, [executionId]);
		if (saved[0] && !['running', 'new'].includes(saved[0].status)) break;
		await sleep(1000);
	}
	figures.crashedStatus = saved[0]?.status;
	const newWorker = await replacement;
	if (!check(`${p} the replacement worker ${replacementName} starts (${figures.replacementReadySeconds} s after the kill)`, !(newWorker instanceof Error), newWorker?.message)) return undefined;
	const rerunBy = cluster.workers.filter((candidate) => startedExecutions(candidate).includes(executionId)).map((proc) => proc.name);
	const lateWrites = writes().filter((request) => request.at > killedAt + 1000).length;
	if (rerunBy.length || lateWrites || Array.isArray(firstAnswer.body)) {
		// Handled, not hidden: what the silent re-run sent and created, and no second run (the
		// user sees a successful execution and has no reason to run it again).
		Object.assign(figures, tally(scenario), tooManyFigures(server, killedAt), { silentRerun: rerunBy.join(', ') || '?', lateWrites });
		check(
			`${p} n8n ran execution ${executionId} again by itself, whole, on ${figures.silentRerun} (${figures.detectedSeconds} s after the kill; saved "${figures.crashedStatus}"): ${lateWrites} writes sent again, ${figures.duplicates} duplicates, ${figures.missing} missing — ${expectRerun ? "expected with n8n 1.x's QUEUE_WORKER_MAX_STALLED_COUNT=1" : 'not expected'}`,
			expectRerun,
			answerText(firstAnswer),
		);
		return figures;
	}
	check(
		`${p} n8n did not run execution ${executionId} again (no worker started it again, no write after the kill)${expectRerun ? " — but n8n 1.x's QUEUE_WORKER_MAX_STALLED_COUNT=1 should have" : ''}`,
		!expectRerun,
	);
	check(`${p} the first webhook call ends without items once n8n notices the crash (${figures.detectedSeconds} s after the kill): ${answerText(firstAnswer)}`, true);
	check(`${p} n8n saved execution ${executionId} as failed, not succeeded (status "${figures.crashedStatus}")`, ['error', 'crashed'].includes(figures.crashedStatus), JSON.stringify(saved));
	const afterCrash = contactsByKey(scenario);
	const sentBefore = new Set(rows.filter((row) => afterCrash.has(provider.rowKey(row))).map(provider.rowKey));
	figures.contactsAfterCrash = sentBefore.size;

	// 4. The user runs the sync again.
	const requestsBefore = server.requests.length;
	const createsBefore = server.counts?.creates;
	const secondKnown = knownExecutions(cluster.workers);
	log(`${p} second run (${sentBefore.size} rows already in ${provider.label})…`);
	const rerunStarted = Date.now();
	const second = await postJson(url, body, { timeoutMs: 15 * 60_000 }).catch((error) => ({ status: 0, body: error.message }));
	figures.rerunSeconds = seconds(Date.now() - rerunStarted);
	const rerun = await executionStarted(cluster.workers, secondKnown, 1000).catch(() => undefined);
	figures.rerunWorker = rerun?.worker.name;
	const items = Array.isArray(second.body) ? second.body : [];
	check(`${p} the second webhook call answers 200 with ${rows.length} items (${figures.rerunSeconds} s, on ${figures.rerunWorker})`, second.status === 200 && items.length === rows.length, answerText(second));
	const savedRerun = rerun ? await savedExecutions(db, [rerun.executionId]) : [];
	check(`${p} n8n saved the second run as succeeded`, savedRerun[0]?.status === 'success', JSON.stringify(savedRerun));

	// 5. The sandbox and the items.
	Object.assign(figures, tally(scenario));
	const byKey = contactsByKey(scenario);
	const holdersOf = (row) => (byKey.get(provider.rowKey(row)) ?? []).filter((contact) => provider.holds(contact, row));
	const expectedDuplicates = scenario.onSent === 'duplicate' ? sentBefore.size : 0;
	check(
		`${p} the sandbox holds every row's contact (missing ${figures.missing}), ${expectedDuplicates ? `twice exactly for the ${expectedDuplicates} rows the first run created (no search: measured)` : 'exactly once'} (duplicates ${figures.duplicates}), nothing else`,
		figures.missing === 0 && figures.duplicates === expectedDuplicates && figures.extra === 0,
		`contacts ${server.contacts.size}, rows ${rows.length}, extra ${figures.extra}`,
	);
	const wrong = [];
	rows.forEach((row, index) => {
		const problem = wrongItem(scenario, row, items[index], sentBefore.has(provider.rowKey(row)), holdersOf(row));
		if (problem) wrong.push(`row ${index}${sentBefore.has(provider.rowKey(row)) ? ' (sent by the first run)' : ''}: ${problem}`);
	});
	const expectation = { updated: '"updated" for the rows the first run sent, "created" for the others', refused: 'an error naming the existing contact (409) for the rows the first run sent, the created contact for the others', duplicate: 'the contact created, for every row' }[scenario.onSent];
	check(`${p} every second-run item, in row order, is ${expectation}`, wrong.length === 0, `${wrong.length} wrong, first: ${wrong.slice(0, 5).join('\n')}`);

	const rerunRequests = server.requests.slice(requestsBefore);
	figures.rerunRequests = rerunRequests.length;
	Object.assign(figures, tooManyFigures(server, killedAt));
	figures.refused409 = createsBefore === undefined ? undefined : rerunRequests.filter((request) => request.method === 'POST' && request.path === '/v1/contacts' && !request.rateLimited).length - (server.counts.creates - createsBefore);
	figures.updated = items.filter((item) => item?.upsertResult === 'updated').length;
	figures.created = items.filter((item) => item?.upsertResult === 'created' || (item?.upsertResult === undefined && item?.error === undefined)).length;
	figures.errors = items.filter((item) => item?.error !== undefined).length;
	figures.maxInWindow = server.maxInWindow;
	const bound = Math.ceil(rows.length / 10);
	check(
		`${p} 429 answers since the restart: ${figures.tooManyAfterRestart} (bound ${bound}), none of their rows lost; most accepted in a minute ${server.maxInWindow} ≤ ${scenario.limit}`,
		figures.tooManyAfterRestart <= bound && figures.missing === 0 && server.maxInWindow <= scenario.limit,
	);
	return figures;
}

module.exports = { runCrashScenario };
