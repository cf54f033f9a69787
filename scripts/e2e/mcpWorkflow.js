'use strict';
/**
 * What the MCP scenario (mcp.js) sets up in n8n: one workflow whose MCP Server Trigger offers
 * the four nodes' tool variants, their inputs from $fromAI() and Options › Default Country for Phone Numbers FR,
 * and the activation of saved workflows the way each n8n line does it.
 */
const crypto = require('node:crypto');

const realN8n = require('./realN8n');

const WORKFLOW_ID = 'mcpFourTools0001';

const fromAI = (key, description) => `={{ $fromAI('${key}', '${description}', 'string') }}`;
const PHONE = fromAI('phone', 'Phone number as written; a national number is read with the Default Country');

/**
 * The four tools: node name, type, credential, parameters, the $fromAI keys, and where the
 * provider keeps a contact's first phone.
 */
const TOOLS = [
	{
		name: 'Skipcall',
		type: 'skipcallTool',
		credentials: { skipcallApi: { id: 'skipcallSandbox1', name: 'Skipcall sandbox' } },
		parameters: { resource: 'contact', operation: 'create', firstName: fromAI('firstName', 'First name'), lastName: fromAI('lastName', 'Last name'), phoneNumbers: PHONE, additionalFields: { email: fromAI('email', 'Email') } },
		keys: ['firstName', 'lastName', 'email', 'phone'],
		phoneOf: (contact) => contact?.phoneNumbers?.[0],
	},
	{
		name: 'Klen AI',
		type: 'klenAiTool',
		credentials: { klenAiApi: { id: 'klenAiSandbox001', name: 'Klen AI sandbox' } },
		parameters: {
			resource: 'contact',
			operation: 'upsert',
			firstName: fromAI('firstName', 'First name'),
			additionalFields: { lastName: fromAI('lastName', 'Last name'), email: fromAI('email', 'Email'), phoneNumbers: { number: [{ phoneNumber: PHONE }] } },
		},
		keys: ['firstName', 'lastName', 'email', 'phone'],
		phoneOf: (contact) => contact?.phone_numbers?.[0]?.phone_number,
	},
	{
		name: 'Skode AI',
		type: 'skodeTool',
		credentials: { skodeApi: { id: 'skodeAiSandbox01', name: 'Skode AI sandbox' } },
		parameters: { resource: 'contact', operation: 'upsert', name: fromAI('fullName', 'Full name'), email: fromAI('email', 'Email'), phone: PHONE },
		keys: ['fullName', 'email', 'phone'],
		phoneOf: (contact) => contact?.phone,
	},
	{
		name: 'Tether',
		type: 'tetherTool',
		credentials: { tetherApi: { id: 'tetherSandboxTkn', name: 'Tether sandbox (access token)' } },
		parameters: {
			resource: 'contact',
			operation: 'upsert',
			phoneNumbers: PHONE,
			additionalFields: { firstName: fromAI('firstName', 'First name'), lastName: fromAI('lastName', 'Last name'), email: fromAI('email', 'Email') },
		},
		keys: ['firstName', 'lastName', 'email', 'phone'],
		phoneOf: (contact) => contact?.phoneNumber?.[0]?.value,
	},
];

/** The name n8n gives a node's tool: the node's name, each character other than a letter, digit, _ or - made `_`. */
const toolNameOf = (nodeName) => nodeName.replace(/[^a-zA-Z0-9_-]/g, '_');

/** MCP Server Trigger (v2, at `/mcp/<mcpPath>`) with the four tools on its ai_tool input. */
function toolsWorkflow(mcpPath) {
	const trigger = { id: crypto.randomUUID(), name: 'MCP Server Trigger', type: '@n8n/n8n-nodes-langchain.mcpTrigger', typeVersion: 2, position: [0, 0], webhookId: crypto.randomUUID(), parameters: { path: mcpPath } };
	const tools = TOOLS.map((tool, index) => ({
		id: crypto.randomUUID(),
		name: tool.name,
		type: `${realN8n.PACKAGE_NAME}.${tool.type}`,
		typeVersion: 1,
		position: [index * 200 - 300, 220],
		parameters: { ...tool.parameters, options: { defaultCountry: 'FR' } },
		credentials: tool.credentials,
	}));
	const connections = Object.fromEntries(tools.map((node) => [node.name, { ai_tool: [[{ node: trigger.name, type: 'ai_tool', index: 0 }]] }]));
	return { id: WORKFLOW_ID, name: 'MCP e2e: the four contact tools', nodes: [trigger, ...tools], connections, settings: { executionOrder: 'v1' }, active: false };
}

/** Activates saved workflows the way the line does: 1.x update:workflow --active (before start), 2.x publish:workflow. */
async function activate(n8n, userFolder, ids) {
	for (const id of ids) {
		const args = n8n.line === '1.x' ? ['update:workflow', `--id=${id}`, '--active=true'] : ['publish:workflow', `--id=${id}`];
		const result = await realN8n.n8nCommand(n8n, userFolder, args);
		if (result.exitCode !== 0) throw new Error(`n8n ${args.join(' ')} failed (exit ${result.exitCode}):\n${`${result.stdout}\n${result.stderr}`.trim().slice(-1500)}`);
	}
}

module.exports = { TOOLS, WORKFLOW_ID, toolNameOf, toolsWorkflow, activate };
