'use strict';
/**
 * The steps of scenario.js about what a node version shows (issue 22): the Create panel's
 * layout and the version a new node gets, the node's subtitle on the canvas, a workflow saved
 * with an older version opened again, and the AI tool variant's "let the model define this".
 * Each returns the step's function; `context` and `state` are scenario.js's.
 */
const { isDeepStrictEqual } = require('node:util');

const show = (value) => JSON.stringify(value)?.slice(0, 400);

function expect(ok, message) {
	if (!ok) throw new Error(message);
}

/**
 * The panel's top-level parameters hold `layout.top` one after the other, in that order and with
 * those labels, and none of `layout.absent`. Returns the labels shown.
 */
async function expectLayout(editor, layout, what) {
	const shown = await editor.topLevelParameters();
	const names = shown.map((parameter) => parameter.name);
	const first = names.indexOf(layout.top[0].param);
	const run = shown.slice(first, first + layout.top.length);
	expect(
		first >= 0 && isDeepStrictEqual(run, layout.top.map(({ param, label }) => ({ name: param, label }))),
		`${what}: the panel shows ${show(shown.map(({ name, label }) => `${label} (${name})`))}; expected ${show(layout.top.map(({ param, label }) => `${label} (${param})`))} one after the other`,
	);
	const present = (layout.absent ?? []).filter((name) => names.includes(name));
	expect(present.length === 0, `${what}: the panel shows ${show(present)} at the top, which this version has elsewhere`);
	return shown.map(({ label }) => label);
}

/** A new node's version on the Settings tab, then the Create layout of that version. */
function layoutStep({ editor, row }) {
	return async () => {
		const version = await editor.nodeVersionText();
		expect(new RegExp(` node version ${row.version} \\(Latest\\)`).test(version), `the Settings tab says "${version}"; a new node should get version ${row.version} (Latest)`);
		const labels = await expectLayout(editor, row.create.layout, 'Create');
		const notes = [`"${version}"`, labels.join(', ')];
		for (const [collection, absent] of Object.entries(row.create.layout.notOffered ?? {})) {
			const offered = await editor.collectionAddOptions(collection);
			const wrong = absent.filter((label) => offered.includes(label));
			expect(offered.length > 0 && wrong.length === 0, `${collection}'s Add Field offers ${show(offered)}, with ${show(wrong)}`);
			notes.push(`${collection} offers ${offered.length} fields, not ${absent.join(', ')}`);
		}
		return notes.join('; ');
	};
}

/** The subtitle under the node on the canvas after picking an operation, then with Options › Dry Run on. */
function subtitleStep({ editor, row }, state) {
	return async () => {
		const { operation } = row.subtitle;
		await editor.openParametersTab();
		await editor.pickOperation(operation);
		// n8n renames a node that has its default name ("Create a contact") after its operation.
		const name = await editor.nodeTitle();
		await editor.closeNdvIfOpen();
		const plain = await editor.canvasSubtitle(name);
		expect(plain === operation, `after choosing ${operation}, the canvas node "${name}" reads "${plain}"`);
		await editor.openNode(name);
		await editor.addToCollection('options', 'Dry Run');
		await editor.setSwitch('dryRun', true);
		await editor.closeNdvIfOpen();
		const dryRun = await editor.canvasSubtitle(name);
		expect(dryRun === `${operation} · Dry Run`, `with Options › Dry Run on, the canvas node "${name}" reads "${dryRun}"; expected "${operation} · Dry Run"`);
		state.nodeName = name;
		return `"${plain}", then "${dryRun}"`;
	};
}

/**
 * A node of an older version pasted (n8n's import from the clipboard) into a new workflow with
 * the row's credential: its panel keeps that version's layout and values, shows no issue, and
 * n8n stores it at that version.
 */
function savedVersionStep({ editor, row, description }, state) {
	return async () => {
		const { saved } = row;
		const name = `${row.displayName} version ${saved.version}`;
		await editor.newWorkflow();
		const credential = await editor.credentialRef(row.credential.type, state.credentialName);
		const trigger = 'Manual Trigger';
		await editor.pasteWorkflow({
			nodes: [
				{ id: 'contact-sync-trigger', name: trigger, type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
				{ id: 'contact-sync-saved', name, type: row.type, typeVersion: saved.version, position: [260, 0], parameters: saved.parameters, credentials: { [row.credential.type]: credential } },
			],
			connections: { [trigger]: { main: [[{ node: name, type: 'main', index: 0 }]] } },
		});
		await editor.openNode(name);
		const version = await editor.nodeVersionText();
		const latest = Math.max(...[description.version].flat());
		expect(version.includes(` node version ${saved.version} (Latest version: ${latest})`), `the Settings tab says "${version}"`);
		const labels = await expectLayout(editor, saved.layout, `version ${saved.version}`);
		for (const value of saved.values) {
			const root = value.collection ? editor.collectionItem(value.collection) : editor.ndv();
			const scope = value.within ? editor.byId(`fixed-collection-${value.within}`, root).last() : root;
			const input = editor.byId(`parameter-input-${value.param}`, scope).first().locator('input, textarea').first();
			const shown = await input.inputValue().catch((error) => `(not shown: ${error.message.split('\n')[0]})`);
			const where = [value.collection, value.within, value.param].filter(Boolean).join(' › ');
			expect(shown === value.value, `${where} shows ${show(shown)}; the workflow was saved with ${show(value.value)}`);
		}
		const issues = await editor.parameterIssues();
		expect(issues.length === 0, `the panel shows parameter issues on ${show(issues)}`);
		await editor.closeNdvIfOpen();
		expect((await editor.nodeIssueCount(name)) === 0, `the canvas node "${name}" shows an issue badge`);
		const stored = (await editor.savedWorkflow((workflow) => workflow.nodes.some((node) => node.name === name))).nodes.find((node) => node.name === name);
		expect(stored?.typeVersion === saved.version, `n8n stored the node as ${show(stored && { typeVersion: stored.typeVersion })}`);
		return `"${version}"; ${labels.join(', ')}; ${saved.values.map((value) => `${value.param} ${show(value.value)}`).join(', ')}; no issue`;
	};
}

/** The tool variant from an AI Agent's Tool input: its parameter offers the model button, which sets $fromAI(…). */
function toolStep({ editor, row }) {
	return async () => {
		const { tool } = row;
		await editor.newWorkflow();
		await editor.addFirstNode('Manual Trigger', 'Manual Trigger');
		await editor.openNodesPanel();
		await editor.searchNodesPanel('AI Agent');
		await editor.nodesPanelItem('AI Agent').click();
		await editor.waitForNdv();
		await editor.closeNdvIfOpen();
		await editor.addSubNode('AI Agent', 'ai_tool', tool.search, tool.item);
		const toolName = await editor.nodeTitle();
		const version = await editor.nodeVersionText();
		expect(new RegExp(` node version ${row.version} \\(Latest\\)`).test(version), `the tool's Settings tab says "${version}"`);
		const { param, label, key } = tool.fromAi;
		const shownLabel = (await editor.topLevelParameters()).find((parameter) => parameter.name === param)?.label;
		expect(shownLabel === label, `the tool's parameter ${param} is labelled ${show(shownLabel)}, not "${label}"`);
		expect((await editor.fromAiButton(param).count()) === 1, `${label} offers no "let the model define this" button (from-ai-override-button)`);
		const field = await editor.defineByModel(param);
		const workflow = await editor.savedWorkflow((saved) => /\$fromAI\(/.test(saved.nodes.find((node) => node.name === toolName)?.parameters?.[param] ?? ''));
		const node = workflow.nodes.find((candidate) => candidate.name === toolName);
		const value = node?.parameters?.[param];
		expect(typeof value === 'string' && value.startsWith('={{') && value.includes(`$fromAI('${key}'`), `${label} was saved as ${show(value)}; expected a $fromAI('${key}', …) expression`);
		const connected = workflow.connections[toolName]?.ai_tool?.[0]?.some((connection) => connection.node === 'AI Agent');
		expect(connected, `the tool is not connected to the AI Agent's Tool input: ${show(workflow.connections[toolName])}`);
		return `"${toolName}" (${node.type}, version ${node.typeVersion}); ${label} shows "${field}", saved as ${value}`;
	};
}

/** A pasted version 1 tool: does its parameter offer the model button on this n8n line? */
function toolVersion1Step({ editor, row }, line) {
	return async () => {
		const { tool } = row;
		const { param, label, offered } = tool.version1;
		const name = `${tool.item} version 1`;
		await editor.newWorkflow();
		await editor.pasteWorkflow({
			nodes: [
				{ id: 'contact-sync-agent', name: 'AI Agent', type: '@n8n/n8n-nodes-langchain.agent', typeVersion: 3, position: [0, 0], parameters: { options: {} } },
				{ id: 'contact-sync-tool', name, type: `${row.type}Tool`, typeVersion: 1, position: [0, 240], parameters: { resource: 'contact', operation: 'create' } },
			],
			connections: { [name]: { ai_tool: [[{ node: 'AI Agent', type: 'ai_tool', index: 0 }]] } },
		});
		await editor.openNode(name);
		const version = await editor.nodeVersionText();
		expect(/ node version 1 \(/.test(version), `the Settings tab says "${version}"`);
		const shownLabel = (await editor.topLevelParameters()).find((parameter) => parameter.name === param)?.label;
		expect(shownLabel === label, `the version 1 tool's parameter ${param} is labelled ${show(shownLabel)}, not "${label}"`);
		const others = (await editor.topLevelParameters()).filter((parameter) => parameter.name !== param && parameter.name !== 'resource' && parameter.name !== 'operation');
		const buttons = {};
		for (const parameter of [{ name: param }, ...others]) buttons[parameter.name] = await editor.fromAiButton(parameter.name).count();
		const expected = offered[line];
		expect(typeof expected === 'boolean', `the table does not say whether n8n ${line} offers it`);
		expect((buttons[param] === 1) === expected, `n8n ${line}: the version 1 tool's ${label} (${param}) ${buttons[param] ? 'offers' : 'does not offer'} "let the model define this"; the table says it ${expected ? 'does' : 'does not'}`);
		// The other text parameters offer it, so its absence is about the name.
		const withButton = Object.entries(buttons).filter(([name, count]) => name !== param && count === 1).map(([name]) => name);
		expect(withButton.length > 0, `no parameter of the version 1 tool offers it: ${show(buttons)}`);
		await editor.closeNdvIfOpen();
		return `"${version}": ${label} ${buttons[param] ? 'offers' : 'does not offer'} it; ${withButton.join(', ')} do`;
	};
}

module.exports = { layoutStep, subtitleStep, savedVersionStep, toolStep, toolVersion1Step };
