import type { IDataObject } from 'n8n-workflow';

/**
 * Whether a contact found after a create that may have gone through (createWithRecovery) is
 * the one that create made. A search by email or phone also finds an older contact that
 * merely shares it; taking that one for the row's would report a create that did not happen
 * and drop the row's data. So the contact must hold the row's values and have been created
 * after the request left (give or take CLOCK_SKEW_MS between n8n's clock and the provider's).
 */

/** How far the provider's clock may lag n8n's. */
export const CLOCK_SKEW_MS = 2 * 60_000;

const CREATED_FIELDS = ['created_at', 'createdAt', 'created', 'date_created', 'creationDate', 'created_on'];

/** When the provider says the contact was created, in ms since 1970, if it says so readably. */
export function createdAtOf(contact: IDataObject): number | undefined {
	for (const field of CREATED_FIELDS) {
		const value = contact[field];
		if (typeof value === 'number' && Number.isFinite(value)) return value > 1e12 ? value : value * 1000;
		if (typeof value === 'string' && value.trim() !== '') {
			const parsed = Date.parse(value);
			if (!Number.isNaN(parsed)) return parsed;
		}
	}
	return undefined;
}

const same = (sent: unknown, held: unknown) =>
	typeof sent === 'string' && typeof held === 'string' ? sent.trim().toLowerCase() === held.trim().toLowerCase() : sent === held;

/**
 * The row's plain values (names, email, company…) that the contact does not hold as sent.
 * Lists and objects (phone numbers, tags, custom fields) are not compared: providers reshape
 * them. A field the contact does not show at all is not held against it.
 */
export function valuesNotHeld(contact: IDataObject, body: IDataObject): string[] {
	return Object.entries(body)
		.filter(([, value]) => ['string', 'number', 'boolean'].includes(typeof value))
		.filter(([field, value]) => field in contact && !same(value, contact[field]))
		.map(([field]) => field);
}

/** Why `contact` cannot stand for the create sent at `sentAt` with `body`, or undefined when it can. */
export function notMadeByCreate(contact: IDataObject, body: IDataObject, sentAt: number): string | undefined {
	const differing = valuesNotHeld(contact, body);
	if (differing.length) return `it holds other values for ${differing.join(', ')}`;
	const createdAt = createdAtOf(contact);
	if (createdAt === undefined) return 'the provider does not say when it was created';
	if (createdAt < sentAt - CLOCK_SKEW_MS) return `it was created on ${new Date(createdAt).toISOString()}, before this request`;
	return undefined;
}
