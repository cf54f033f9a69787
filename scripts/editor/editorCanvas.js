'use strict';
/**
 * More of the editor, as methods of editor.js's `Editor` (installed by `install`): the canvas
 * beyond adding a node (a node's subtitle and issue badge, a sub-node input's "+"), what the
 * node panel shows about a node (its top-level parameters in order, its version, its issues),
 * the "let the model define this" button of an AI tool's parameter, and workflows pasted into
 * the canvas or read back through the editor's own REST API. The test ids are editor.js's
 * TEST_IDS; where there is none, the comment says what is used instead.
 */

function install(Editor, { TEST_IDS, ACTION_TIMEOUT }) {
	const methods = {
		/**
		 * A call to n8n's REST API as the editor makes it: in the page (its session cookie) with
		 * the `browser-id` header the editor sends (localStorage `n8n-browserId`). Without that
		 * header n8n refuses the call and clears the session cookie: the editor is signed out.
		 */
		async rest(method, path, body) {
			const answer = await this.page.evaluate(
				async ({ method, path, body }) => {
					const headers = { 'browser-id': localStorage.getItem('n8n-browserId') ?? '' };
					if (body !== undefined) headers['content-type'] = 'application/json';
					const response = await fetch(`/rest${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
					return { status: response.status, text: await response.text() };
				},
				{ method, path, body },
			);
			if (answer.status >= 400) throw new Error(`${method} /rest${path} answered ${answer.status}: ${answer.text.slice(0, 300)}`);
			const json = JSON.parse(answer.text);
			return json.data ?? json;
		},

		/** `{ id, name }` of the credential `name` of type `type`, for a node pasted with it. */
		async credentialRef(type, name) {
			const credentials = await this.rest('GET', '/credentials');
			const found = credentials.find((credential) => credential.type === type && credential.name === name);
			if (!found) throw new Error(`no credential "${name}" of type ${type}: n8n lists ${JSON.stringify(credentials.map((credential) => `${credential.name} (${credential.type})`))}`);
			return { id: found.id, name: found.name };
		},

		/**
		 * Pastes `workflow` (`{ nodes, connections }`) onto the canvas, as Ctrl+V of a copied
		 * workflow does (n8n's import from the clipboard: a paste event carrying the JSON).
		 */
		async pasteWorkflow(workflow) {
			await this.focusCanvas();
			await this.page.evaluate((text) => {
				const data = new DataTransfer();
				data.setData('text/plain', text);
				document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
			}, JSON.stringify(workflow));
			for (const node of workflow.nodes) await this.canvasNode(node.name).waitFor({ state: 'visible' });
		},

		/**
		 * A click on an empty part of the canvas (no field keeps the keyboard). 2.x leaves the
		 * sidebar's "+" menu open after "New workflow" over the canvas' top left: Escape closes it.
		 */
		async focusCanvas() {
			await this.page.keyboard.press('Escape');
			const canvas = this.byId(TEST_IDS.canvas);
			const box = await canvas.boundingBox();
			await canvas.click({ position: { x: Math.round(box.width * 0.8), y: Math.round(box.height * 0.2) } });
		},

		/** The id of the workflow on screen, from the URL (`/workflow/<id>`); undefined while new. */
		workflowId() {
			const match = /\/workflow\/([^/?#]+)/.exec(new URL(this.page.url()).pathname);
			return match && match[1] !== 'new' ? match[1] : undefined;
		},

		/** Saves the workflow on screen (Ctrl+S; 2.x also saves by itself) and returns its id. */
		async saveWorkflow() {
			await this.closeNdvIfOpen();
			await this.focusCanvas();
			await this.page.keyboard.press('ControlOrMeta+s');
			await this.page.waitForURL(() => this.workflowId() !== undefined, { timeout: ACTION_TIMEOUT });
			return this.workflowId();
		},

		/**
		 * The workflow on screen as n8n stored it, once `ready(workflow)` holds (a save, or 2.x's
		 * own, may still be on its way); the last one read otherwise. 2.x puts the new
		 * workflow's id in the URL before its first save has reached the database, and answers
		 * 404 until then: read again, until the timeout.
		 */
		async savedWorkflow(ready = () => true, timeout = ACTION_TIMEOUT) {
			const id = await this.saveWorkflow();
			const started = Date.now();
			for (;;) {
				const late = Date.now() - started > timeout;
				const workflow = await this.rest('GET', `/workflows/${id}`).catch((error) => {
					if (late || !/ answered 404:/.test(error.message)) throw error;
					return undefined;
				});
				if ((workflow && ready(workflow)) || late) return workflow;
				await this.page.waitForTimeout(500);
			}
		},

		canvasNode(name) {
			return this.page.locator(`[data-test-id="${TEST_IDS.canvasNode}"][data-node-name="${name}"]`);
		},

		/**
		 * The subtitle under a node on the canvas. It has no test id: the element whose CSS-module
		 * class starts `_subtitle_` in canvas-default-node (1.123.50 and 2.41.1 alike).
		 */
		async canvasSubtitle(name) {
			const subtitle = this.canvasNode(name).locator(`[data-test-id="${TEST_IDS.canvasDefaultNode}"] [class*="_subtitle_"]`).first();
			await subtitle.waitFor({ state: 'visible' });
			return (await subtitle.innerText()).replace(/\s+/g, ' ').trim();
		},

		/** The warning badge of a node on the canvas (parameter or credential issues): its count. */
		async nodeIssueCount(name) {
			return await this.canvasNode(name).locator(`[data-test-id="${TEST_IDS.nodeIssues}"]`).count();
		},

		/** The issue markers the node panel shows next to parameters, with their tooltips' text. */
		async parameterIssues() {
			const issues = this.byId(TEST_IDS.parameterIssues, this.ndv()).filter({ visible: true });
			return await issues.evaluateAll((elements) => elements.map((element) => (element.closest('[data-test-id="parameter-item"]')?.querySelector('label[for]')?.getAttribute('for') ?? '?')));
		},

		/**
		 * The top-level parameters the Parameters tab shows, in order: `{ name, label }` from each
		 * parameter-item's `label[for]` (its first line: the label also holds Fixed / Expression).
		 */
		async topLevelParameters() {
			return await this.byId(TEST_IDS.nodeParameters, this.ndv()).evaluate((parameters) =>
				[...parameters.querySelectorAll('[data-test-id="parameter-item"]')]
					.filter((item) => !item.parentElement.closest('[data-test-id="parameter-item"]') && item.getClientRects().length > 0)
					.map((item) => item.querySelector('label[for]'))
					.filter(Boolean)
					.map((label) => ({ name: label.getAttribute('for'), label: label.innerText.split('\n')[0].trim() })),
			);
		},

		/** What a collection's "Add Field" / "Add Option" offers (the list is closed again). */
		async collectionAddOptions(collection) {
			await this.openCollectionAdd(collection);
			await this.visibleOptions().first().waitFor({ state: 'visible' });
			const labels = await this.visibleOptionLabels();
			await this.page.keyboard.press('Escape');
			await this.visibleOptions().first().waitFor({ state: 'hidden' }).catch(() => {});
			return labels;
		},

		/** The Settings tab's "<node> node version N (Latest)" line (no test id: its text). */
		async nodeVersionText() {
			await this.openSettingsTab();
			const line = this.byId(TEST_IDS.nodeParameters, this.ndv()).getByText(/ node version \d/).first();
			const text = (await line.innerText()).replace(/\s+/g, ' ').trim();
			await this.openParametersTab();
			return text;
		},

		/** Turns a boolean parameter (an Element Plus switch) on or off. */
		async setSwitch(name, on) {
			const toggle = this.parameter(name).locator('.el-switch').first();
			const isOn = async () => /\bis-checked\b/.test((await toggle.getAttribute('class')) ?? '');
			if ((await isOn()) !== on) await toggle.click();
			for (let tries = 0; tries < 10 && (await isOn()) !== on; tries++) await this.page.waitForTimeout(200);
			if ((await isOn()) !== on) throw new Error(`the switch ${name} is still ${on ? 'off' : 'on'}`);
		},

		/**
		 * From the "+" of node `nodeName`'s sub-node input `connectionType` (an AI Agent's or MCP
		 * Server Trigger's Tool, `ai_tool`) on the canvas: search `search` in the nodes panel and
		 * pick `item`. Returns the items the search listed; the new node's panel is open.
		 */
		async addSubNode(nodeName, connectionType, search, item) {
			const handle = this.page.locator(`[data-test-id="${TEST_IDS.canvasInputHandle}"][data-connection-type="${connectionType}"][data-node-name="${nodeName}"]`);
			await this.byId(TEST_IDS.canvasHandlePlus, handle).click();
			await this.nodeCreator().waitFor({ state: 'visible' });
			await this.searchNodesPanel(search);
			const items = await this.nodesPanelItems();
			if (!items.includes(item)) throw new Error(`searching "${search}" from ${nodeName}'s ${connectionType} input lists ${JSON.stringify(items)}, not "${item}"`);
			await this.nodesPanelItem(item).click();
			await this.waitForNdv();
			return items;
		},

		/** The ✨ "Let the model define this parameter" button of a tool node's parameter. */
		fromAiButton(name) {
			return this.byId(TEST_IDS.fromAiOverrideButton, this.byId(`parameter-input-${name}`, this.ndv()).first());
		},

		/** Clicks it; returns what the parameter then shows ("Defined automatically by the model"). */
		async defineByModel(name) {
			await this.fromAiButton(name).click();
			const field = this.byId(TEST_IDS.fromAiOverrideField, this.collectionItem(name));
			await field.waitFor({ state: 'visible' });
			return (await field.innerText()).replace(/\s+/g, ' ').trim();
		},
	};
	for (const [name, method] of Object.entries(methods)) Editor.prototype[name] = method;
}

module.exports = { install };
