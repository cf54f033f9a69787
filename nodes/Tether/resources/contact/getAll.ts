import { filtersCollection, returnAllAndLimit } from '../../../common/description/getMany';
import { type ContactOperation, contactOperation } from '../../../common/description/operations';
import { type QueryParameter, listQuery } from '../../../common/input/query';
import { readString } from '../../../common/input/values';
import { type PagingPlan, getManyContacts } from '../../../common/operations/getMany';
import { contactsUnder } from '../../../common/operations/contactIndex';
import { tetherProfile } from '../../profile';
import { TETHER_PAGE_SIZE, tetherEndpoints } from './lookup';

/** `GET /api/contacts?page=1&size=100` answers `{success, data, page, size, total, totalPages}`. */
const tetherPaging: PagingPlan = {
	pageParameter: 'page',
	sizeParameter: 'size',
	firstPage: 1,
	maxPageSize: TETHER_PAGE_SIZE,
	records: contactsUnder(['data']),
};

/** Each filter is sent as the query parameter of its name, trimmed; blank, it is left out. */
const FILTERS: QueryParameter[] = [
	{ name: 'search', displayName: 'Search', query: 'search', read: readString },
	{ name: 'status', displayName: 'Status', query: 'status', read: readString },
];

export const getAll: ContactOperation = {
	...contactOperation({
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many contacts',
		description: 'List contacts, optionally filtered by search text or status; returns one item per contact',
		request: { method: 'GET', url: tetherEndpoints.list },
		read: [listQuery({ filters: { label: 'Filters', parameters: FILTERS } })],
		send: getManyContacts(tetherProfile, tetherPaging),
	}),
	properties: [
		...returnAllAndLimit,
		filtersCollection([
				{
					displayName: 'Search',
					name: 'search',
					type: 'string',
					default: '',
					description: 'Text to look for in names, email and phone numbers',
				},
				{
					displayName: 'Status',
					name: 'status',
					type: 'string',
					default: '',
					placeholder: 'e.g. Qualified',
					description: 'Only contacts in the stage of this name',
				},
		]),
	],
};
