import type { IDataObject } from 'n8n-workflow';

import type { LookupKey } from '../../../common/operations/lookup';
import { listFrom } from '../../../common/operations/records';
import type { UpsertPlan } from '../../../common/operations/upsert';
import { SKODE_PAGE_SIZE, skodeEndpoints } from './endpoints';

const digits = (value: unknown) => (typeof value === 'string' ? value.replace(/\D/g, '') : '');

/**
 * How Create or Update finds a row's contact. Skode keeps one contact per email and refuses a
 * second one (409): the email key is `unique`, so the create is sent first and the refusal
 * names the contact (common/operations/upsert.ts). A row without an email is found by its
 * phone with the full-text search `q`, keeping only exact matches. The email filter is read
 * as exact too, case aside, whatever Skode does with it.
 */
export const skodeUpsertPlan: UpsertPlan = {
	searchUrl: skodeEndpoints.list,
	records: listFrom,
	lookupKeys(body) {
		const keys: LookupKey[] = [];
		const email = typeof body.email === 'string' ? body.email : undefined;
		if (email) {
			keys.push({
				label: `email ${email}`,
				query: { email, per_page: SKODE_PAGE_SIZE },
				matches: (contact: IDataObject) => String(contact.email ?? '').toLowerCase() === email.toLowerCase(),
				unique: true,
			});
		}
		const phone = typeof body.phone === 'string' ? body.phone : undefined;
		if (phone) {
			keys.push({
				label: `phone ${phone}`,
				query: { q: phone, per_page: SKODE_PAGE_SIZE },
				matches: (contact: IDataObject) => digits(contact.phone) === digits(phone),
			});
		}
		return keys;
	},
	createRequest: { method: 'POST', url: skodeEndpoints.create },
	updateRequest: (id) => ({ method: 'PATCH', url: skodeEndpoints.update(id) }),
};
