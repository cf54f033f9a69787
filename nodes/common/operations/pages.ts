import type { IDataObject } from 'n8n-workflow';

import { idOf } from './records';

/**
 * Reading a list page after page (Get Many, Create or Update's searches), the one way every
 * provider's list is read. A page shorter than the size asked for is not the end: a server
 * may cap its pages below it (20 when asked 100). What the answers say of the list is
 * followed instead (listTotals): its number of pages, of contacts, `has_more`, a next link;
 * an answer that says none of these ends the list only with an empty page. A page that brings
 * nothing not already read ends the reading with an error (the server repeats its pages):
 * reading on could never finish.
 */

/** What a list answer says of the whole list, in any of the shapes providers give it. */
export interface ListTotals {
	/** Pages at the size the server gives. */
	pages?: number;
	/** Records in the whole list. */
	total?: number;
	/**
	 * A `count`, which some providers give for the whole list and others for the page: it
	 * says the list is longer than a page only when it is more than the page holds.
	 */
	count?: number;
	/** Whether a page follows this one (`has_more`, a next link or its absence). */
	more?: boolean;
}

const count = (value: unknown): number | undefined => {
	const number = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
	return typeof number === 'number' && Number.isInteger(number) && number >= 0 ? number : undefined;
};
const first = (...values: unknown[]) => values.map(count).find((value) => value !== undefined);
const isObject = (value: unknown): value is IDataObject => typeof value === 'object' && value !== null && !Array.isArray(value);

export function listTotals(body: unknown): ListTotals {
	if (!isObject(body)) return {};
	const meta = [body.meta, body.pagination, body.page_info, body.pageInfo].find(isObject) ?? {};
	const links = isObject(body.links) ? body.links : isObject(meta.links) ? meta.links : {};
	const total = first(body.total, body.total_count, body.totalCount, body.totalElements, meta.total, meta.total_count, meta.totalCount);
	const listCount = first(body.count, meta.count);
	const perPage = first(body.per_page, body.perPage, body.size, body.limit, meta.per_page, meta.perPage, meta.size, meta.limit);
	const pages =
		first(body.total_pages, body.totalPages, body.pages, body.page_count, body.pageCount, meta.total_pages, meta.totalPages, meta.pages, meta.page_count) ??
		(total !== undefined && perPage ? Math.ceil(total / perPage) : undefined);
	const hasMore = [body.has_more, body.hasMore, body.has_next, body.hasNext, meta.has_more, meta.hasMore, meta.has_next_page, meta.hasNextPage].find(
		(value) => typeof value === 'boolean',
	) as boolean | undefined;
	const nextKeys = ['next', 'next_page', 'nextPage', 'next_page_url', 'nextPageUrl'];
	const holder = [body, meta, links].find((candidate) => nextKeys.some((key) => key in candidate));
	const next = holder ? nextKeys.map((key) => holder[key]).find((value) => value !== undefined) : undefined;
	const more = hasMore ?? (holder ? next !== null && next !== '' && next !== false && next !== undefined : undefined);
	return { pages, total, count: listCount, more };
}

/** Why a list could not be read whole. */
export class ListProblem extends Error {
	constructor(
		readonly kind: 'unreadable' | 'repeats' | 'tooLong',
		/** The page (1 for the first) where it showed. */
		readonly page: number,
	) {
		super(kind);
		this.name = 'ListProblem';
	}
}

/** What tells two records apart: their id, else the whole record. */
const recordKey = (record: IDataObject) => idOf(record) ?? JSON.stringify(record);

/**
 * Reads pages (`fetchPage(n)`, n from 0) until the list ends, handing each page's new records
 * to `visit`, which returns false once it has what it needs. Throws a ListProblem for an
 * answer without a readable list, a page of records already read, or more than `maxPages`.
 */
export async function readPages(
	fetchPage: (index: number) => Promise<unknown>,
	records: (body: unknown) => IDataObject[] | undefined,
	visit: (records: IDataObject[]) => boolean,
	maxPages: number,
): Promise<void> {
	const seen = new Set<string>();
	for (let index = 0; ; index++) {
		if (index >= maxPages) throw new ListProblem('tooLong', index + 1);
		const body = await fetchPage(index);
		const list = records(body);
		if (!list) throw new ListProblem('unreadable', index + 1);
		if (list.length === 0) return;
		const fresh = list.filter((record) => {
			const key = recordKey(record);
			if (seen.has(key)) return false;
			seen.add(key);
			return true;
		});
		if (fresh.length === 0) throw new ListProblem('repeats', index + 1);
		if (!visit(fresh)) return;
		const totals = listTotals(body);
		const total = totals.total ?? (totals.count !== undefined && totals.count > list.length ? totals.count : undefined);
		if (totals.pages !== undefined ? index + 1 >= totals.pages : total !== undefined ? seen.size >= total : totals.more === false) return;
	}
}
