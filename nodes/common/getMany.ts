import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { type ProviderProfile, sendRequest } from './request';

export interface PagingPlan {
	pageParameter: string;
	sizeParameter: string;
	firstPage: number;
	maxPageSize: number;
	/** The records of one page. */
	records: (body: unknown) => IDataObject[];
	/** Number of pages, when the envelope says it. */
	pageCount?: (body: unknown) => number | undefined;
}

/**
 * Get Many through the send policy: pages are fetched one after the other (each paced and
 * retried like any request) until Return All has everything or Limit is reached.
 */
export function getManyThroughPolicy(profile: ProviderProfile, plan: PagingPlan) {
	return async function (
		this: IExecutePaginationFunctions,
		requestData: DeclarativeRestApiSettings.ResultOptions,
	): Promise<INodeExecutionData[]> {
		const returnAll = this.getNodeParameter('returnAll', false) as boolean;
		const limit = returnAll ? Infinity : (this.getNodeParameter('limit', 50) as number);
		const pairedItem = { item: this.getItemIndex() };
		const results: IDataObject[] = [];
		const options = requestData.options as IHttpRequestOptions;
		for (let page = plan.firstPage; results.length < limit; page++) {
			const size = Math.min(plan.maxPageSize, limit - results.length);
			const answer = await sendRequest.call(this, profile, {
				...options,
				qs: { ...options.qs, [plan.pageParameter]: page, [plan.sizeParameter]: returnAll ? plan.maxPageSize : size },
			});
			const records = plan.records(answer.body);
			results.push(...records.slice(0, limit - results.length));
			const pages = plan.pageCount?.(answer.body);
			const lastPage = pages !== undefined ? page - plan.firstPage + 1 >= pages : false;
			if (records.length === 0 || records.length < (returnAll ? plan.maxPageSize : size) || lastPage) break;
		}
		return results.map((json) => ({ json, pairedItem }));
	};
}

/** Return All and Limit, shown on Get Many. */
export function returnAllAndLimit(maxPageSize: number): INodeProperties[] {
	const show = { resource: ['contact'], operation: ['getAll'] };
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			displayOptions: { show },
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { ...show, returnAll: [false] } },
		},
	];
}
