import { filtersCollection, returnAllAndLimit } from '../../../common/description/getMany';
import { type ContactOperation, contactOperation } from '../../../common/description/operations';
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

// Blank filters are left out; a number given by an expression is sent as text.
const QUERY_VALUE = "={{ String($value === null || $value === undefined ? '' : $value).trim() || undefined }}";

export const getAll: ContactOperation = {
	option: contactOperation({
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many contacts',
		description: 'List contacts, optionally filtered',
		request: { method: 'GET', url: tetherEndpoints.list },
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
					routing: { send: { type: 'query', property: 'search', value: QUERY_VALUE } },
				},
				{
					displayName: 'Status',
					name: 'status',
					type: 'string',
					default: '',
					placeholder: 'Qualified',
					description: 'Only contacts in the stage of this name',
					routing: { send: { type: 'query', property: 'status', value: QUERY_VALUE } },
				},
		]),
	],
};
