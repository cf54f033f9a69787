import type { IDataObject } from 'n8n-workflow';

import { nationalDigits } from '../../../common/input/phone';
import { type LookupKey, emailLookupKey, phoneLookupKey } from '../../../common/operations/lookup';
import { contactsUnder } from '../../../common/operations/contactIndex';
import type { UpsertPlan } from '../../../common/operations/upsert';
import { addressCountry } from './address';
import { SKODE_PAGE_SIZE, skodeEndpoints } from './endpoints';

/**
 * How Create or Update finds a row's contact. Skode keeps one contact per email and refuses a
 * second one (409): the email key is `unique`, so the create is sent first and the refusal
 * names the contact (common/operations/upsert.ts). A row without an email is found by its
 * phone with the full-text search `q`, asked for the number's national digits (4155550101),
 * which a number stored in E.164 or written nationally both hold; only contacts whose number
 * reads as the row's count (common/operations/lookup.ts). The email filter is read as exact too,
 * case aside, whatever Skode does with it. Search answers are read strictly (a list under
 * `data`, `contacts`, `items` or bare) and every page of loose hits is read.
 */
export const skodeUpsertPlan: UpsertPlan = {
	searchUrl: skodeEndpoints.list,
	records: contactsUnder(['data', 'contacts', 'items'], true),
	paging: { pageParameter: 'page', firstPage: 1, pageSize: SKODE_PAGE_SIZE },
	contactCountry: (body) => addressCountry(body.address),
	lookupKeys(body, reading) {
		const keys: LookupKey[] = [];
		const email = typeof body.email === 'string' ? body.email : undefined;
		if (email) keys.push(emailLookupKey(email, { email, per_page: SKODE_PAGE_SIZE }, true));
		const phone = typeof body.phone === 'string' ? body.phone : undefined;
		if (phone) {
			keys.push(phoneLookupKey(phone, { q: nationalDigits(phone), per_page: SKODE_PAGE_SIZE }, reading, (contact: IDataObject) => [contact.phone]));
		}
		return keys;
	},
	createRequest: { method: 'POST', url: skodeEndpoints.create },
	updateRequest: (id) => ({ method: 'PATCH', url: skodeEndpoints.update(id) }),
};
