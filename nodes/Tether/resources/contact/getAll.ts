import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
} from 'n8n-workflow';

import { returnAllAndLimit } from '../../../common/description/getMany';
import { type ContactOperation, contactOperation } from '../../../common/description/operations';
import { answerItems } from '../../../common/operations/items';
import { listFrom } from '../../../common/operations/records';
import { sendingRow } from '../../../common/sending/nodeRun';
import { sendRequest } from '../../../common/sending/send';
import { tetherProfile } from '../../profile';
import { TETHER_PAGE_SIZE, tetherEndpoints } from './lookup';

/**
 * `GET /api/contacts?page=1&size=100` answers `{success, data, page, size, total, totalPages}`.
 * Pages are asked at one size throughout: Tether reads `page` with the `size` it is sent (page 2
 * of size 50 starts at the 51st contact), so a smaller last page would give contacts again.
 * The last page is cut to the Limit instead.
 */
async function getManyTetherContacts(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const returnAll = this.getNodeParameter('returnAll', false) as boolean;
	const limit = returnAll ? Infinity : (this.getNodeParameter('limit', 50) as number);
	const size = Math.min(TETHER_PAGE_SIZE, limit);
	const options = requestData.options as IHttpRequestOptions;
	const results: IDataObject[] = [];
	for (let page = 1; results.length < limit; page++) {
		const answer = await sendRequest.call(this, tetherProfile, { ...options, qs: { ...options.qs, page, size } });
		const records = listFrom(answer.body);
		results.push(...records.slice(0, limit - results.length));
		const pages = (answer.body as IDataObject | null)?.totalPages;
		if (records.length < size || (typeof pages === 'number' && page >= pages)) break;
	}
	return answerItems(results, this.getItemIndex());
}

// Blank filters are left out; a number given by an expression is sent as text.
const QUERY_VALUE = "={{ String($value === null || $value === undefined ? '' : $value).trim() || undefined }}";

export const getAll: ContactOperation = {
	option: contactOperation({
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many contacts',
		description: 'List contacts, optionally filtered',
		request: { method: 'GET', url: tetherEndpoints.list },
		send: sendingRow(getManyTetherContacts),
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
			],
		},
	],
};
