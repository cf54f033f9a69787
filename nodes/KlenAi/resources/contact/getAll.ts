import type { IDataObject } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../common/description/getMany';
import { type ContactOperation, contactOperation } from '../../../common/description/operations';
import { type PagingPlan, getManyContacts } from '../../../common/operations/getMany';
import { klenAiProfile } from '../../profile';
import { KLEN_PAGE_SIZE, klenContacts, klenEndpoints } from './endpoints';

const klenAiPaging: PagingPlan = {
	pageParameter: 'page',
	sizeParameter: 'limit',
	firstPage: 1,
	maxPageSize: KLEN_PAGE_SIZE,
	records: klenContacts,
	pageCount: (body) => (body as IDataObject)?.pages as number | undefined,
};

export const getAll: ContactOperation = {
	option: contactOperation({
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many contacts',
		description: 'List contacts, optionally filtered',
		request: { method: 'GET', url: klenEndpoints.list },
		send: getManyContacts(klenAiProfile, klenAiPaging),
	}),
	properties: [
	...returnAllAndLimit,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show: { resource: ['contact'], operation: ['getAll'] } },
		options: [
			{
				displayName: 'Search',
				name: 'search',
				type: 'string',
				default: '',
				description: 'Text to look for in the contacts (name, email, phone)',
				routing: { send: { type: 'query', property: 'search', value: '={{ $value.trim() || undefined }}' } },
			},
			{
				displayName: 'Stage',
				name: 'stage',
				type: 'string',
				default: '',
				placeholder: 'lead',
				description: 'Only contacts at this stage',
				routing: { send: { type: 'query', property: 'stage', value: '={{ $value.trim() || undefined }}' } },
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'string',
				default: '',
				placeholder: 'not_contacted',
				description: 'Only contacts with this status',
				routing: { send: { type: 'query', property: 'status', value: '={{ $value.trim() || undefined }}' } },
			},
			{
				displayName: 'Tag',
				name: 'tag',
				type: 'string',
				default: '',
				description: 'Only contacts with this tag',
				routing: { send: { type: 'query', property: 'tag', value: '={{ $value.trim() || undefined }}' } },
			},
		],
	},
],
};
