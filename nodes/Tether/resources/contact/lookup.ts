import type { IDataObject } from 'n8n-workflow';

import { type LookupKey, type LookupPlan, type PhoneReading, phoneLookupKey } from '../../../common/operations/lookup';
import { contactsUnder } from '../../../common/operations/contactIndex';

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
function numbersOf(contact: IDataObject): unknown[] {
	const entries = [contact.phoneNumber, contact.secondaryPhoneNumber].flatMap((list) => (Array.isArray(list) ? list : []));
	return entries.map((entry) => (entry && typeof entry === 'object' ? (entry as IDataObject).value : entry));
}

/**
 * Finds the contact holding a number. Tether's `search` also matches parts of numbers and
 * names: only contacts holding the same number count. Tether keeps each number on one contact
 * of the organisation (`unique`).
 */
export function phoneKey(number: string, reading: PhoneReading = {}): LookupKey {
	return phoneLookupKey(number, { search: number, size: TETHER_PAGE_SIZE }, reading, numbersOf, `phone number ${number}`, true);
}

/**
 * Create or Update and Create's recovery find the contact by the row's first number. A search
 * answer is read strictly: the contacts under `data`, else the answer cannot be read.
 */
export const tetherLookup: LookupPlan = {
	searchUrl: tetherEndpoints.list,
	records: contactsUnder(['data']),
	paging: { pageParameter: 'page', firstPage: 1, pageSize: TETHER_PAGE_SIZE },
	lookupKeys(body, reading) {
		const first = ((body.phoneNumber as IDataObject[] | undefined) ?? [])[0]?.value;
		return typeof first === 'string' ? [phoneKey(first, reading)] : [];
	},
};
