import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { listFrom } from '../../common/operations/records';

const PAGE_SIZE = 100;
const MAX_PAGES = 50;

const asNumber = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

/** Whether a custom-field list answer says there are more pages after this one. */
function morePages(envelope: IDataObject, page: number, received: number, read: number, requested: number): boolean {
	if (received === 0 || envelope.last === true) return false;
	const totalPages = asNumber(envelope.totalPages) ?? asNumber(envelope.total_pages);
	if (totalPages !== undefined) return page + 1 < totalPages;
	const total = asNumber(envelope.total) ?? asNumber(envelope.totalElements);
	if (total !== undefined) return read < total;
	// Nothing else said: a page shorter than the size the server answered with (it may cap
	// the size we asked for) is the last one.
	return received >= (asNumber(envelope.size) ?? requested);
}

/** Shows the slug only when it tells the user something the name does not. */
function label(name: string, slug: string, sameName: boolean): string {
	const plain = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');
	return sameName || plain(name) !== plain(slug) ? `${name} (${slug})` : name;
}

/**
 * Custom fields of the key's workspaces, for the Custom Fields dropdown: label = name,
 * value = slug (the immutable key Skipcall wants). Pages are 0-based with `size` ≤ 100;
 * the server may answer smaller pages than asked, so `total` decides when to stop.
 */
export async function getCustomFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const credentials = await this.getCredentials('skipcallApi');
	const fields: Array<{ name: string; slug: string }> = [];
	for (let page = 0; page < MAX_PAGES; page++) {
		const body = await this.helpers.httpRequestWithAuthentication.call(this, 'skipcallApi', {
			method: 'GET',
			baseURL: credentials.baseUrl as string,
			url: '/custom-fields',
			qs: { page, size: PAGE_SIZE },
			json: true,
			// A redirect must never carry the key to another host (README, "When the server
			// misbehaves"): the dropdown fails instead of following one.
			disableFollowRedirect: true,
		});
		const records = listFrom(body);
		for (const field of records) {
			const slug = (field.slug ?? field.key) as string | undefined;
			if (slug) fields.push({ slug, name: (field.name as string | undefined) ?? slug });
		}
		const envelope = (Array.isArray(body) ? {} : body) as IDataObject;
		if (!morePages(envelope, page, records.length, fields.length, PAGE_SIZE)) break;
	}
	const nameCount = new Map<string, number>();
	for (const { name } of fields) nameCount.set(name.toLowerCase(), (nameCount.get(name.toLowerCase()) ?? 0) + 1);
	return fields
		.map(({ name, slug }) => ({ name: label(name, slug, (nameCount.get(name.toLowerCase()) ?? 0) > 1), value: slug }))
		.sort((a, b) => a.name.localeCompare(b.name));
}
