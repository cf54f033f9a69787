import { type INodeType, type INodeTypeDescription, NodeConnectionTypes } from 'n8n-workflow';

import { contactResource } from '../common/description/operations';
import { tetherCredentialTest } from './credentialTest';
import { contactDescription } from './resources/contact';

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
		// Empty: the Base URL (from the credential) and the JSON headers are set where every
		// request is sent (common/sending/send.ts), since n8n would resolve requestDefaults again for
		// every item. Declared all the same: n8n gives a routing node an `execute` as an AI tool only
		// when it has requestDefaults or no methods, and without one a tool call sends nothing.
		requestDefaults: {},
		properties: [contactResource, ...contactDescription],
	};

	methods = {
		credentialTest: { tetherApiTest: tetherCredentialTest },
	};
}
