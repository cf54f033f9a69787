import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
} from 'n8n-workflow';

import type { ProviderProfile } from '../profile';
import { sendingRow } from '../sending/nodeRun';
import { sendRequest } from '../sending/send';
import { answerItems } from './items';

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
 * The Get Many hook: pages are fetched one after the other (each paced and retried like any
 * request) until Return All has everything or Limit is reached.
 */
export function getManyContacts(profile: ProviderProfile, plan: PagingPlan) {
	return sendingRow(async function (
		this: IExecutePaginationFunctions,
		requestData: DeclarativeRestApiSettings.ResultOptions,
	): Promise<INodeExecutionData[]> {
		const returnAll = this.getNodeParameter('returnAll', false) as boolean;
		const limit = returnAll ? Infinity : (this.getNodeParameter('limit', 50) as number);
		const results: IDataObject[] = [];
		const options = requestData.options as IHttpRequestOptions;
		// One page size for the whole run: page N of a smaller size starts elsewhere in the list
		// (Limit 150 asking page 2 with 50 a page would get records 51–100 again).
		const size = Math.min(plan.maxPageSize, limit);
		for (let page = plan.firstPage; results.length < limit; page++) {
			const answer = await sendRequest.call(this, profile, {
				...options,
				qs: { ...options.qs, [plan.pageParameter]: page, [plan.sizeParameter]: size },
			});
			const records = plan.records(answer.body);
			results.push(...records.slice(0, limit - results.length));
			const pages = plan.pageCount?.(answer.body);
			const lastPage = pages !== undefined ? page - plan.firstPage + 1 >= pages : false;
			if (records.length === 0 || records.length < size || lastPage) break;
		}
		return answerItems(results, this.getItemIndex());
	});
}
