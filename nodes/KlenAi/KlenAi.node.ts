import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import { contactNodeDescription, defaultCountryOption, maxRateLimitWaitOption, optionsCollection } from '../common/properties';
import { contactDescription } from './resources/contact';

export class KlenAi implements INodeType {
	description: INodeTypeDescription = contactNodeDescription({
		displayName: 'Klen AI',
		name: 'klenAi',
		icon: 'klenAi',
		description: 'Create, update and find contacts for Klen AI phone agents',
		credential: 'klenAiApi',
		properties: [
			...contactDescription,
			optionsCollection(['create', 'upsert', 'update', 'get', 'getAll'], [defaultCountryOption, maxRateLimitWaitOption]),
		],
	});
}
