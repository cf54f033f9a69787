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
 *   4. POST the same rows again, as a user re-running the sync would: after step 3, or
 *      (`scenario.atOnce`) as soon as the replacement is ready, while the provider's minute
 *      still counts the killed worker's requests and n8n has not yet given up (step 3 then
 *      runs alongside);
 *   5. check the sandbox (every row's contact exactly once, or for Skipcall Create: how many
 *      twice) and the second run's items, row by row; count the 429s since the restart.
 * Returns the figures the report prints.
 */
const { startedExecutions } = require('./cluster');
const { savedExecutions } = require('./database');
const { contactsByKey, tally, wrongItem } = require('./crashScenarios');
const { probeWorkers } = require('./probe');
const { postJson } = require('./workload');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const seconds = (ms) => Math.round(ms / 100) / 10;
const answerText = (answer) => `${answer.status} ${JSON.stringify(answer.body)?.slice(0, 300)}`;
const knownExecutions = (workers) => new Set(workers.flatMap(startedExecutions));

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

/** Steps 1–2: the first run, its worker killed once `crashAt` of the rows have reached the sandbox. */
async function crashFirstRun({ p, scenario, cluster, check, log, replacementName, crashAt, send, writes, figures }) {
	log(`${p} first run…`);
	const known = knownExecutions(cluster.workers);
	const started = Date.now();
	const first = send();
	const { worker, executionId } = await executionStarted(cluster.workers, known);
	const threshold = Math.ceil(scenario.rows.length * crashAt);
	const deadline = Date.now() + ((threshold / scenario.limit) * 60_000 + 3 * 60_000);
	while (writes().length < threshold && Date.now() < deadline) await sleep(20);
	if (!check(`${p} ${worker.name} (pid ${worker.child.pid}) runs execution ${executionId}, and ${threshold} rows reach the sandbox`, writes().length >= threshold, `${writes().length} writes`)) return undefined;
	const killedAt = Date.now();
	await cluster.killWorker(worker);
	figures.sentBeforeKill = writes().length;
	figures.firstRunSeconds = seconds(killedAt - started);
	log(`${p} killed ${worker.name} (kill -9) after ${figures.firstRunSeconds} s: ${figures.sentBeforeKill} of ${scenario.rows.length} rows sent; starting ${replacementName}…`);
	const replacement = cluster.addWorker(replacementName).then(
		(proc) => ((figures.replacementReadySeconds = seconds(Date.now() - killedAt)), proc),
		(error) => error,
	);
	const answered = first.then((answer) => ((figures.detectedSeconds = seconds(Date.now() - killedAt)), answer));
	return { executionId, killedAt, replacement, answered };
}

/** Step 4: the same webhook call again; resolves to its answer and the execution that ran it. */
async function secondRun({ p, scenario, cluster, send, figures, sentBefore, log }) {
	const known = knownExecutions(cluster.workers);
	log(`${p} second run (${sentBefore.size} rows already in ${scenario.provider.label})…`);
	const started = Date.now();
	const answer = await send();
	figures.rerunSeconds = seconds(Date.now() - started);
	const rerun = await executionStarted(cluster.workers, known, 1000).catch(() => undefined);
	figures.rerunWorker = rerun?.worker.name;
	return { answer, rerun };
}

async function runCrashScenario({ prefix, scenario, cluster, db, check, log, replacementName, crashAt = 0.4, expectRerun = false }) {
	const p = `${prefix} ${scenario.provider.label} ${scenario.label}, ${scenario.rows.length} rows at ${scenario.limit}/min${scenario.atOnce ? ', re-run at once' : ''}:`;
	const { server, provider, rows } = scenario;
	const url = `${cluster.baseUrl}/webhook/${scenario.path}`;
	const body = { rows: rows.map(({ e164, ...row }) => row) };
	const send = () => postJson(url, body, { timeoutMs: 15 * 60_000 }).catch((error) => ({ status: 0, body: error.message }));
	const writes = () => server.requests.filter((request) => provider.isWrite(request) && !request.rateLimited);
	const figures = { id: scenario.id, label: `${provider.label} ${scenario.label}`, rows: rows.length, limit: scenario.limit, atOnce: Boolean(scenario.atOnce) };
	const probe = probeWorkers(cluster);
	const slowest = async () => ((figures.slowestHealthMs = Math.max(0, ...Object.values(await probe.stop()))), figures);

	const crash = await crashFirstRun({ p, scenario, cluster, check, log, replacementName, crashAt, send, writes, figures });
	if (!crash) return void (await probe.stop());
	const { executionId, killedAt } = crash;
	figures.killedAt = killedAt;
	const newWorker = await crash.replacement;
	if (!check(`${p} the replacement worker ${replacementName} starts (${figures.replacementReadySeconds} s after the kill)`, !(newWorker instanceof Error), newWorker?.message)) return void (await probe.stop());

	// 3–4. n8n's verdict on the killed execution, and the user's second run (after it, or at once).
	const sentBefore = new Set();
	let second;
	let createsBefore;
	const startSecondRun = () => {
		const byKey = contactsByKey(scenario);
		for (const row of rows) if (byKey.has(provider.rowKey(row))) sentBefore.add(provider.rowKey(row));
		figures.rerunStartedAt = Date.now();
		figures.requestsBefore = server.requests.length;
		createsBefore = server.counts?.creates;
		second = secondRun({ p, scenario, cluster, send, figures, sentBefore, log });
	};
	if (scenario.atOnce) startSecondRun();
	const firstAnswer = await crash.answered;
	figures.firstAnswer = firstAnswer.status;
	let saved = [];
	for (let waited = 0; waited <= 30_000; waited += 1000) {
		saved = await savedExecutions(db, [executionId]);
		if (saved[0] && !['running', 'new'].includes(saved[0].status)) break;
		await sleep(1000);
	}
	figures.crashedStatus = saved[0]?.status;
	const rerunBy = cluster.workers.filter((candidate) => startedExecutions(candidate).includes(executionId)).map((proc) => proc.name);
	const lateWrites = writes().filter((request) => request.at > killedAt + 1000 && request.at < (figures.rerunStartedAt ?? Infinity)).length;
	if (rerunBy.length || lateWrites || Array.isArray(firstAnswer.body)) {
		// Handled, not hidden: what the silent re-run sent and created, and no second run (the
		// user sees a successful execution and has no reason to run it again).
		await second;
		const silentItems = Array.isArray(firstAnswer.body) ? firstAnswer.body : [];
		const silentErrors = silentItems.filter((item) => item?.error !== undefined).length;
		Object.assign(figures, tally(scenario), tooManyFigures(server, killedAt), { silentRerun: rerunBy.join(', ') || '?', lateWrites, silentErrors, silentItems: silentItems.length });
		check(
			`${p} n8n ran execution ${executionId} again by itself, whole, on ${figures.silentRerun} (${figures.detectedSeconds} s after the kill; saved "${figures.crashedStatus}"): ${lateWrites} writes sent again, ${silentItems.length} items (${silentErrors} errors), ${figures.duplicates} duplicates, ${figures.missing} missing — ${expectRerun ? "expected with n8n 1.x's QUEUE_WORKER_MAX_STALLED_COUNT=1" : 'not expected'}`,
			expectRerun,
			answerText(firstAnswer),
		);
		return await slowest();
	}
	check(
		`${p} n8n did not run execution ${executionId} again (no worker started it again, no write after the kill${scenario.atOnce ? ' but the second run’s' : ''})${expectRerun ? " — but n8n 1.x's QUEUE_WORKER_MAX_STALLED_COUNT=1 should have" : ''}`,
		!expectRerun,
	);
	check(`${p} the first webhook call ends without items once n8n notices the crash (${figures.detectedSeconds} s after the kill): ${answerText(firstAnswer)}`, true);
	check(`${p} n8n saved execution ${executionId} as failed, not succeeded (status "${figures.crashedStatus}")`, ['error', 'crashed'].includes(figures.crashedStatus), JSON.stringify(saved));
	if (!scenario.atOnce) startSecondRun();
	const { answer, rerun } = await second;
	figures.contactsAfterCrash = sentBefore.size;
	const items = Array.isArray(answer.body) ? answer.body : [];
	check(`${p} the second webhook call answers 200 with ${rows.length} items (${figures.rerunSeconds} s, on ${figures.rerunWorker})`, answer.status === 200 && items.length === rows.length, answerText(answer));
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

	const rerunRequests = server.requests.slice(figures.requestsBefore);
	figures.rerunRequests = rerunRequests.length;
	Object.assign(figures, tooManyFigures(server, killedAt));
	// Skode AI answers 409 to a create for an email it has: creates sent and not made.
	figures.refused409 = server.counts ? rerunRequests.filter((request) => request.method === 'POST' && request.path === '/v1/contacts' && !request.rateLimited).length - (server.counts.creates - (createsBefore ?? 0)) : undefined;
	figures.updated = items.filter((item) => item?.upsertResult === 'updated').length;
	figures.created = items.filter((item) => item?.upsertResult === 'created' || (item?.upsertResult === undefined && item?.error === undefined)).length;
	figures.errors = items.filter((item) => item?.error !== undefined).length;
	figures.maxInWindow = server.maxInWindow;
	const bound = Math.ceil(rows.length / 10);
	check(
		`${p} 429 answers since the restart: ${figures.tooManyAfterRestart} (bound ${bound}), none of their rows lost; most accepted in a minute ${server.maxInWindow} ≤ ${scenario.limit}`,
		figures.tooManyAfterRestart <= bound && figures.missing === 0 && server.maxInWindow <= scenario.limit,
	);
	return await slowest();
}

module.exports = { runCrashScenario };
