import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit, type PagingPlan } from '../../../common/getMany';

export const KLEN_PAGE_SIZE = 100;

export const klenAiPaging: PagingPlan = {
	pageParameter: 'page',
	sizeParameter: 'limit',
	firstPage: 1,
	maxPageSize: KLEN_PAGE_SIZE,
	records: (body) => ((body as IDataObject)?.contacts as IDataObject[] | undefined) ?? [],
	pageCount: (body) => (body as IDataObject)?.pages as number | undefined,
};

export const contactGetAllDescription: INodeProperties[] = [
	...returnAllAndLimit(KLEN_PAGE_SIZE),
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
];
