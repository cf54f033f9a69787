'use strict';
/**
 * One node of the package, in the editor, as a user meets it (issue #12): add it from the
 * nodes panel behind a Manual Trigger, go through its operations, fill Create, create and test
 * its credential (a sandbox key, then a wrong one), open the dropdowns it loads from the API,
 * execute, and execute a bad row with On Error › Continue. Each step depends on the previous
 * ones: after a failure, the remaining steps of the node are reported as not reached.
 */
const path = require('node:path');
const { isDeepStrictEqual } = require('node:util');

const fs = require('node:fs');

const { layoutStep, subtitleStep, savedVersionStep, toolStep, toolVersion1Step } = require('./versionChecks');

/** Where a README picture of this run goes. */
function picture(context, file) {
	fs.mkdirSync(context.docsFolder, { recursive: true });
	return path.join(context.docsFolder, file);
}

const show = (value) => JSON.stringify(value)?.slice(0, 400);

function expect(ok, message) {
	if (!ok) throw new Error(message);
}

/** `actual` holds every key of `expected` with an equal value (deeply), other keys ignored. */
function contains(actual, expected) {
	if (expected === null || typeof expected !== 'object') return isDeepStrictEqual(actual, expected);
	if (Array.isArray(expected)) return Array.isArray(actual) && expected.length === actual.length && expected.every((value, index) => contains(actual[index], value));
	return actual !== null && typeof actual === 'object' && Object.entries(expected).every(([key, value]) => contains(actual[key], value));
}

/** Whether a displayOptions `@version` condition holds for `version` (n8n's numbers and `_cnd`). */
function versionMatches(conditions, version) {
	return conditions.some((condition) => {
		if (typeof condition === 'number') return condition === version;
		const [[operator, value]] = Object.entries(condition._cnd ?? {});
		return { eq: version === value, not: version !== value, gte: version >= value, lte: version <= value, gt: version > value, lt: version < value }[operator] === true;
	});
}

/** The top-level parameters node version `version` shows for `operation` whatever the other parameters say. */
function parametersOf(description, operation, version) {
	return description.properties.filter((property) => {
		const conditions = property.displayOptions?.show;
		if (!conditions || property.displayOptions.hide) return false;
		const keys = Object.keys(conditions);
		if (!keys.includes('operation') || keys.some((key) => !['operation', 'resource', '@version'].includes(key))) return false;
		if (conditions['@version'] && !versionMatches(conditions['@version'], version)) return false;
		return conditions.operation.includes(operation) && (!conditions.resource || conditions.resource.includes('contact'));
	});
}

const COLLECTION_TYPES = new Set(['collection', 'fixedCollection']);

/** The option labels of the operation parameter. */
const operationsOf = (description) => description.properties.find((property) => property.name === 'operation')?.options ?? [];

/** loadOptions methods the node declares, and the parameters that use one. */
function loadOptionsMethodsOf(nodeInstance) {
	return Object.keys(nodeInstance.methods?.loadOptions ?? {}).concat(Object.keys(nodeInstance.methods?.listSearch ?? {}));
}

/**
 * The steps for one node. `context`: { editor, steps, row, description, nodeInstance, server,
 * docsFolder (where the README pictures of this run go) }.
 */
async function runNodeScenario(context) {
	const { editor, steps, row, description, nodeInstance, server } = context;
	const node = row.displayName;
	const state = { nodeName: undefined, triggerName: undefined, credentialName: undefined };
	const names = [];
	const plan = [];
	const step = (name, fn, options) => {
		names.push(name);
		plan.push({ name, fn, options });
	};

	step('add it from the nodes panel behind a Manual Trigger', async () => {
		await editor.newWorkflow();
		await editor.addFirstNode('Manual Trigger', 'Manual Trigger');
		expect((await editor.canvasNodes().count()) === 1, 'the Manual Trigger is not on the canvas');
		state.triggerName = await editor.canvasNodes().first().getAttribute('data-node-name');
		await editor.openNodesPanel();
		await editor.searchNodesPanel(row.displayName);
		const items = await editor.nodesPanelItems();
		expect(items.includes(row.displayName), `searching "${row.displayName}" lists ${show(items)}`);
		await editor.nodesPanelItem(row.displayName).click();
		const actions = await editor.nodesPanelItems();
		expect(actions.includes(row.action), `the node's actions are ${show(actions)}, not "${row.action}"`);
		await editor.nodesPanelItem(row.action).click();
		await editor.waitForNdv();
		state.nodeName = await editor.nodeTitle();
		const onCanvas = await editor.canvasNodes().evaluateAll((elements) => elements.map((element) => element.getAttribute('data-node-name')));
		expect(onCanvas.includes(state.nodeName), `the canvas holds ${show(onCanvas)}, not "${state.nodeName}"`);
		const docs = await editor.ndv().locator('a').filter({ hasText: /^\s*Docs\s*$/ }).first().getAttribute('href', { timeout: 2000 }).catch(() => undefined);
		return `added as "${state.nodeName}"; actions: ${actions.join(', ')}; Docs link: ${docs ?? 'none'}`;
	});

	step('Resource Contact and each operation show their parameters', async () => {
		await editor.pick('resource', 'Contact');
		const declared = operationsOf(description).map((option) => option.name);
		expect(isDeepStrictEqual([...declared].sort(), [...row.operations].sort()), `the node declares operations ${show(declared)}, the table lists ${show(row.operations)}`);
		await editor.openDropdown('operation');
		const listed = (await editor.visibleOptionLabels()).map((label) => declared.find((name) => label.startsWith(name) && !declared.some((other) => other.length > name.length && label.startsWith(other))) ?? label);
		await steps.snap(node, 'operation list');
		await editor.page.keyboard.press('Escape');
		const ours = listed.filter((label) => declared.includes(label));
		expect(isDeepStrictEqual(ours, declared), `the Operation dropdown lists ${show(listed)}; expected ${show(declared)} in that order`);
		const seen = [];
		for (const operation of [...row.operations.filter((name) => name !== 'Create'), 'Create']) {
			const value = operationsOf(description).find((option) => option.name === operation).value;
			await editor.pickOperation(operation);
			for (const property of parametersOf(description, value, row.version)) {
				if (property.type === 'notice' || property.type === 'hidden') continue;
				const visible = COLLECTION_TYPES.has(property.type) ? await editor.isCollectionVisible(property.name) : await editor.isParameterVisible(property.name);
				expect(visible, `${operation}: parameter "${property.displayName}" (${property.name}) is not shown`);
			}
			seen.push(`${operation} (${parametersOf(description, value, row.version).length})`);
		}
		return `${seen.join(', ')}; n8n adds: ${listed.filter((label) => !declared.includes(label)).join(', ') || 'nothing'}`;
	});

	const layout = row.create.layout;
	const notOffered = Object.entries(layout.notOffered ?? {}).map(([collection, labels]) => `; ${collection === 'additionalFields' ? 'Additional Fields' : collection} offers no ${labels.join(', ')}`);
	step(`Create (new node, version ${row.version}): ${layout.top.map(({ label }) => label).join(', ')} in this order${notOffered.join('')}`, layoutStep(context));

	step('Create: required fields, Additional Fields, Options › Default Country for Phone Numbers', async () => {
		for (const action of row.create.required) await editor.act(action);
		for (const action of row.create.additional) await editor.act(action);
		await editor.addToCollection('options', 'Default Country for Phone Numbers');
		await editor.pick('defaultCountry', row.create.defaultCountry.pick, { search: row.create.defaultCountry.search });
		for (const action of [...row.create.required, ...row.create.additional].filter((candidate) => candidate.value !== undefined)) {
			const input = editor.parameter(action.param, action.within).locator('input, textarea').first();
			const value = await input.inputValue();
			expect(value === action.value, `${action.param} holds ${show(value)} after typing ${show(action.value)}`);
		}
	});

	step('credential from the selector, Test with a sandbox key: "Connection successful"', async () => {
		const declared = description.credentials?.map((credential) => credential.name) ?? [];
		expect(isDeepStrictEqual(declared, [row.credential.type]), `the node declares credentials ${show(declared)}, the table ${show(row.credential.type)}`);
		await editor.createCredentialFromSelector();
		state.credentialName = (await editor.credentialModal().getByTestId('credential-name').innerText()).trim();
		await editor.fillCredential(row.credential.fill(server));
		const saved = await editor.saveCredential();
		expect(saved?.status === 'OK' && saved?.message === 'Connection successful', `Save tested the key: ${show(saved)}`);
		// 2.x closes the modal of a new credential once its test passed: open it again to press Test.
		await editor.openCredentialModal();
		await editor.credentialTestSuccess().waitFor({ state: 'visible' });
		const retested = await editor.retestCredential();
		expect(retested?.status === 'OK' && retested?.message === 'Connection successful', `Test (Retry) answered ${show(retested)}`);
		await editor.credentialTestSuccess().waitFor({ state: 'visible' });
		await steps.snap(node, 'credential test passed');
		const banner = (await editor.credentialTestSuccess().innerText()).replace(/\s+/g, ' ').trim();
		return `"${state.credentialName}": n8n answered "${retested.message}", the modal shows "${banner.replace(/ Retry$/, '')}"`;
	});

	step(`credential Test with a wrong key shows our message`, async () => {
		await editor.openCredentialModal();
		await editor.fillCredential(row.credential.wrong);
		const answer = await editor.saveCredential();
		expect(
			answer?.status === 'Error' && typeof answer.message === 'string' && answer.message.startsWith(row.credential.wrongMessage),
			`n8n answered ${show(answer)}; expected a message starting ${show(row.credential.wrongMessage)}`,
		);
		const config = editor.credentialConfig();
		const details = config.getByText('More details').first();
		if (await details.isVisible().catch(() => false)) await details.click();
		await config.getByText(answer.message, { exact: false }).first().waitFor({ state: 'visible' });
		await steps.snap(node, 'credential test wrong key');
		// Back to the sandbox key: the node runs with it from here on.
		await editor.fillCredential(row.credential.fill(server));
		const restored = await editor.saveCredential();
		expect(restored?.status === 'OK', `the sandbox key again: ${show(restored)}`);
		await editor.closeCredentialModal();
		const selected = (await editor.ndv().getByTestId('node-credentials-select').innerText().catch(() => '')).trim();
		const selectedValue = await editor.ndv().getByTestId('node-credentials-select').locator('input').first().inputValue().catch(() => '');
		expect([selected, selectedValue].some((text) => text.includes(state.credentialName)), `the node's credential selector shows ${show(selected || selectedValue)}, not "${state.credentialName}"`);
		return `"${answer.message}"`;
	});

	const declaredLoaders = loadOptionsMethodsOf(nodeInstance);
	const listedLoaders = row.loadOptions.map((loader) => loader.method);
	const uncovered = declaredLoaders.filter((method) => !listedLoaders.includes(method));
	step(`dropdowns loaded from the API (${declaredLoaders.join(', ') || 'none declared'})`, async () => {
		expect(uncovered.length === 0, `the node loads ${show(uncovered)} but the table (scripts/editor/nodes.js) opens no such dropdown`);
		const unknown = listedLoaders.filter((method) => !declaredLoaders.includes(method));
		expect(unknown.length === 0, `the table lists ${show(unknown)}, which the node does not declare`);
		const notes = [];
		for (const loader of row.loadOptions) {
			for (const action of loader.open) await editor.act(action);
			await editor.openDropdown(loader.param, loader.within);
			// The list may show "Loading…" before the options come.
			let labels = [];
			for (let tries = 0; tries < 20; tries++) {
				labels = await editor.visibleOptionLabels();
				if (loader.expect.every((name) => labels.some((label) => label === name || label.startsWith(`${name} (`)))) break;
				await editor.page.waitForTimeout(250);
			}
			const missing = loader.expect.filter((name) => !labels.some((label) => label === name || label.startsWith(`${name} (`)));
			expect(missing.length === 0, `${loader.method}: the dropdown shows ${show(labels)}; missing ${show(missing)}`);
			const choice = labels.find((label) => label === loader.pick || label.startsWith(`${loader.pick} (`));
			await editor.option(choice).click();
			for (const action of loader.then ?? []) await editor.act(action);
			notes.push(`${loader.method}: ${labels.join(', ')}`);
		}
		return notes.join('; ') || 'the node loads no list from the API';
	});

	step('execute: the created contact in the output panel', async () => {
		const before = server.requests.length;
		await editor.execute();
		const { items, text } = await editor.outputItems({ count: 1 });
		expect(Array.isArray(items), `the output panel shows no JSON items: ${show(text)}`);
		expect(items.length === 1, `${items.length} items in the output: ${show(items)}`);
		expect(contains(items[0], row.output), `the output item ${show(items[0])} does not hold ${show(row.output)}`);
		const { body, expected } = row.created({ ...server, requests: server.requests.slice(before) });
		expect(body && contains(body, expected), `the sandbox received ${show(body)}; expected ${show(expected)}`);
		if (context.docsFolder) await editor.screenshotParameterPanel(picture(context, `${row.slug}-parameters.png`));
		const id = items[0][row.idField ?? 'id'];
		expect(id !== undefined && id !== null && id !== '', `the output item has no ${row.idField ?? 'id'}: ${show(items[0])}`);
		return `${row.idField ?? 'id'} ${id}, sent ${show(body)}`;
	});

	step('a bad phone number with On Error › Continue: our error item', async () => {
		await editor.closeNdvIfOpen();
		await editor.pinRows(state.triggerName, row.badRow.rows);
		await editor.openNode(state.nodeName);
		for (const action of row.badRow.set) await editor.act(action);
		await editor.setOnError('Continue');
		await editor.execute();
		const { items, text } = await editor.outputItems({ count: row.badRow.rows.length });
		expect(Array.isArray(items) && items.length === row.badRow.rows.length, `the output shows ${show(items ?? text)}`);
		const error = items[1]?.error;
		// Our error names the row ("[item 1 …] ") and then the field and the value.
		const label = typeof error === 'string' ? /^\[item 1\b[^\]]*\] /.exec(error) : null;
		expect(
			label && error.slice(label[0].length).startsWith(row.badRow.error),
			`the second item is ${show(items[1])}; expected an error "[item 1 …] ${row.badRow.error}…"`,
		);
		expect(items[0]?.error === undefined && items[0]?.[row.idField ?? 'id'] !== undefined, `the good row gave ${show(items[0])}`);
		if (context.docsFolder) await editor.screenshotOutputPanel(picture(context, `${row.slug}-output-error.png`));
		return `"${error}"`;
	});

	if (row.subtitle) {
		const { operation } = row.subtitle;
		step(`the canvas subtitle: "${operation}", then "${operation} · Dry Run" with Options › Dry Run on`, subtitleStep(context, state));
	}
	if (row.saved) {
		step(`a workflow saved with version ${row.saved.version} opens with that version's panel: ${row.saved.layout.top.map(({ label }) => label).join(', ')}, its values, no issue`, savedVersionStep(context, state));
	}
	if (row.tool) {
		const { item, fromAi, version1 } = row.tool;
		step(`${item} on an AI Agent's Tool input: ${fromAi.label} offers "let the model define this", which sets $fromAI('${fromAi.key}', …)`, toolStep(context));
		const offered = version1.offered[steps.line];
		step(`a version 1 ${item}: ${version1.label} ${offered ? 'offers' : 'does not offer'} "let the model define this" on n8n ${steps.line}`, toolVersion1Step(context, steps.line));
	}

	for (let index = 0; index < plan.length; index++) {
		const { name, fn, options } = plan[index];
		const passed = await steps.run(node, name, fn, options);
		if (!passed) {
			for (const later of names.slice(index + 1)) steps.notReached(node, later, `"${name}" failed`);
			// Leave the editor in a known state for the next node.
			await editor.page.keyboard.press('Escape').catch(() => {});
			return false;
		}
	}
	return true;
}

module.exports = { runNodeScenario, parametersOf, contains };
