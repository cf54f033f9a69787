import { contactResourceProperties, operationPlans } from '../../../common/description/operations';
import { defaultCountryOption, maxRateLimitWaitOption, requestsPerMinuteOption } from '../../../common/description/options';
import { create } from './create';
import { get } from './get';
import { update } from './update';

const operations = [create, get, update];

/** What the node's execute() runs for each operation. */
export const contactPlans = operationPlans(operations);

export const contactDescription = contactResourceProperties(
	operations,
	[
		defaultCountryOption,
		maxRateLimitWaitOption,
		requestsPerMinuteOption('Skipcall', 100, 'Starter and Intermédiaire plans allow 100, Expert 1000: see Skipcall › Settings › Billing.'),
	],
);
