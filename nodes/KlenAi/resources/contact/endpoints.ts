import type { IDataObject } from 'n8n-workflow';

/** Klen AI's contact endpoints, relative to the Base URL. */
export const klenEndpoints = {
	create: '/contacts/create',
	list: '/contacts',
	one: '/contacts/{contactId}',
	update: (id: string) => `/contacts/${id}/update`,
};

/** Klen's list answer: `{count, page, limit, pages, contacts: [...]}`. */
export const klenContacts = (body: unknown): IDataObject[] => ((body as IDataObject)?.contacts as IDataObject[] | undefined) ?? [];

export const KLEN_PAGE_SIZE = 100;
