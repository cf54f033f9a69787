import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import { contactResource, defaultCountryOption, maxRateLimitWaitOption, optionsCollection } from '../common/properties';
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
		inputs: ['main'],
		outputs: ['main'],
		credentials: [{ name: 'klenAiApi', required: true }],
		requestDefaults: {
			baseURL: '={{$credentials.baseUrl}}',
			headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
		},
		properties: [
			contactResource,
			...contactDescription,
			optionsCollection(['create', 'upsert', 'update', 'get', 'getAll'], [defaultCountryOption, maxRateLimitWaitOption]),
		],
	};
}
