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
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
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
