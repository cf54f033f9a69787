import { defaultCountryOption, lookupStrategyOption, maxRateLimitWaitOption, requestsPerMinuteOption } from '../../../common/description/options';
import { contactResourceProperties, operationPlans } from '../../../common/description/operations';
import { create } from './create';
import { getAll } from './getAll';
import { update } from './update';
import { upsert } from './upsert';

const operations = [create, upsert, getAll, update];

/** What the node's execute() runs for each operation. */
export const contactPlans = operationPlans(operations);

export const contactDescription = contactResourceProperties(
	operations,
	[
		defaultCountryOption,
		lookupStrategyOption,
		maxRateLimitWaitOption,
		requestsPerMinuteOption('Tether', 0, 'Tether documents no limit: leave 0 unless your instance’s administrator set one.'),
	],
);
