'use strict';
/** What `npm run test:queue` prints at the end of each n8n line: the tables BENCHMARKS.md and the README take. */
const os = require('node:os');

/** The four simultaneous syncs on one key (variant.js). */
function reportVariants(line, settings, measured) {
	const steady = ((settings.rows * settings.executions) / settings.limit) * 60;
	const floor = (Math.ceil((settings.rows * settings.executions) / settings.limit) - 1) * 60;
	console.log(`\nn8n ${line}, queue mode on ${settings.db}, ${settings.workers} workers, ${settings.executions} executions × ${settings.rows} rows, sandbox limit ${settings.limit} per sliding minute`);
	console.log(`ideal: requests ÷ limit = ${steady.toFixed(0)} s at a steady rate; a fresh sliding minute lets the first ${settings.limit} through at once, so no sender can finish before ${floor} s`);
	console.log(`| Requests per Minute per node | wall time (${settings.executions} webhooks) | first to last create | vs requests ÷ limit | 429 answers | most accepted / arrived in a minute | rows created once | items |`);
	console.log('|---|---|---|---|---|---|---|---|');
	for (const entry of measured) {
		console.log(
			`| ${entry.perNode} (${entry.label}) | ${entry.wallSeconds.toFixed(1)} s | ${entry.sendingSeconds.toFixed(1)} s | ${(entry.wallSeconds / steady).toFixed(2)}× | ${entry.tooMany} | ${entry.maxInWindow} / ${entry.maxArrivedInWindow} | ${entry.createdOnce}/${entry.rows} | ${entry.items}/${entry.rows} |`,
		);
	}
	for (const entry of measured) {
		console.log(
			`${entry.perNode}/min: executions per worker ${entry.perWorker.join(' + ')}; the first ${settings.limit} creates arrived within ${entry.burstSeconds.toFixed(1)} s; 429s by second since the first request: ${entry.tooManyAt || 'none'}; slowest worker health answer ${seconds(entry.slowestHealthMs)}`,
		);
	}
}

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const orDash = (value) => (value === undefined || value === '' ? '—' : value);

/** The crash scenarios (crash.js). */
function reportCrashes(line, settings, crashes) {
	const lock = settings.stallSettings === 'n8n' ? "n8n's own stall settings" : `QUEUE_WORKER_MAX_STALLED_COUNT=0, lock ${settings.lockDuration ? seconds(settings.lockDuration) : "60 s (n8n's)"}, stalled check every 5 s`;
	console.log(`\nn8n ${line}, a worker killed (kill -9) at ~${Math.round(settings.crashAt * 100)}% of a sync, then the same webhook called again (${lock})`);
	console.log(
		'| sync | rows (limit/min) | sent before the kill | kill → n8n gives up (first call answers) | saved as | replacement worker ready | second run | 429s after the restart | 409s on the re-run | second run: updated / created / errors | duplicates / missing | slowest worker health answer |',
	);
	console.log('|---|---|---|---|---|---|---|---|---|---|---|---|');
	for (const entry of crashes.filter((candidate) => candidate.silentRerun)) {
		console.log(
			`| ${entry.label} | ${entry.rows} (${entry.limit}) | ${entry.sentBeforeKill} after ${entry.firstRunSeconds} s | n8n ran it again by itself on ${entry.silentRerun}; the first call answered ${entry.detectedSeconds} s after the kill (HTTP ${entry.firstAnswer}) | ${entry.crashedStatus} | ${entry.replacementReadySeconds} s | none (${entry.lateWrites} writes sent again by n8n) | ${entry.tooManyAfterRestart} | — | n8n's re-run: ${entry.silentItems} items, ${entry.silentErrors} errors | ${entry.duplicates} / ${entry.missing} | ${seconds(entry.slowestHealthMs)} |`,
		);
	}
	for (const entry of crashes.filter((candidate) => !candidate.silentRerun)) {
		console.log(
			`| ${entry.label} | ${entry.rows} (${entry.limit}) | ${entry.sentBeforeKill} after ${entry.firstRunSeconds} s | ${entry.detectedSeconds} s (HTTP ${entry.firstAnswer}) | ${entry.crashedStatus} | ${entry.replacementReadySeconds} s | ${entry.atOnce ? `at once (${seconds(entry.rerunStartedAt - entry.killedAt)} after the kill): ` : ''}${entry.rerunSeconds} s on ${entry.rerunWorker}, ${entry.rerunRequests} requests | ${entry.tooManyAfterRestart}${entry.tooManyWindow ? ` (${entry.tooManyWindow})` : ''} | ${orDash(entry.refused409)} | ${entry.updated} / ${entry.created} / ${entry.errors} | ${entry.duplicates} / ${entry.missing} | ${seconds(entry.slowestHealthMs)} |`,
		);
	}
}

function reportLine(line, settings, { measured, crashes, totalSeconds }) {
	if (measured?.length) reportVariants(line, settings, measured);
	if (crashes?.length) reportCrashes(line, settings, crashes);
	const load = os.loadavg().map((value) => value.toFixed(1)).join(', ');
	console.log(`\nn8n ${line}: ${totalSeconds} s in all; machine: ${os.cpus().length} cores, load average ${load} (1, 5, 15 min) at the end: wall times grow with it\n`);
}

module.exports = { reportLine };
