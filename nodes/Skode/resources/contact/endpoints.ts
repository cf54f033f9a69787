/** Skode AI's contact endpoints (seed 002), relative to the Base URL. */
export const skodeEndpoints = {
	list: '/contacts',
	create: '/contacts',
	one: '/contacts/{contactId}',
	update: (id: string) => `/contacts/${id}`,
	merge: '/contacts/merge',
};

/** `per_page` is at most 100 (seed 002). */
export const SKODE_PAGE_SIZE = 100;
