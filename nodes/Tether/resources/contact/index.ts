import { lookupStrategyOption } from '../../../common/description/lookupStrategy';
import { contactResourceProperties } from '../../../common/description/operations';
import { defaultCountryOption, maxRateLimitWaitOption, requestsPerMinuteOption } from '../../../common/description/options';
import { create } from './create';
import { getAll } from './getAll';
import { update } from './update';
import { upsert } from './upsert';

export const contactDescription = contactResourceProperties(
	[create, upsert, getAll, update],
	[
		defaultCountryOption,
		lookupStrategyOption,
		maxRateLimitWaitOption,
		requestsPerMinuteOption('Tether', 0, 'Tether documents no limit: leave 0 unless your instance’s administrator set one.'),
	],
);
