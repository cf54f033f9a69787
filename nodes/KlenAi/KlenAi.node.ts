import { type INodeType, type INodeTypeDescription, NodeConnectionTypes } from 'n8n-workflow';

import { contactResource } from '../common/description/operations';
import { executeOperations } from '../common/engine/execute';
import { apiKeyCredentialTest } from '../common/sending/credentialTest';
import { klenAiProfile } from './profile';
import { contactDescription, contactPlans } from './resources/contact';

export class KlenAi implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Klen AI',
		name: 'klenAi',
		icon: { light: 'file:klenAi.svg', dark: 'file:klenAi.dark.svg' },
		group: ['output'],
		version: [1, 2],
		defaultVersion: 2,
		// The operation as the Operation list names it, and "Dry Run" when Options › Dry Run is on:
		// on the canvas a dry run must not look like a real sync.
		subtitle:
			'={{ ({"create": "Create", "upsert": "Create or Update", "get": "Get", "getAll": "Get Many", "update": "Update"})[$parameter["operation"]] + (($parameter["options"] || {}).dryRun === true ? " · Dry Run" : typeof ($parameter["options"] || {}).dryRun === "string" ? " · Dry Run by expression" : "") }}',
		description: 'Create, update and find contacts for Klen AI phone agents',
		defaults: { name: 'Klen AI' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'klenAiApi', required: true, testedBy: 'klenAiApiTest' }],
		properties: [contactResource, ...contactDescription],
	};

	methods = {
		credentialTest: { klenAiApiTest: apiKeyCredentialTest(klenAiProfile) },
	};

	// The one execute() of the package's nodes (common/engine/execute.ts), running this node's plans.
	execute = executeOperations(contactPlans);
}
