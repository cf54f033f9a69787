import {
	type DeclarativeRestApiSettings,
	type IDataObject,
	type IExecutePaginationFunctions,
	type IHttpRequestOptions,
	type INodeExecutionData,
	NodeOperationError,
} from 'n8n-workflow';

import { itemPrefix } from '../messages';
import type { ProviderProfile } from '../profile';
import { booleanParameter } from '../sending/dryRun';
import { sendRequest } from '../sending/send';
import { answerItems } from './items';
import { idOf } from './records';

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

/** Pages one Get Many reads before it fails rather than go on. Tests lower it. */
export const getManyLimits = { maxPages: 1000 };

/**
 * The Get Many hook: pages are fetched one after the other (each paced and retried like any
 * request) until Return All has everything or Limit is reached. A server that ignores the
 * page asked for would be read forever: a page that repeats the previous one, or more than
 * getManyLimits.maxPages pages, fails the row instead of passing a part for the whole.
 */
export function getManyContacts(profile: ProviderProfile, plan: PagingPlan) {
	return async function (
		this: IExecutePaginationFunctions,
		requestData: DeclarativeRestApiSettings.ResultOptions,
	): Promise<INodeExecutionData[]> {
		const returnAll = booleanParameter(this, 'returnAll', 'Return All');
		const limit = returnAll ? Infinity : (this.getNodeParameter('limit', 50) as number);
		const results: IDataObject[] = [];
		const options = requestData.options as IHttpRequestOptions;
		// One page size for the whole run: page N of a smaller size starts elsewhere in the list
		// (Limit 150 asking page 2 with 50 a page would get records 51–100 again).
		const size = Math.min(plan.maxPageSize, limit);
		const fail = (message: string, description: string) =>
			new NodeOperationError(this.getNode(), `${itemPrefix(this.getItemIndex())} ${message}`, { itemIndex: this.getItemIndex(), description });
		let previous: string | undefined;
		for (let page = plan.firstPage; results.length < limit; page++) {
			const answer = await sendRequest.call(this, profile, {
				...options,
				qs: { ...options.qs, [plan.pageParameter]: page, [plan.sizeParameter]: size },
			});
			const records = plan.records(answer.body);
			const signature = JSON.stringify(records.map((record) => idOf(record) ?? record));
			if (records.length > 0 && signature === previous) {
				throw fail(
					`${profile.displayName} answered page ${page} with the same contacts as page ${page - 1}: it ignores the page asked for, so the node cannot list every contact`,
					'Use a Limit of one page at most, or filters that narrow the list to one page.',
				);
			}
			previous = signature;
			results.push(...records.slice(0, limit - results.length));
			const pages = plan.pageCount?.(answer.body);
			const lastPage = pages !== undefined ? page - plan.firstPage + 1 >= pages : false;
			if (records.length === 0 || records.length < size || lastPage) break;
			if (page - plan.firstPage + 1 >= getManyLimits.maxPages) {
				throw fail(`${profile.displayName} still had contacts after ${getManyLimits.maxPages} pages, more than one Get Many reads`, 'Use filters to split the list, or a Limit.');
			}
		}
		return answerItems(results, this.getItemIndex());
	};
}
