/** Klen AI's contact endpoints, relative to the Base URL. */
export const klenEndpoints = {
	create: '/contacts/create',
	list: '/contacts',
	one: '/contacts/{contactId}',
	update: (id: string) => `/contacts/${id}/update`,
};

export const KLEN_PAGE_SIZE = 100;
