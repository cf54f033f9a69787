import { type INodeType, type INodeTypeDescription, NodeConnectionTypes } from 'n8n-workflow';

import { contactResource } from '../common/description/operations';
import { apiKeyCredentialTest } from '../common/sending/credentialTest';
import { klenAiProfile } from './profile';
import { contactDescription } from './resources/contact';

export class KlenAi implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Klen AI',
		name: 'klenAi',
		icon: { light: 'file:klenAi.svg', dark: 'file:klenAi.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Create, update and find contacts for Klen AI phone agents',
		defaults: { name: 'Klen AI' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'klenAiApi', required: true, testedBy: 'klenAiApiTest' }],
		// Empty: the Base URL (from the credential) and the JSON headers are set where every
		// request is sent (common/sending/send.ts), since n8n would resolve requestDefaults again for
		// every item. Declared all the same: n8n gives a routing node an `execute` as an AI tool only
		// when it has requestDefaults or no methods, and without one a tool call sends nothing.
		requestDefaults: {},
		properties: [contactResource, ...contactDescription],
	};

	methods = {
		credentialTest: { klenAiApiTest: apiKeyCredentialTest(klenAiProfile) },
	};
}
