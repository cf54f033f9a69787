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
		// No requestDefaults: n8n would resolve them again for every item. The Base URL (from
		// the credential) and the JSON headers are set where every request is sent,
		// common/sending/send.ts.
		properties: [contactResource, ...contactDescription],
	};

	methods = {
		credentialTest: { skodeApiTest: apiKeyCredentialTest(skodeProfile) },
	};
}
