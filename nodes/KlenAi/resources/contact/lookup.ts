import type { IDataObject } from 'n8n-workflow';

import { type LookupKey, emailLookupKey, phoneLookupKey } from '../../../common/operations/lookup';
import type { UpsertPlan } from '../../../common/operations/upsert';
import { KLEN_PAGE_SIZE, klenEndpoints } from './endpoints';

/** Every number a contact holds, as Klen stores it. */
function phonesOf(contact: IDataObject): unknown[] {
	const entries = (contact.phone_numbers ?? contact.phoneNumbers ?? []) as unknown[];
	const numbers = (Array.isArray(entries) ? entries : []).map((entry) => (entry && typeof entry === 'object' ? (entry as IDataObject).phone_number : entry));
	return [...numbers, contact.phone];
}

/**
 * Klen's `search` matches loosely: only exact email or phone matches count, and they may lie
 * beyond the first page of loose hits, so every page is read. An answer without the
 * `contacts` list is unreadable, never "no match".
 */
export const klenAiUpsertPlan: UpsertPlan = {
	searchUrl: klenEndpoints.list,
	records: (body) => {
		const contacts = (body as IDataObject | null)?.contacts;
		return Array.isArray(contacts) ? (contacts as IDataObject[]) : undefined;
	},
	paging: { pageParameter: 'page', firstPage: 1, pageSize: KLEN_PAGE_SIZE },
	contactCountry: (body) => body.country,
	lookupKeys(body, reading) {
		const keys: LookupKey[] = [];
		const email = typeof body.email === 'string' ? body.email : undefined;
		if (email) keys.push(emailLookupKey(email, { search: email, limit: KLEN_PAGE_SIZE }));
		const phone = ((body.phone_numbers as IDataObject[] | undefined) ?? [])[0]?.phone_number as string | undefined;
		if (phone) keys.push(phoneLookupKey(phone, { search: phone, limit: KLEN_PAGE_SIZE }, reading, phonesOf, `phone number ${phone}`));
		return keys;
	},
	createRequest: { method: 'POST', url: klenEndpoints.create },
	updateRequest: (id) => ({ method: 'PATCH', url: klenEndpoints.update(id) }),
};
