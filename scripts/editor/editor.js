'use strict';
/**
 * The n8n editor as a user sees it, through the `data-test-id` attributes n8n's own Playwright
 * suite uses (packages/testing/playwright in n8n's repository). Every selector the test depends
 * on is in this file; each was checked against the running editors of n8n 1.123.50 and 2.41.1.
 * Where the two lines differ, both forms are listed (`anyOf`).
 */

/** Every data-test-id the test relies on, for the README. */
const TEST_IDS = {
	setupForm: 'setup-form',
	formSubmit: 'form-submit-button',
	canvas: 'canvas-wrapper',
	canvasPlus: 'canvas-plus-button',
	nodeCreatorPlus: 'node-creator-plus-button',
	nodeCreator: 'node-creator',
	nodeCreatorSearch: 'node-creator-search-bar',
	nodeCreatorItemName: 'node-creator-item-name',
	canvasNode: 'canvas-node',
	ndv: 'ndv',
	backToCanvas: 'back-to-canvas',
	ndvClose: 'ndv-close-button',
	universalAdd: 'universal-add',
	navigationItem: 'navigation-menu-item',
	nodeParameters: 'node-parameters',
	parameterItem: 'parameter-item',
	parameterInput: 'parameter-input-<name>',
	parameterOptions: '<name>-parameter-input-options-container',
	expressionRadio: 'radio-button-expression',
	collectionAdd: 'collection-parameter-add',
	fixedCollection: 'fixed-collection-<name>',
	fixedCollectionAdd: 'fixed-collection-add',
	credentialSelect: 'node-credentials-select',
	credentialNew: 'node-credentials-select-item-new',
	credentialEmptyState: 'node-credentials-empty-state',
	credentialEdit: 'credential-edit-button',
	credentialModal: 'editCredential-modal',
	credentialSave: 'credential-save-button',
	credentialConfig: 'node-credentials-config-container',
	credentialTestSuccess: 'credentials-config-container-test-success',
	tabParams: 'tab-params',
	tabSettings: 'tab-settings',
	execute: 'node-execute-button',
	outputPanel: 'output-panel',
	outputJson: 'radio-button-json',
	dataContainer: 'ndv-data-container',
	editPinnedData: 'ndv-edit-pinned-data',
	runDataHeader: 'run-data-pane-header',
	// Used by editorCanvas.js: a node's version, issues and subtitle, an AI tool's model button.
	canvasDefaultNode: 'canvas-default-node',
	canvasInputHandle: 'canvas-node-input-handle',
	canvasHandlePlus: 'canvas-handle-plus',
	nodeIssues: 'node-issues',
	parameterIssues: 'parameter-issues',
	fromAiOverrideButton: 'from-ai-override-button',
	fromAiOverrideField: 'fromAI-override-field',
};

/** Where the two lines differ, for the README. */
const LINE_NOTES = {
	backToCanvas: '1.x; 2.x closes the node panel with ndv-close-button',
	collectionAdd: '1.x has no test id on a collection\'s "Add Field" select: the test opens `.add-option` of the parameter-item whose label is `for` the collection',
	credentialEmptyState: '2.x only: the "Connect to …" button of a node without a credential',
	credentialNew: '1.x (and 2.x once a credential exists): the "Create new credential" row of the selector',
	credentialTestSuccess: 'the banner after a successful test; an error banner has no test id: the test reads our message in node-credentials-config-container after "More details"',
	canvasDefaultNode: 'the node\'s subtitle has no test id: the test reads the element whose CSS-module class starts `_subtitle_` inside canvas-default-node (both lines)',
	fromAiOverrideButton: 'the ✨ "Let the model define this parameter" button inside parameter-input-<name> of a tool node; 1.x offers none for a parameter named `name` (its editor denies the path parameters.name), 2.x does',
};

const ACTION_TIMEOUT = 15_000;

function expect0(count, message) {
	if (count !== 0) throw new Error(`${message} (${count} nodes)`);
}

class Editor {
	/** @param {import('playwright-core').Page} page */
	constructor(page, baseUrl) {
		this.page = page;
		this.baseUrl = baseUrl;
	}

	byId(id, root = this.page) {
		return root.getByTestId(id);
	}

	// ── Sign-up ──────────────────────────────────────────────────────────────────────────────

	async signUpOwner({ email, firstName, lastName, password }) {
		await this.page.goto(`${this.baseUrl}/`);
		const form = this.byId(TEST_IDS.setupForm);
		await form.waitFor({ state: 'visible', timeout: 60_000 });
		await this.byId('email', form).locator('input').fill(email);
		await this.byId('firstName', form).locator('input').fill(firstName);
		await this.byId('lastName', form).locator('input').fill(lastName);
		await this.byId('password', form).locator('input').fill(password);
		await this.byId(TEST_IDS.formSubmit, form).click();
		await this.page.waitForURL((url) => !url.pathname.includes('/setup'), { timeout: 30_000 });
	}

	// ── Canvas and nodes panel ───────────────────────────────────────────────────────────────

	/**
	 * A new, empty workflow: from the sidebar's "+" (universal-add › Workflow / New workflow),
	 * as a user does and without reloading the editor (a reload costs seconds on a small
	 * machine). The workflow on screen is saved first (Ctrl+S; 2.x saves by itself), else
	 * "new workflow" would be the page already shown. By its URL the first time, or when the
	 * workflow could not be saved.
	 */
	async newWorkflow() {
		await this.closeNdvIfOpen();
		const add = this.byId(TEST_IDS.universalAdd);
		const onNew = () => /\/workflow\/new\b/.test(new URL(this.page.url()).pathname);
		let inApp = this.page.url().startsWith(this.baseUrl) && (await add.isVisible().catch(() => false));
		if (inApp && onNew() && (await this.canvasNodes().count()) > 0) {
			await this.byId(TEST_IDS.canvas).click({ position: { x: 20, y: 20 } }).catch(() => {});
			await this.page.keyboard.press('ControlOrMeta+s');
			inApp = await this.page.waitForURL((url) => !/\/workflow\/new\b/.test(url.pathname), { timeout: 10_000 }).then(
				() => true,
				() => false,
			);
		}
		if (inApp) {
			await add.click();
			await this.byId(TEST_IDS.navigationItem)
				.filter({ hasText: /^\s*(New )?workflow\s*$/i })
				.filter({ visible: true })
				.first()
				.click();
			// 1.x asks before leaving a workflow with unsaved changes.
			const leave = this.page.getByRole('button', { name: /Leave without saving/i });
			const canvasPlus = this.byId(TEST_IDS.canvasPlus);
			await leave.or(canvasPlus).first().waitFor({ state: 'visible', timeout: 30_000 });
			if (await leave.isVisible()) await leave.click();
		} else {
			await this.page.goto(`${this.baseUrl}/workflow/new`);
		}
		await this.byId(TEST_IDS.canvasPlus).waitFor({ state: 'visible', timeout: 30_000 });
		expect0(await this.canvasNodes().count(), 'the new workflow is not empty');
	}

	nodeCreator() {
		return this.byId(TEST_IDS.nodeCreator);
	}

	async searchNodesPanel(text) {
		const search = this.byId(TEST_IDS.nodeCreatorSearch);
		await search.fill(text);
		// The list filters as one types: give it a moment to settle.
		await this.page.waitForTimeout(400);
	}

	/** Names of the items the nodes panel lists now. */
	async nodesPanelItems() {
		return (await this.byId(TEST_IDS.nodeCreatorItemName, this.nodeCreator()).allInnerTexts()).map((text) => text.trim());
	}

	nodesPanelItem(name) {
		return this.byId(TEST_IDS.nodeCreatorItemName, this.nodeCreator()).getByText(name, { exact: true });
	}

	async closeNodesPanel() {
		if (await this.nodeCreator().isVisible()) await this.page.keyboard.press('Escape');
		await this.nodeCreator().waitFor({ state: 'hidden' });
	}

	/** The first node of an empty workflow, from the canvas' "+" ("Add first step"). */
	async addFirstNode(searchText, itemName) {
		await this.byId(TEST_IDS.canvasPlus).click();
		await this.searchNodesPanel(searchText);
		await this.nodesPanelItem(itemName).click();
		await this.closeNdvIfOpen();
	}

	async openNodesPanel() {
		await this.byId(TEST_IDS.nodeCreatorPlus).click();
		await this.nodeCreator().waitFor({ state: 'visible' });
	}

	canvasNodes() {
		return this.byId(TEST_IDS.canvasNode);
	}

	// ── Node details view (NDV) ──────────────────────────────────────────────────────────────

	ndv() {
		return this.byId(TEST_IDS.ndv);
	}

	/** Back to the canvas: 1.x has "Back to canvas", 2.x a close button. */
	async closeNdvIfOpen() {
		const parameters = this.byId(TEST_IDS.nodeParameters);
		if (!(await parameters.isVisible().catch(() => false))) return;
		const close = this.byId(TEST_IDS.backToCanvas).or(this.byId(TEST_IDS.ndvClose)).filter({ visible: true }).first();
		// The panel may be closing already (its animation makes the button move).
		await close.click({ timeout: 3000 }).catch(() => {});
		if (await parameters.isVisible().catch(() => false)) await this.page.keyboard.press('Escape');
		await parameters.waitFor({ state: 'hidden' });
	}

	async waitForNdv() {
		await this.byId(TEST_IDS.nodeParameters, this.ndv()).waitFor({ state: 'visible' });
	}

	async openNode(name) {
		await this.page.locator(`[data-test-id="${TEST_IDS.canvasNode}"][data-node-name="${name}"]`).dblclick();
		await this.waitForNdv();
	}

	async nodeTitle() {
		return (await this.byId('node-title-container', this.ndv()).locator('[data-test-id="inline-edit-preview"]').first().innerText()).trim();
	}

	/** The fixed collection `name`'s last row (or the whole NDV when `within` is not given). */
	scope(within) {
		if (!within) return this.ndv();
		return this.byId(`fixed-collection-${within}`, this.ndv()).last();
	}

	parameter(name, within) {
		return this.byId(`parameter-input-${name}`, this.scope(within)).last();
	}

	/** The parameter's label row (holds its Fixed / Expression switch). */
	parameterOptions(name, within) {
		return this.byId(`${name}-parameter-input-options-container`, this.scope(within)).last();
	}

	async isParameterVisible(name) {
		return await this.byId(`parameter-input-${name}`, this.ndv()).first().isVisible();
	}

	/** Collections (Additional Fields, Options) show a label `for` their name. */
	collectionItem(name) {
		return this.byId(TEST_IDS.parameterItem, this.ndv()).filter({ has: this.page.locator(`label[for="${name}"]`) }).first();
	}

	async isCollectionVisible(name) {
		return await this.page.locator(`[data-test-id="${TEST_IDS.ndv}"] label[for="${name}"]`).first().isVisible();
	}

	async fill(name, value, within) {
		const input = this.parameter(name, within).locator('input, textarea').first();
		await input.fill(value);
		// n8n keeps the value on change/blur: leave the field as a user would.
		await input.press('Tab');
	}

	/** The options the open dropdown shows (the visible popper). */
	visibleOptions() {
		return this.page.getByRole('option').filter({ visible: true });
	}

	async visibleOptionLabels() {
		return (await this.visibleOptions().allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
	}

	/** An option of the open dropdown whose title is exactly `label` (n8n shows a description under it). */
	option(label) {
		return this.visibleOptions().filter({ has: this.page.getByText(label, { exact: true }) }).first();
	}

	/** Opens dropdown `name`; a list still loading gets a second click after a few seconds. */
	async openDropdown(name, within) {
		const input = this.parameter(name, within);
		await input.click();
		const first = this.visibleOptions().first();
		if (await first.waitFor({ state: 'visible', timeout: 5000 }).then(() => true, () => false)) return;
		const shown = await this.page.locator('.el-popper, [role="listbox"]').filter({ visible: true }).allInnerTexts().catch(() => []);
		await this.page.keyboard.press('Escape');
		await input.click();
		await first.waitFor({ state: 'visible', timeout: ACTION_TIMEOUT }).catch((error) => {
			throw new Error(`dropdown "${name}" shows no option (after a first click it showed ${JSON.stringify(shown).slice(0, 300)}): ${error.message.split('\n')[0]}`);
		});
	}

	async pick(name, label, { search, within } = {}) {
		await this.openDropdown(name, within);
		if (search) await this.page.keyboard.type(search);
		await this.option(label).click();
		await this.visibleOptions().first().waitFor({ state: 'hidden' }).catch(() => {});
	}

	async pickOperation(name) {
		await this.pick('operation', name);
	}

	/**
	 * Leaves the field being edited, as a click elsewhere does: on the panel's (already open)
	 * Parameters tab. It also closes the expression result that opens under an expression
	 * field and would cover the fields below it.
	 */
	async blur() {
		await this.byId(TEST_IDS.tabParams, this.ndv()).click();
	}

	/** Switches a parameter to Expression after typing `{{ … }}` in it. */
	async setExpression(name, expression, within) {
		const fixedInput = this.parameter(name, within).locator('input, textarea').first();
		const expressionEditor = this.parameter(name, within).locator('[contenteditable="true"]').first();
		if (await fixedInput.isVisible().catch(() => false)) {
			await fixedInput.fill(expression);
			await this.blur();
			// The panel re-renders after the value is kept: a click in that moment can be lost.
			for (let attempt = 0; attempt < 3; attempt++) {
				await this.byId(TEST_IDS.expressionRadio, this.parameterOptions(name, within)).click();
				if (await expressionEditor.waitFor({ state: 'visible', timeout: 4000 }).then(() => true, () => false)) break;
			}
		} else {
			// Already an expression: replace its text in the inline expression editor.
			await expressionEditor.click();
			await this.page.keyboard.press('ControlOrMeta+A');
			await this.page.keyboard.type(expression);
		}
		await expressionEditor.waitFor({ state: 'visible' });
		await this.blur();
	}

	/**
	 * Opens "Add Field" / "Add Option" of a collection: 2.x has a test id, 1.x an Element Plus
	 * select. Either is awaited first: the panel may still be drawing (a node just opened).
	 */
	async openCollectionAdd(collection) {
		const item = this.collectionItem(collection);
		const withId = item.locator(`[data-test-id^="${TEST_IDS.collectionAdd}"]`);
		const select = item.locator('.add-option input, .param-options input');
		await withId.or(select).first().waitFor({ state: 'visible' });
		await ((await withId.count()) ? withId : select).last().click();
	}

	async addToCollection(collection, label) {
		await this.openCollectionAdd(collection);
		await this.option(label).click();
	}

	async addFixedCollectionRow(name) {
		const collection = this.byId(`fixed-collection-${name}`, this.ndv()).last();
		await collection.waitFor({ state: 'visible' });
		await this.byId(TEST_IDS.fixedCollectionAdd, collection).last().click();
	}

	/** Runs one parameter action of the node table (see nodes.js). */
	async act(action) {
		if (action.collection) return await this.addToCollection(action.collection, action.add);
		if (action.fixedCollection) return await this.addFixedCollectionRow(action.fixedCollection);
		if (action.expression !== undefined) return await this.setExpression(action.param, action.expression, action.within);
		if (action.pick !== undefined) return await this.pick(action.param, action.pick, action);
		if (action.value !== undefined) return await this.fill(action.param, action.value, action.within);
		throw new Error(`unknown parameter action ${JSON.stringify(action)}`);
	}

	async openSettingsTab() {
		await this.byId(TEST_IDS.tabSettings, this.ndv()).click();
	}

	async openParametersTab() {
		await this.byId(TEST_IDS.tabParams, this.ndv()).click();
	}

	/** Settings › On Error › the option titled `label` ("Continue"). */
	async setOnError(label) {
		await this.openSettingsTab();
		await this.pick('onError', label);
		await this.openParametersTab();
	}

	// ── Credentials ──────────────────────────────────────────────────────────────────────────

	credentialModal() {
		return this.byId(TEST_IDS.credentialModal);
	}

	/**
	 * "Create new credential" from the node's credential selector: 1.x shows a select whose
	 * list ends with `node-credentials-select-item-new`; 2.x, while the node has none, shows
	 * `node-credentials-empty-state` ("Connect to …"), which opens the modal (or the same list).
	 */
	async createCredentialFromSelector() {
		const select = this.byId(TEST_IDS.credentialSelect, this.ndv());
		const empty = this.byId(TEST_IDS.credentialEmptyState, this.ndv());
		await select.or(empty).first().waitFor({ state: 'visible' });
		if (await select.isVisible()) await select.click();
		else await empty.locator('button').first().or(empty).first().click();
		const createItem = this.byId(TEST_IDS.credentialNew).filter({ visible: true }).first();
		await this.credentialModal().or(createItem).first().waitFor({ state: 'visible' });
		if (!(await this.credentialModal().isVisible())) await createItem.click();
		await this.credentialModal().waitFor({ state: 'visible' });
	}

	/** Opens the node's credential again (the pencil by the selector) unless its modal is open. */
	async openCredentialModal() {
		if (await this.credentialModal().isVisible()) return;
		await this.byId(TEST_IDS.credentialEdit, this.ndv()).click();
		await this.credentialModal().waitFor({ state: 'visible' });
	}

	/** Fills the credential modal: `{ param, value }` types, `{ param, pick }` chooses an option. */
	async fillCredential(actions) {
		const modal = this.credentialModal();
		for (const action of actions) {
			const parameter = this.byId(`parameter-input-${action.param}`, modal).first();
			if (action.pick !== undefined) {
				await parameter.click();
				await this.option(action.pick).click();
				await this.visibleOptions().first().waitFor({ state: 'hidden' }).catch(() => {});
			} else {
				await parameter.locator('input, textarea').first().fill(action.value);
			}
		}
	}

	/**
	 * Runs `action` (Save, or the banner's Retry) and returns n8n's answer to the credential
	 * test it triggers: `{ status, message }` from POST /rest/credentials/test.
	 */
	async credentialTestAnswer(action) {
		const answered = this.page.waitForResponse((response) => response.url().includes('/rest/credentials/test') && response.request().method() === 'POST', {
			timeout: 30_000,
		});
		await action();
		const response = await answered;
		const json = await response.json().catch(() => undefined);
		return json?.data ?? json;
	}

	async saveCredential() {
		return await this.credentialTestAnswer(() => this.byId(TEST_IDS.credentialSave, this.credentialModal()).click());
	}

	/** The banner's "Retry" (title "Retry credential test"): the modal's Test button. */
	async retestCredential() {
		return await this.credentialTestAnswer(() => this.credentialModal().getByTitle('Retry credential test').first().click());
	}

	credentialTestSuccess() {
		return this.byId(TEST_IDS.credentialTestSuccess, this.credentialModal());
	}

	credentialConfig() {
		return this.byId(TEST_IDS.credentialConfig, this.credentialModal());
	}

	/** Closes the credential modal if it is open (2.x closes it itself after a new credential's successful test). */
	async closeCredentialModal() {
		if (!(await this.credentialModal().isVisible())) return;
		await this.credentialModal().locator('.el-dialog__headerbtn, .el-dialog__close').first().click();
		await this.credentialModal().waitFor({ state: 'hidden' });
	}

	// ── Execution and output ─────────────────────────────────────────────────────────────────

	outputPanel() {
		return this.byId(TEST_IDS.outputPanel, this.ndv());
	}

	async execute() {
		await this.byId(TEST_IDS.execute, this.ndv()).click();
	}

	/**
	 * The output panel in JSON view, parsed. With `count`, waits until it shows that many items
	 * (a previous run's output stays on screen until the new one arrives).
	 */
	async outputItems({ count, timeout = 30_000 } = {}) {
		const panel = this.outputPanel();
		const json = this.byId(TEST_IDS.outputJson, panel);
		const container = this.byId(TEST_IDS.dataContainer, panel);
		const started = Date.now();
		let text = '';
		for (;;) {
			if (await json.isVisible().catch(() => false)) await json.click().catch(() => {});
			text = (await container.innerText().catch(() => '')).trim();
			let items;
			try {
				items = JSON.parse(text.slice(text.indexOf('[')).replace(/\s*\n\s*/g, ' '));
			} catch {
				items = undefined;
			}
			if (Array.isArray(items) && (count === undefined || items.length === count)) return { items, text };
			if (Date.now() - started > timeout) return { items, text };
			await this.page.waitForTimeout(500);
		}
	}

	/** Pins `rows` as the output of the node `nodeName` (its "Edit output" JSON editor). */
	async pinRows(nodeName, rows) {
		await this.openNode(nodeName);
		const panel = this.outputPanel();
		await this.byId(TEST_IDS.editPinnedData, panel).click();
		const editor = panel.locator('[contenteditable="true"]').first();
		await editor.waitFor({ state: 'visible' });
		await editor.click();
		await this.page.keyboard.press('ControlOrMeta+A');
		await this.page.keyboard.press('Delete');
		await editor.fill(JSON.stringify(rows));
		await this.byId(TEST_IDS.runDataHeader, panel).getByRole('button', { name: 'Save', exact: true }).filter({ visible: true }).first().click();
		await editor.waitFor({ state: 'hidden' });
		await this.closeNdvIfOpen();
	}

	/** Scrolls the output's data to its end, for a screenshot that shows the last item. */
	async scrollOutputToEnd() {
		await this.byId(TEST_IDS.dataContainer, this.outputPanel())
			.evaluate((element) => {
				for (const node of [element, ...element.querySelectorAll('*')]) {
					if (node.scrollHeight > node.clientHeight + 4) node.scrollTop = node.scrollHeight;
				}
			})
			.catch(() => {});
	}

	/**
	 * A picture of the NDV's parameter panel (title, tabs, every parameter): the window is made
	 * tall enough for the panel not to scroll, then put back.
	 */
	async screenshotParameterPanel(file) {
		await this.dismissToasts();
		const viewport = this.page.viewportSize();
		const overflow = await this.byId(TEST_IDS.nodeParameters, this.ndv()).evaluate((parameters) => {
			let scroller = parameters;
			while (scroller && scroller.scrollHeight <= scroller.clientHeight + 2) scroller = scroller.parentElement;
			return scroller ? scroller.scrollHeight - scroller.clientHeight : 0;
		});
		if (overflow > 0) await this.page.setViewportSize({ width: viewport.width, height: Math.min(viewport.height + overflow + 40, 4000) });
		try {
			await this.page.waitForTimeout(300);
			const box = await this.ndv().evaluate((ndv) => {
				const parameters = ndv.querySelector('[data-test-id="node-parameters"]');
				let panel = parameters;
				while (panel && panel !== ndv && !panel.querySelector('[data-test-id="node-execute-button"]')) panel = panel.parentElement;
				const rect = (panel ?? parameters).getBoundingClientRect();
				return { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
			});
			await this.page.screenshot({ path: file, clip: box });
		} finally {
			await this.page.setViewportSize(viewport);
		}
	}

	/** Closes n8n's toasts ("Node executed successfully"), which would cover a picture. */
	async dismissToasts() {
		for (const close of await this.page.locator('.el-notification__closeBtn').filter({ visible: true }).all()) await close.click().catch(() => {});
		await this.page.locator('.el-notification').filter({ visible: true }).first().waitFor({ state: 'hidden', timeout: 3000 }).catch(() => {});
	}

	/** A picture of the output panel, scrolled to its last item. */
	async screenshotOutputPanel(file) {
		await this.dismissToasts();
		await this.scrollOutputToEnd();
		// No hover buttons (the JSON view's "copy") in the picture.
		await this.page.mouse.move(1, 1);
		await this.outputPanel().screenshot({ path: file });
	}
}

// The canvas beyond adding a node, AI tools, and workflows through the editor's REST API.
require('./editorCanvas').install(Editor, { TEST_IDS, ACTION_TIMEOUT });

// CONTACT_SYNC_EDITOR_TRACE=1 prints how long each editor action takes.
if (process.env.CONTACT_SYNC_EDITOR_TRACE) {
	for (const name of Object.getOwnPropertyNames(Editor.prototype)) {
		const method = Editor.prototype[name];
		if (name === 'constructor' || typeof method !== 'function' || method.constructor.name !== 'AsyncFunction') continue;
		Editor.prototype[name] = async function (...args) {
			const started = Date.now();
			try {
				return await method.apply(this, args);
			} finally {
				console.log(`      · ${name}(${args.map((arg) => JSON.stringify(arg)?.slice(0, 40)).join(', ')}) ${Date.now() - started} ms`);
			}
		};
	}
}

module.exports = { Editor, TEST_IDS, LINE_NOTES, ACTION_TIMEOUT };
