import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import {
	contactResource,
	defaultCountryOption,
	maxRateLimitWaitOption,
	optionsCollection,
	requestsPerMinuteOption,
} from '../common/properties';
import { getCustomFields } from './methods/loadOptions';
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
		inputs: ['main'],
		outputs: ['main'],
		credentials: [{ name: 'skipcallApi', required: true }],
		requestDefaults: {
			baseURL: '={{$credentials.baseUrl}}',
			headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
		},
		properties: [
			contactResource,
			...contactDescription,
			optionsCollection(
				['create', 'update', 'get'],
				[
					defaultCountryOption,
					maxRateLimitWaitOption,
					requestsPerMinuteOption(
						'Skipcall',
						100,
						'Starter and Intermédiaire plans allow 100, Expert 1000: see Skipcall › Settings › Billing.',
					),
				],
			),
		],
	};

	methods = { loadOptions: { getCustomFields } };
}
