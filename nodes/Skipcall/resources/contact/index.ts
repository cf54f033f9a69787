import { contactResourceProperties } from '../../../common/description/operations';
import { defaultCountryOption, maxRateLimitWaitOption, requestsPerMinuteOption } from '../../../common/description/options';
import { create } from './create';
import { get } from './get';
import { update } from './update';

export const contactDescription = contactResourceProperties(
	[create, get, update],
	[
		defaultCountryOption,
		maxRateLimitWaitOption,
		requestsPerMinuteOption('Skipcall', 100, 'Starter and Intermédiaire plans allow 100, Expert 1000: see Skipcall › Settings › Billing.'),
	],
);
