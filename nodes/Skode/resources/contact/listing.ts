import type { ContactListing } from '../../../common/operations/contactIndex';
import { contactsUnder } from '../../../common/operations/contactIndex';
import { SKODE_PAGE_SIZE, skodeEndpoints } from './endpoints';

/**
 * How Create or Update reads the account's contacts once (common/operations/contactIndex.ts):
 * `GET /contacts?page=1&per_page=100`, in Skode's default order (oldest first), the totals
 * read from `total` or `total_pages` (getAll.ts).
 */
export const skodeListing: ContactListing = {
	url: skodeEndpoints.list,
	pageParameter: 'page',
	sizeParameter: 'per_page',
	firstPage: 1,
	pageSize: SKODE_PAGE_SIZE,
	records: contactsUnder(['data', 'contacts', 'items'], true),
};
