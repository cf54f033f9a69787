import { type INodeType, type INodeTypeDescription, NodeConnectionTypes } from 'n8n-workflow';

import { contactResource } from '../common/description/operations';
import { executeOperations } from '../common/engine/execute';
import { apiKeyCredentialTest } from '../common/sending/credentialTest';
import { skodeProfile } from './profile';
import { contactDescription, contactPlans } from './resources/contact';

export class Skode implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Skode AI',
		name: 'skode',
		icon: { light: 'file:skode.svg', dark: 'file:skode.dark.svg' },
		group: ['output'],
		version: [1, 2],
		defaultVersion: 2,
		// The operation as the Operation list names it, and "Dry Run" when Options › Dry Run is on:
		// on the canvas a dry run must not look like a real sync.
		subtitle:
			'={{ ({"create": "Create", "upsert": "Create or Update", "delete": "Delete", "get": "Get", "getAll": "Get Many", "merge": "Merge", "update": "Update"})[$parameter["operation"]] + (($parameter["options"] || {}).dryRun === true ? " · Dry Run" : typeof ($parameter["options"] || {}).dryRun === "string" ? " · Dry Run by expression" : "") }}',
		description: 'Create, update, find, merge and delete contacts in the Skode AI sales CRM',
		defaults: { name: 'Skode AI' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'skodeApi', required: true, testedBy: 'skodeApiTest' }],
		properties: [contactResource, ...contactDescription],
	};

	methods = {
		credentialTest: { skodeApiTest: apiKeyCredentialTest(skodeProfile) },
	};

	// The one execute() of the package's nodes (common/engine/execute.ts), running this node's plans.
	execute = executeOperations(contactPlans);
}
