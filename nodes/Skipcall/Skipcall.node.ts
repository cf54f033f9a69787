import { type INodeType, type INodeTypeDescription, NodeConnectionTypes } from 'n8n-workflow';

import { contactResource } from '../common/description/operations';
import { apiKeyCredentialTest } from '../common/sending/credentialTest';
import { getCustomFields } from './methods/loadOptions';
import { skipcallProfile } from './profile';
import { contactDescription } from './resources/contact';

export class Skipcall implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Skipcall',
		name: 'skipcall',
		icon: { light: 'file:skipcall.svg', dark: 'file:skipcall.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Create, update and get contacts in the Skipcall sales dialer',
		defaults: { name: 'Skipcall' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'skipcallApi', required: true, testedBy: 'skipcallApiTest' }],
		// Empty: the Base URL (from the credential) and the JSON headers are set where every
		// request is sent (common/sending/send.ts), since n8n would resolve requestDefaults again for
		// every item. Declared all the same: n8n gives a routing node an `execute` as an AI tool only
		// when it has requestDefaults or no methods, and without one a tool call sends nothing.
		requestDefaults: {},
		properties: [contactResource, ...contactDescription],
	};

	methods = {
		loadOptions: { getCustomFields },
		credentialTest: { skipcallApiTest: apiKeyCredentialTest(skipcallProfile) },
	};
}
