import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

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

	methods = { loadOptions: { getCustomFields } };
}
