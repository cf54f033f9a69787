import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import { apiKeyCredentialTest } from '../common/credentialTest';
import {
	contactNodeDescription,
	defaultCountryOption,
	maxRateLimitWaitOption,
	optionsCollection,
	requestsPerMinuteOption,
} from '../common/properties';
import { getCustomFields } from './methods/loadOptions';
import { contactDescription } from './resources/contact';

export class Skipcall implements INodeType {
	description: INodeTypeDescription = contactNodeDescription({
		displayName: 'Skipcall',
		name: 'skipcall',
		icon: 'skipcall',
		description: 'Create, update and get contacts in the Skipcall sales dialer',
		credential: 'skipcallApi',
		credentialTest: 'skipcallApiTest',
		properties: [
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
	});

	methods = {
		loadOptions: { getCustomFields },
		credentialTest: {
			skipcallApiTest: apiKeyCredentialTest({
				displayName: 'Skipcall',
				path: '/workspaces',
				unauthorized: 'API key invalid: Skipcall did not recognise it. Copy the key again from Skipcall › Settings › API.',
				forbidden:
					'The key is valid but has no API access: your Skipcall plan may not include the API. Check your plan in Skipcall › Settings › Billing.',
			}),
		},
	};
}
