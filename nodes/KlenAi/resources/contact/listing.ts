import type { ContactListing } from '../../../common/operations/contactIndex';
import { contactsUnder } from '../../../common/operations/contactIndex';
import { KLEN_PAGE_SIZE, klenEndpoints } from './endpoints';

/**
 * How Create or Update reads the account's contacts once (common/operations/contactIndex.ts):
 * `GET /contacts?page=1&limit=100`, `{count, page, limit, pages, contacts}`. A row's keys
 * (lookup.ts) search with `search`: the email, or the first phone number in E.164.
 */
export const klenAiListing: ContactListing = {
	url: klenEndpoints.list,
	pageParameter: 'page',
	sizeParameter: 'limit',
	firstPage: 1,
	pageSize: KLEN_PAGE_SIZE,
	records: contactsUnder(['contacts']),
};
