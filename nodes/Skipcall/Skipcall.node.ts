import { type INodeType, type INodeTypeDescription, NodeConnectionTypes } from 'n8n-workflow';

import { contactResource } from '../common/description/operations';
import { executeOperations } from '../common/engine/execute';
import { apiKeyCredentialTest } from '../common/sending/credentialTest';
import { getCustomFields } from './methods/loadOptions';
import { skipcallProfile } from './profile';
import { contactDescription, contactPlans } from './resources/contact';

export class Skipcall implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Skipcall',
		name: 'skipcall',
		icon: { light: 'file:skipcall.svg', dark: 'file:skipcall.dark.svg' },
		group: ['output'],
		version: 1,
		// The operation as the Operation list names it, and "Dry Run" when Options › Dry Run is on:
		// on the canvas a dry run must not look like a real sync.
		subtitle:
			'={{ ({"create": "Create", "get": "Get", "update": "Update"})[$parameter["operation"]] + (($parameter["options"] || {}).dryRun === true ? " · Dry Run" : typeof ($parameter["options"] || {}).dryRun === "string" ? " · Dry Run by expression" : "") }}',
		description: 'Create, update and get contacts in the Skipcall sales dialer',
		defaults: { name: 'Skipcall' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'skipcallApi', required: true, testedBy: 'skipcallApiTest' }],
		properties: [contactResource, ...contactDescription],
	};

	methods = {
		loadOptions: { getCustomFields },
		credentialTest: { skipcallApiTest: apiKeyCredentialTest(skipcallProfile) },
	};

	// The one execute() of the package's nodes (common/engine/execute.ts), running this node's plans.
	execute = executeOperations(contactPlans);
}
