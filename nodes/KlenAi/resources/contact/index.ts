import { lookupStrategyOption } from '../../../common/description/lookupStrategy';
import { contactResourceProperties } from '../../../common/description/operations';
import { defaultCountryOption, maxRateLimitWaitOption } from '../../../common/description/options';
import { create } from './create';
import { get } from './get';
import { getAll } from './getAll';
import { update } from './update';
import { upsert } from './upsert';

export const contactDescription = contactResourceProperties(
	[create, upsert, get, getAll, update],
	[defaultCountryOption, lookupStrategyOption, maxRateLimitWaitOption],
);
