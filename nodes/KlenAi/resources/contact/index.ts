import { defaultCountryOption, lookupStrategyOption, maxRateLimitWaitOption } from '../../../common/description/options';
import { contactResourceProperties, operationPlans } from '../../../common/description/operations';
import { create } from './create';
import { get } from './get';
import { getAll } from './getAll';
import { update } from './update';
import { upsert } from './upsert';

const operations = [create, upsert, get, getAll, update];

/** What the node's execute() runs for each operation. */
export const contactPlans = operationPlans(operations);

export const contactDescription = contactResourceProperties(
	operations,
	[defaultCountryOption, lookupStrategyOption, maxRateLimitWaitOption],
);
