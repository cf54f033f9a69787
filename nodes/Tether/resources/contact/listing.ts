import type { ContactListing } from '../../../common/operations/contactIndex';
import { contactsUnder } from '../../../common/operations/contactIndex';
import { TETHER_PAGE_SIZE, tetherEndpoints } from './lookup';

/**
 * How Create or Update reads the organisation's contacts once (common/operations/contactIndex.ts):
 * `GET /api/contacts?page=1&size=100`, `{success, data, page, size, total, totalPages}`.
 * A row is found by its first number (lookup.ts, phoneKey), which its search sends as `search`.
 */
export const tetherListing: ContactListing = {
	url: tetherEndpoints.list,
	pageParameter: 'page',
	sizeParameter: 'size',
	firstPage: 1,
	pageSize: TETHER_PAGE_SIZE,
	records: contactsUnder(['data']),
};
