import { type IDataObject, type IHttpRequestOptions, type INodeExecutionData, NodeOperationError } from 'n8n-workflow';

import { itemPrefix } from '../messages';
import type { ProviderProfile } from '../profile';
import { booleanParameter } from '../sending/dryRun';
import { sendRequest } from '../sending/send';
import { answerItems } from './single';
import { ListProblem, readPages } from './pages';
import type { Row } from '../engine/row';

export interface PagingPlan {
	pageParameter: string;
	sizeParameter: string;
	firstPage: number;
	maxPageSize: number;
	/** The records of one page; undefined when the answer holds no list the node can read. */
	records: (body: unknown) => IDataObject[] | undefined;
}

/** Pages one Get Many reads before it fails rather than go on. Tests lower it. */
export const getManyLimits = { maxPages: 1000 };

/**
 * The Get Many hook: pages are fetched one after the other (each paced and retried like any
 * request) until Return All has everything or Limit is reached, following what the answers
 * say of the list (pages.ts). A server that repeats its pages, or a list longer than
 * getManyLimits.maxPages pages, fails the row instead of passing a part for the whole.
 */
export function getManyContacts(profile: ProviderProfile, plan: PagingPlan) {
	return async function (
		this: Row,
		options: IHttpRequestOptions,
	): Promise<INodeExecutionData[]> {
		const returnAll = booleanParameter(this, 'returnAll', 'Return All');
		const limit = returnAll ? Infinity : (this.getNodeParameter('limit', 50) as number);
		const results: IDataObject[] = [];
		// One page size for the whole run: page N of a smaller size starts elsewhere in the list
		// (Limit 150 asking page 2 with 50 a page would get records 51–100 again).
		const size = Math.min(plan.maxPageSize, limit);
		const fetchPage = async (index: number) => {
			const qs = { ...options.qs, [plan.pageParameter]: plan.firstPage + index, [plan.sizeParameter]: size };
			return (await sendRequest.call(this, profile, { ...options, qs })).body;
		};
		try {
			await readPages(fetchPage, plan.records, (records) => {
				results.push(...records.slice(0, limit - results.length));
				return results.length < limit;
			}, getManyLimits.maxPages);
		} catch (error) {
			throw error instanceof ListProblem ? listError(this, profile, error) : error;
		}
		return answerItems(results);
	};
}

function listError(context: Row, profile: ProviderProfile, problem: ListProblem): NodeOperationError {
	const itemIndex = context.getItemIndex();
	const { displayName } = profile;
	const [message, description] =
		problem.kind === 'repeats'
			? [
					`${displayName} answered page ${problem.page} with contacts it had already given: the server repeats its pages, so the node cannot list every contact. Use a Limit, or filters that narrow the list.`,
					'The node stopped at the first page that brought nothing new rather than read the same contacts again.',
				]
			: problem.kind === 'tooLong'
				? [`${displayName} still had contacts after ${problem.page - 1} pages, more than one Get Many reads`, 'Use filters to split the list, or a Limit.']
				: [`${displayName} answered page ${problem.page} without a list of contacts`, `Check the Base URL and ${displayName}'s status, then run again.`];
	return new NodeOperationError(context.getNode(), `${itemPrefix(itemIndex)} ${message}`, { itemIndex, description });
}
