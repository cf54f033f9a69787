'use strict';
/**
 * Steps, and what makes one fail: the action throws (a selector missing, a timeout, a check
 * that does not hold), an error toast appears, or the browser reports an error raised by our
 * package (a console error or an uncaught exception naming it, an HTTP error on one of its
 * requests: icons, node types, dropdown loaders, credential tests). Every step leaves a
 * screenshot; a failed one is taken first, before anything else moves.
 */
const path = require('node:path');

const slugOf = (text) =>
	text
		.toLowerCase()
		.normalize('NFKD')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '')
		.slice(0, 60);

/** Collects, per page, what the browser says: console errors, page errors, HTTP errors and toasts. */
class BrowserWatch {
	/** `origin`: n8n's; a load failure elsewhere is the closed network, not our node. */
	constructor(page, ourPattern, origin) {
		this.page = page;
		this.ours = ourPattern;
		this.origin = origin;
		this.console = [];
		this.http = [];
		page.on('console', (message) => {
			if (message.type() === 'error') this.console.push({ at: Date.now(), text: message.text(), url: message.location()?.url ?? '' });
		});
		page.on('pageerror', (error) => this.console.push({ at: Date.now(), text: `uncaught: ${error.stack ?? error.message}`, url: '' }));
		this.loads = [];
		page.on('response', (response) => {
			// What dropdown loaders answered, for the failure report.
			if (response.url().includes('/rest/dynamic-node-parameters/')) {
				response.text().then((text) => this.loads.push({ at: Date.now(), status: response.status(), text: text.slice(0, 300) }), () => {});
			}
			if (response.status() < 400) return;
			const request = response.request();
			this.http.push({ at: Date.now(), status: response.status(), method: request.method(), url: response.url(), body: request.postData() ?? '' });
		});
	}

	/** Records every toast n8n shows (Element Plus notifications), in the page itself. */
	static async install(page) {
		await page.addInitScript(() => {
			const seen = [];
			Object.defineProperty(window, '__contactSyncToasts', { value: seen });
			const record = (element) => {
				const error = Boolean(element.querySelector('.el-notification--error')) || /\berror\b/.test(element.className);
				seen.push({ at: Date.now(), error, text: element.innerText.replace(/\s+/g, ' ').trim() });
			};
			new MutationObserver((mutations) => {
				for (const mutation of mutations) {
					for (const node of mutation.addedNodes) {
						if (node.nodeType !== 1) continue;
						if (node.classList.contains('el-notification')) record(node);
						else node.querySelectorAll?.('.el-notification').forEach(record);
					}
				}
			}).observe(document, { childList: true, subtree: true });
		});
	}

	async toastsSince(since) {
		const toasts = await this.page.evaluate(() => window.__contactSyncToasts ?? []).catch(() => []);
		return toasts.filter((toast) => toast.at >= since);
	}

	/**
	 * Whether a console error was raised by our package: its text names us, or it reports a
	 * resource of ours that n8n's server failed to serve. The editor also fetches things about a
	 * community package from the internet (npm's registry): offline, those fail for any
	 * package, and are n8n's, not ours.
	 */
	isOurs(entry) {
		if (/^Failed to load resource/.test(entry.text)) return this.ours.test(entry.url) && entry.url.startsWith(this.origin);
		return this.ours.test(entry.text);
	}

	/** Problems of ours since `since`: error toasts, console errors naming us, failing requests of ours. */
	async problemsSince(since) {
		const problems = [];
		for (const toast of await this.toastsSince(since)) if (toast.error) problems.push(`error toast: ${toast.text}`);
		for (const entry of this.console.filter((candidate) => candidate.at >= since)) {
			if (this.isOurs(entry)) problems.push(`browser console error: ${entry.text.slice(0, 500)}${entry.url ? ` (${entry.url})` : ''}`);
		}
		for (const entry of this.http.filter((candidate) => candidate.at >= since)) {
			const onN8n = entry.url.startsWith(this.origin);
			const ours = onN8n && (this.ours.test(entry.url) || this.ours.test(entry.body) || /\/rest\/(dynamic-node-parameters|credentials\/test)/.test(entry.url));
			if (ours) problems.push(`HTTP ${entry.status} ${entry.method} ${entry.url.replace(/^https?:\/\/[^/]+/, '')} ${entry.body.slice(0, 200)}`);
		}
		return problems;
	}

	/** Console errors that are not ours: kept in results.json, not failures. */
	othersSince(since) {
		return this.console.filter((entry) => entry.at >= since && !this.isOurs(entry));
	}
}

/** Counts steps, takes their screenshots, prints `✔`/`✘` lines. */
class StepRunner {
	constructor({ folder, line, page, watch, log = console.log }) {
		this.folder = folder;
		this.line = line;
		this.page = page;
		this.watch = watch;
		this.log = log;
		this.index = 0;
		this.results = [];
	}

	screenshotPath(node, name, suffix = '') {
		this.index++;
		const file = `${String(this.index).padStart(2, '0')}-${slugOf(node)}-${slugOf(name)}${suffix}.png`;
		return path.join(this.folder, file);
	}

	/**
	 * Runs `fn` as the step `name` of `node` ("n8n" for steps of the editor itself). Returns
	 * whether it passed; never throws. `fn` may return a note printed after the step.
	 */
	async run(node, name, fn, { timeoutMs = 120_000 } = {}) {
		const since = Date.now();
		const label = `[n8n ${this.line}] ${node}: ${name}`;
		let error;
		let note;
		let timer;
		try {
			note = await Promise.race([
				fn(),
				new Promise((_, reject) => {
					timer = setTimeout(() => reject(new Error(`step timed out after ${timeoutMs / 1000} s`)), timeoutMs);
				}),
			]);
		} catch (caught) {
			error = caught;
		} finally {
			clearTimeout(timer);
		}
		// Toasts and console messages come a moment after the action that raised them.
		await this.page.waitForTimeout(300).catch(() => {});
		const problems = await this.watch.problemsSince(since);
		const failed = Boolean(error) || problems.length > 0;
		const shot = this.screenshotPath(node, name, failed ? '-FAILED' : '');
		await this.page.screenshot({ path: shot }).catch((screenshotError) => this.log(`      (no screenshot: ${screenshotError.message})`));
		const others = this.watch.othersSince(since);
		const result = { line: this.line, node, name, passed: !failed, screenshot: shot, problems, error: error && String(error.message ?? error), others };
		this.results.push(result);
		if (failed) {
			this.log(`  ✘ ${label} (${seconds(since)} s)\n      screenshot: ${shot}`);
			const loads = this.watch.loads.filter((load) => load.at >= since).map((load) => `dropdown loader answered ${load.status}: ${load.text}`);
			const details = [...(error ? [firstLines(error.message ?? String(error), 12)] : []), ...problems, ...loads];
			for (const detail of details) this.log(`      ${detail.split('\n').join('\n      ')}`);
		} else {
			this.log(`  ✔ ${label} (${seconds(since)} s)${note ? ` — ${note}` : ''}`);
		}
		return !failed;
	}

	/** An extra screenshot inside a step (the state a step's last picture no longer shows). */
	async snap(node, label) {
		const file = this.screenshotPath(node, label);
		await this.page.screenshot({ path: file }).catch(() => {});
		return file;
	}

	/** A step that cannot be done because an earlier one failed: a failure too, never a skip. */
	notReached(node, name, because) {
		const label = `[n8n ${this.line}] ${node}: ${name}`;
		this.results.push({ line: this.line, node, name, passed: false, screenshot: undefined, problems: [], error: `not reached: ${because}`, others: [] });
		this.log(`  ✘ ${label}\n      not reached: ${because}`);
	}

	/** A failure found without the browser (the node table against the package). */
	fail(node, name, why) {
		const label = `[n8n ${this.line}] ${node}: ${name}`;
		this.results.push({ line: this.line, node, name, passed: false, screenshot: undefined, problems: [], error: why, others: [] });
		this.log(`  ✘ ${label}\n      ${why}`);
	}
}

const seconds = (since) => ((Date.now() - since) / 1000).toFixed(1);

function firstLines(text, count) {
	// Playwright's call logs are long: the first lines say what was awaited.
	return String(text).split('\n').slice(0, count).join('\n');
}

module.exports = { BrowserWatch, StepRunner, slugOf };
