import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { listFrom } from '../../common/lists';

const PAGE_SIZE = 100;
const MAX_PAGES = 50;

/**
 * Custom fields of the key's workspaces, for the Custom Fields dropdown: label = name,
 * value = slug (the immutable key Skipcall wants). Pages are 0-based with `size` ≤ 100.
 */
export async function getCustomFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const credentials = await this.getCredentials('skipcallApi');
	const options: INodePropertyOptions[] = [];
	for (let page = 0; page < MAX_PAGES; page++) {
		const body = await this.helpers.httpRequestWithAuthentication.call(this, 'skipcallApi', {
			method: 'GET',
			baseURL: credentials.baseUrl as string,
			url: '/custom-fields',
			qs: { page, size: PAGE_SIZE },
			json: true,
		});
		const fields = listFrom(body);
		for (const field of fields) {
			const slug = (field.slug ?? field.key) as string | undefined;
			if (!slug) continue;
			const name = (field.name as string | undefined) ?? slug;
			options.push({ name: name === slug ? name : `${name} (${slug})`, value: slug });
		}
		const envelope = (Array.isArray(body) ? {} : body) as IDataObject;
		const lastPage = envelope.last === true || (typeof envelope.totalPages === 'number' && page + 1 >= envelope.totalPages);
		if (fields.length < PAGE_SIZE || lastPage) break;
	}
	return options.sort((a, b) => a.name.localeCompare(b.name));
}
