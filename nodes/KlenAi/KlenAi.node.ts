import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import { apiKeyCredentialTest } from '../common/credentialTest';
import { contactNodeDescription, defaultCountryOption, maxRateLimitWaitOption, optionsCollection } from '../common/properties';
import { contactDescription } from './resources/contact';

export class KlenAi implements INodeType {
	description: INodeTypeDescription = contactNodeDescription({
		displayName: 'Klen AI',
		name: 'klenAi',
		icon: 'klenAi',
		description: 'Create, update and find contacts for Klen AI phone agents',
		credential: 'klenAiApi',
		credentialTest: 'klenAiApiTest',
		properties: [
			...contactDescription,
			optionsCollection(['create', 'upsert', 'update', 'get', 'getAll'], [defaultCountryOption, maxRateLimitWaitOption]),
		],
	});

	methods = {
		credentialTest: {
			klenAiApiTest: apiKeyCredentialTest({
				displayName: 'Klen AI',
				path: '/contacts',
				qs: { limit: 1 },
				unauthorized: 'API key invalid or inactive: copy it again from Klen AI (it starts with klen_).',
				forbidden: 'The key works but lacks the can_read_contacts permission: give the key that permission in Klen AI.',
			}),
		},
	};
}
