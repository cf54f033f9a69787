import type { IDataObject } from 'n8n-workflow';

import type { LookupKey } from '../../../common/operations/lookup';
import type { UpsertPlan } from '../../../common/operations/upsert';
import { klenContacts, klenEndpoints } from './endpoints';

function phonesOf(contact: IDataObject): string[] {
	const entries = (contact.phone_numbers ?? contact.phoneNumbers ?? []) as unknown[];
	const numbers = entries.map((entry) =>
		typeof entry === 'string' ? entry : String((entry as IDataObject)?.phone_number ?? ''),
	);
	if (typeof contact.phone === 'string') numbers.push(contact.phone);
	return numbers.map((number) => number.replace(/[^\d+]/g, ''));
}

/** Klen's `search` matches loosely: only exact email or phone matches count. */
export const klenAiUpsertPlan: UpsertPlan = {
	searchUrl: klenEndpoints.list,
	records: klenContacts,
	lookupKeys(body) {
		const keys: LookupKey[] = [];
		const email = typeof body.email === 'string' ? body.email : undefined;
		if (email) {
			keys.push({
				label: `email ${email}`,
				query: { search: email, limit: 100 },
				matches: (contact) => String(contact.email ?? '').toLowerCase() === email.toLowerCase(),
			});
		}
		const phone = ((body.phone_numbers as IDataObject[] | undefined) ?? [])[0]?.phone_number as string | undefined;
		if (phone) {
			keys.push({
				label: `phone number ${phone}`,
				query: { search: phone, limit: 100 },
				matches: (contact) => phonesOf(contact).includes(phone),
			});
		}
		return keys;
	},
	createRequest: { method: 'POST', url: klenEndpoints.create },
	updateRequest: (id) => ({ method: 'PATCH', url: klenEndpoints.update(id) }),
};
