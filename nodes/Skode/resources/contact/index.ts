import { defaultCountryOption, lookupStrategyOption, maxRateLimitWaitOption, requestsPerMinuteOption } from '../../../common/description/options';
import { contactResourceProperties, operationPlans } from '../../../common/description/operations';
import { create } from './create';
import { deleteOperation } from './delete';
import { get } from './get';
import { getAll, sortOption } from './getAll';
import { merge } from './merge';
import { update } from './update';
import { upsert } from './upsert';

const operations = [create, upsert, deleteOperation, get, getAll, merge, update];

/** What the node's execute() runs for each operation. */
export const contactPlans = operationPlans(operations);

export const contactDescription = contactResourceProperties(
	operations,
	[
		defaultCountryOption,
		lookupStrategyOption,
		maxRateLimitWaitOption,
		requestsPerMinuteOption('Skode AI', 100, 'Free plans allow 100 a minute per key, Pro 1,000, Enterprise 10,000.'),
		sortOption,
	],
);
