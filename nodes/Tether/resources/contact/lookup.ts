import type { IDataObject } from 'n8n-workflow';

import type { LookupKey, LookupPlan } from '../../../common/operations/lookup';
import { listFrom } from '../../../common/operations/records';

/** Tether's contact endpoints, relative to the instance's `/api` (profile.apiBaseUrl). */
export const tetherEndpoints = {
	create: '/contact',
	list: '/contacts',
	one: (id: string) => `/contacts/${id}`,
};

/** The most contacts Tether's list gives per page (`size`). */
export const TETHER_PAGE_SIZE = 100;

/** The contact in Tether's answer to a create or an update, `{success, message, data: {contact}}`; anything else as it came. */
export function tetherContact(body: unknown): unknown {
	const contact = (body as { data?: { contact?: unknown } } | null)?.data?.contact;
	return contact && typeof contact === 'object' && !Array.isArray(contact) ? contact : body;
}

/** Every number of a contact: its `phoneNumber` entries and, defensively, `secondaryPhoneNumber`. */
function numbersOf(contact: IDataObject): string[] {
	const entries = [contact.phoneNumber, contact.secondaryPhoneNumber].flatMap((list) => (Array.isArray(list) ? list : []));
	return entries.map((entry) => (typeof entry === 'string' ? entry : String((entry as IDataObject | null)?.value ?? '')));
}

/** Finds the contact holding a number. Tether's `search` also matches parts of numbers and names: only exact numbers count. */
export function phoneKey(number: string): LookupKey {
	return {
		label: `phone number ${number}`,
		query: { search: number, size: TETHER_PAGE_SIZE },
		matches: (contact) => numbersOf(contact).includes(number),
		// Tether keeps each number on one contact of the organisation.
		unique: true,
	};
}

/** Create or Update and Create's recovery find the contact by the row's first number. */
export const tetherLookup: LookupPlan = {
	searchUrl: tetherEndpoints.list,
	records: listFrom,
	lookupKeys(body) {
		const first = ((body.phoneNumber as IDataObject[] | undefined) ?? [])[0]?.value;
		return typeof first === 'string' ? [phoneKey(first)] : [];
	},
};
