import type { IDataObject } from 'n8n-workflow';

import type { LookupKey } from '../../../common/operations/lookup';
import type { UpsertPlan } from '../../../common/operations/upsert';
import { KLEN_PAGE_SIZE, klenEndpoints } from './endpoints';

function phonesOf(contact: IDataObject): string[] {
	const entries = (contact.phone_numbers ?? contact.phoneNumbers ?? []) as unknown[];
	const numbers = entries.map((entry) =>
		typeof entry === 'string' ? entry : String((entry as IDataObject)?.phone_number ?? ''),
	);
	if (typeof contact.phone === 'string') numbers.push(contact.phone);
	return numbers.map((number) => number.replace(/[^\d+]/g, ''));
}

/** The number of pages a list answer says it has (`pages`), if it says so readably. */
function klenPages(body: unknown): number | undefined {
	const pages = Number((body as IDataObject | null)?.pages);
	return Number.isInteger(pages) && pages > 0 ? pages : undefined;
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
	paging: { pageParameter: 'page', firstPage: 1, pageSize: KLEN_PAGE_SIZE, pageCount: klenPages },
	lookupKeys(body) {
		const keys: LookupKey[] = [];
		const email = typeof body.email === 'string' ? body.email : undefined;
		if (email) {
			keys.push({
				label: `email ${email}`,
				query: { search: email, limit: KLEN_PAGE_SIZE },
				matches: (contact) => String(contact.email ?? '').toLowerCase() === email.toLowerCase(),
			});
		}
		const phone = ((body.phone_numbers as IDataObject[] | undefined) ?? [])[0]?.phone_number as string | undefined;
		if (phone) {
			keys.push({
				label: `phone number ${phone}`,
				query: { search: phone, limit: KLEN_PAGE_SIZE },
				matches: (contact) => phonesOf(contact).includes(phone),
			});
		}
		return keys;
	},
	createRequest: { method: 'POST', url: klenEndpoints.create },
	updateRequest: (id) => ({ method: 'PATCH', url: klenEndpoints.update(id) }),
};
