import { filtersCollection, returnAllAndLimit } from '../../../common/description/getMany';
import { type ContactOperation, contactOperation } from '../../../common/description/operations';
import { type QueryParameter, listQuery } from '../../../common/input/query';
import { readString } from '../../../common/input/values';
import { type PagingPlan, getManyContacts } from '../../../common/operations/getMany';
import { klenAiProfile } from '../../profile';
import { contactsUnder } from '../../../common/operations/contactIndex';
import { KLEN_PAGE_SIZE, klenEndpoints } from './endpoints';
import { KLEN_STAGES, KLEN_STATUSES } from './fields';

/** Each filter is sent as the query parameter of its name, trimmed; blank, it is left out. */
const FILTERS: QueryParameter[] = [
	{ name: 'search', displayName: 'Search', query: 'search', read: readString },
	{ name: 'stage', displayName: 'Stage', query: 'stage', read: readString },
	{ name: 'status', displayName: 'Status', query: 'status', read: readString },
	{ name: 'tag', displayName: 'Tag', query: 'tag', read: readString },
];

const klenAiPaging: PagingPlan = {
	pageParameter: 'page',
	sizeParameter: 'limit',
	firstPage: 1,
	maxPageSize: KLEN_PAGE_SIZE,
	records: contactsUnder(['contacts']),
};

export const getAll: ContactOperation = {
	...contactOperation({
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many contacts',
		description: 'List contacts, optionally filtered by search text, stage, status or tag; returns one item per contact',
		request: { method: 'GET', url: klenEndpoints.list },
		read: [listQuery({ filters: { label: 'Filters', parameters: FILTERS } })],
		send: getManyContacts(klenAiProfile, klenAiPaging),
	}),
	properties: [
		...returnAllAndLimit,
		filtersCollection([
				{
					displayName: 'Search',
					name: 'search',
					type: 'string',
					default: '',
					description: 'Text to look for in the contacts (name, email, phone)',
				},
				{
					displayName: 'Stage',
					name: 'stage',
					type: 'options',
					options: KLEN_STAGES,
					allowArbitraryValues: true,
					default: '',
					description: 'Only contacts at this stage. Choose the value Klen AI documents, or type another stage of your account with an expression.',
				},
				{
					displayName: 'Status',
					name: 'status',
					type: 'options',
					options: KLEN_STATUSES,
					allowArbitraryValues: true,
					default: '',
					description: 'Only contacts with this status. Choose the value Klen AI documents, or type another status of your account with an expression.',
				},
				{
					displayName: 'Tag',
					name: 'tag',
					type: 'string',
					default: '',
					description: 'Only contacts with this tag',
				},
		]),
	],
};
