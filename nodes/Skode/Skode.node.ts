import { type INodeType, type INodeTypeDescription, NodeConnectionTypes } from 'n8n-workflow';

import { contactResource } from '../common/description/operations';
import { apiKeyCredentialTest } from '../common/sending/credentialTest';
import { skodeProfile } from './profile';
import { contactDescription } from './resources/contact';

export class Skode implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Skode AI',
		name: 'skode',
		icon: { light: 'file:skode.svg', dark: 'file:skode.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Create, update, find, merge and delete contacts in the Skode AI sales CRM',
		defaults: { name: 'Skode AI' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'skodeApi', required: true, testedBy: 'skodeApiTest' }],
		// Empty: the Base URL (from the credential) and the JSON headers are set where every
		// request is sent (common/sending/send.ts), since n8n would resolve requestDefaults again for
		// every item. Declared all the same: n8n gives a routing node an `execute` as an AI tool only
		// when it has requestDefaults or no methods, and without one a tool call sends nothing.
		requestDefaults: {},
		properties: [contactResource, ...contactDescription],
	};

	methods = {
		credentialTest: { skodeApiTest: apiKeyCredentialTest(skodeProfile) },
	};
}
