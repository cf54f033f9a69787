import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { filtersCollection, returnAllAndLimit } from '../../../common/description/getMany';
import { type ContactOperation, contactOperation } from '../../../common/description/operations';
import { readIsoDate } from '../../../common/input/dates';
import { type QueryParameter, listQuery } from '../../../common/input/query';
import { readEmail, readString } from '../../../common/input/values';
import { type PagingPlan, getManyContacts } from '../../../common/operations/getMany';
import { listFrom } from '../../../common/operations/records';
import { namingRefusedFields } from '../../../common/sending/errorField';
import { skodeProfile } from '../../profile';
import { SKODE_PAGE_SIZE, skodeEndpoints } from './endpoints';

const count = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : undefined);

/**
 * Skode does not document the list's envelope: the contacts are read bare or under `data`,
 * `contacts` or `items` (records.ts), and the last page is known from `total_pages`, or
 * `total` and `per_page`, or a short or empty page.
 */
const skodePaging: PagingPlan = {
	pageParameter: 'page',
	sizeParameter: 'per_page',
	firstPage: 1,
	maxPageSize: SKODE_PAGE_SIZE,
	records: listFrom,
	pageCount(body) {
		if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
		const envelope = body as IDataObject;
		const pages = count(envelope.total_pages ?? envelope.totalPages);
		if (pages !== undefined) return pages;
		const total = count(envelope.total);
		const perPage = count(envelope.per_page ?? envelope.perPage);
		return total !== undefined && perPage ? Math.ceil(total / perPage) : undefined;
	},
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
	option: contactOperation({
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many contacts',
		description: 'List contacts, optionally filtered and sorted',
		request: { method: 'GET', url: skodeEndpoints.list },
		preSend: [listQuery({ filters: { label: 'Filters', parameters: FILTERS }, options: { label: 'Options', parameters: [{ name: 'sort', displayName: 'Sort', query: 'sort', read: readString }] } })],
		send: namingRefusedFields(getManyContacts(skodeProfile, skodePaging)),
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
