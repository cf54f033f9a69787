import type { INodeProperties } from 'n8n-workflow';

import { filtersCollection, returnAllAndLimit } from '../../../common/description/getMany';
import { type ContactOperation, contactOperation } from '../../../common/description/operations';
import { type PagingPlan, getManyContacts } from '../../../common/operations/getMany';
import { klenAiProfile } from '../../profile';
import { contactsUnder } from '../../../common/operations/contactIndex';
import { KLEN_PAGE_SIZE, klenEndpoints } from './endpoints';
import { KLEN_STAGES, KLEN_STATUSES } from './fields';

/** A filter sent as the query parameter of its name; blank, it is left out. */
function queryFilter(property: INodeProperties): INodeProperties {
	return {
		...property,
		routing: { send: { type: 'query', property: property.name, value: "={{ String($value === null || $value === undefined ? '' : $value).trim() || undefined }}" } },
	};
}

const klenAiPaging: PagingPlan = {
	pageParameter: 'page',
	sizeParameter: 'limit',
	firstPage: 1,
	maxPageSize: KLEN_PAGE_SIZE,
	records: contactsUnder(['contacts']),
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
		filtersCollection([
				queryFilter({
					displayName: 'Search',
					name: 'search',
					type: 'string',
					default: '',
					description: 'Text to look for in the contacts (name, email, phone)',
				}),
				queryFilter({
					displayName: 'Stage',
					name: 'stage',
					type: 'options',
					options: KLEN_STAGES,
					allowArbitraryValues: true,
					default: '',
					description: 'Only contacts at this stage. Choose the value Klen AI documents, or type another stage of your account with an expression.',
				}),
				queryFilter({
					displayName: 'Status',
					name: 'status',
					type: 'options',
					options: KLEN_STATUSES,
					allowArbitraryValues: true,
					default: '',
					description: 'Only contacts with this status. Choose the value Klen AI documents, or type another status of your account with an expression.',
				}),
				queryFilter({
					displayName: 'Tag',
					name: 'tag',
					type: 'string',
					default: '',
					description: 'Only contacts with this tag',
				}),
		]),
	],
};
