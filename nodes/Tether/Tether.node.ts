import { type INodeType, type INodeTypeDescription, NodeConnectionTypes } from 'n8n-workflow';

import { contactResource } from '../common/description/operations';
import { executeOperations } from '../common/engine/execute';
import { tetherCredentialTest } from './credentialTest';
import { contactDescription, contactPlans } from './resources/contact';

export class Tether implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Tether',
		name: 'tether',
		icon: { light: 'file:tether.svg', dark: 'file:tether.dark.svg' },
		group: ['output'],
		version: 1,
		// The operation as the Operation list names it, and "Dry Run" when Options › Dry Run is on:
		// on the canvas a dry run must not look like a real sync.
		subtitle:
			'={{ ({"create": "Create", "upsert": "Create or Update", "getAll": "Get Many", "update": "Update"})[$parameter["operation"]] + (($parameter["options"] || {}).dryRun === true ? " · Dry Run" : typeof ($parameter["options"] || {}).dryRun === "string" ? " · Dry Run by expression" : "") }}',
		description: 'Create, update and find contacts in your Tether lead management instance',
		defaults: { name: 'Tether' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'tetherApi', required: true, testedBy: 'tetherApiTest' }],
		properties: [contactResource, ...contactDescription],
	};

	methods = {
		credentialTest: { tetherApiTest: tetherCredentialTest },
	};

	// The one execute() of the package's nodes (common/engine/execute.ts), running this node's plans.
	execute = executeOperations(contactPlans);
}
