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
		// No requestDefaults: n8n would resolve them again for every item. The API root (the
		// credential's instance plus /api, profile.ts) and the JSON headers are set where every
		// request is sent, common/sending/send.ts.
		properties: [contactResource, ...contactDescription],
	};

	methods = {
		credentialTest: { tetherApiTest: tetherCredentialTest },
	};
}
