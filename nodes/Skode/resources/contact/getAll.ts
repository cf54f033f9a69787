import type { INodeProperties } from 'n8n-workflow';

import { filtersCollection, returnAllAndLimit } from '../../../common/description/getMany';
import { type ContactOperation, contactOperation } from '../../../common/description/operations';
import { type QueryParameter, listQuery } from '../../../common/input/query';
import { FieldError, describeValue, isBlank, readEmail, readString } from '../../../common/input/values';
import { type PagingPlan, getManyContacts } from '../../../common/operations/getMany';
import { contactsUnder } from '../../../common/operations/contactIndex';
import { skodeProfile } from '../../profile';
import { SKODE_PAGE_SIZE, skodeEndpoints } from './endpoints';

const ISO_8601 = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;

/**
 * A date for a filter, as ISO 8601. n8n's date picker gives `2024-01-15T00:00:00` (a local
 * date-time without offset), expressions give ISO text (`{{ $now }}` is written
 * `2024-01-15T10:00:00.000+01:00`) or a Date: ISO text is sent as written (a space between
 * date and time becomes `T`), a Date or other text a JavaScript date understands is sent in
 * UTC (`2024-01-15T09:00:00.000Z`). Anything else is refused before sending.
 */
export function readIsoDate(value: unknown): string | undefined {
	if (isBlank(value)) return undefined;
	if (value instanceof Date) {
		if (Number.isNaN(value.getTime())) throw invalidDate(value);
		return value.toISOString();
	}
	// A Luxon DateTime, which n8n's expressions use for dates.
	const toISO = (value as { toISO?: unknown }).toISO;
	if (typeof toISO === 'function') return readIsoDate(toISO.call(value));
	if (typeof value !== 'string') throw invalidDate(value);
	const text = value.trim();
	if (ISO_8601.test(text)) {
		const iso = text.replace(' ', 'T');
		if (Number.isNaN(Date.parse(iso))) throw invalidDate(value);
		return iso;
	}
	// Only texts with a year, so that "12" or "next week" are not read as some date.
	const parsed = /\d{4}/.test(text) ? new Date(text) : undefined;
	if (!parsed || Number.isNaN(parsed.getTime())) throw invalidDate(value);
	return parsed.toISOString();
}

function invalidDate(value: unknown): FieldError {
	return new FieldError(
		`${describeValue(value)} is not a date`,
		'Pick a date, or give one in ISO 8601 such as 2024-01-15 or 2024-01-15T09:30:00Z.',
		value,
	);
}

/**
 * Skode does not document the list's envelope: the contacts are read bare or under `data`,
 * `contacts` or `items`, strictly (an answer holding none is unreadable, never an empty list),
 * and the list's end from what the answers say of it (common/operations/pages.ts).
 */
const skodePaging: PagingPlan = {
	pageParameter: 'page',
	sizeParameter: 'per_page',
	firstPage: 1,
	maxPageSize: SKODE_PAGE_SIZE,
	records: contactsUnder(['data', 'contacts', 'items'], true),
};

const FILTERS: QueryParameter[] = [
	{ name: 'email', displayName: 'Email', query: 'email', read: readEmail },
	{ name: 'company', displayName: 'Company', query: 'company', read: readString },
	{ name: 'tag', displayName: 'Tag', query: 'tag', read: readString },
	{ name: 'createdAfter', displayName: 'Created After', query: 'created_after', read: readIsoDate },
	{ name: 'createdBefore', displayName: 'Created Before', query: 'created_before', read: readIsoDate },
	{ name: 'updatedAfter', displayName: 'Updated After', query: 'updated_after', read: readIsoDate },
	{ name: 'q', displayName: 'Search', query: 'q', read: readString },
];

const dateFilter = (name: string, displayName: string, description: string): INodeProperties => ({
	displayName,
	name,
	type: 'dateTime',
	default: '',
	description: `${description}. Sent in ISO 8601 (2024-01-15T09:30:00).`,
});

/** Options › Sort, shown on Get Many only. A `-` before a field sorts in descending order. */
export const sortOption: INodeProperties = {
	displayName: 'Sort',
	name: 'sort',
	type: 'options',
	default: '',
	displayOptions: { show: { '/operation': ['getAll'] } },
	options: [
		{ name: 'Company (A to Z)', value: 'company' },
		{ name: 'Email (A to Z)', value: 'email' },
		{ name: 'Name (A to Z)', value: 'name' },
		{ name: 'Name (Z to A)', value: '-name' },
		{ name: 'Newest First', value: '-created_at' },
		{ name: 'Oldest First', value: 'created_at' },
		{ name: 'Recently Updated First', value: '-updated_at' },
		{ name: 'Skode AI’s Default Order', value: '' },
	],
	description: 'Order of the contacts. Another sort value of Skode AI can be given with an expression.',
};

export const getAll: ContactOperation = {
	...contactOperation({
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many contacts',
		description: 'List contacts, optionally filtered (email, company, tag, dates, search) and sorted; returns one item per contact',
		request: { method: 'GET', url: skodeEndpoints.list },
		read: [listQuery({ filters: { label: 'Filters', parameters: FILTERS }, options: { label: 'Options', parameters: [{ name: 'sort', displayName: 'Sort', query: 'sort', read: readString }] } })],
		send: getManyContacts(skodeProfile, skodePaging),
	}),
	properties: [
		...returnAllAndLimit,
		filtersCollection([
				{ displayName: 'Company', name: 'company', type: 'string', default: '', description: 'Only contacts of this company' },
				dateFilter('createdAfter', 'Created After', 'Only contacts created after this date'),
				dateFilter('createdBefore', 'Created Before', 'Only contacts created before this date'),
				{ displayName: 'Email', name: 'email', type: 'string', default: '', placeholder: 'name@email.com', description: 'Only the contact with this email' },
				{ displayName: 'Search', name: 'q', type: 'string', default: '', description: 'Full-text search (name, email, phone, company…)' },
				{ displayName: 'Tag', name: 'tag', type: 'string', default: '', description: 'Only contacts with this tag' },
				dateFilter('updatedAfter', 'Updated After', 'Only contacts updated after this date'),
		]),
	],
};
