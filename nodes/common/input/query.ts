import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import { inputError } from './inputError';
import type { Row } from '../engine/row';

/** One query parameter of a list request, read from a collection (Get Many's `filters`, `options`). */
export interface QueryParameter {
	/** Parameter name in the collection. */
	name: string;
	displayName: string;
	/** The API's query parameter. */
	query: string;
	/** Converts and checks the value; `undefined` leaves the parameter out. Throws FieldError. */
	read: (value: unknown) => string | undefined;
}

/**
 * Read step: the list request's query from the collections' values, each checked before
 * anything is sent (an error names the item, `Filters › Created After` and the value); empty
 * values are left out.
 */
export function listQuery(collections: Record<string, { label: string; parameters: QueryParameter[] }>) {
	return async function (this: Row, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		const qs: IDataObject = { ...requestOptions.qs };
		for (const [collection, { label, parameters }] of Object.entries(collections)) {
			const values = this.getNodeParameter(collection, {}) as IDataObject;
			for (const parameter of parameters) {
				try {
					const value = parameter.read(values[parameter.name]);
					if (value !== undefined) qs[parameter.query] = value;
				} catch (error) {
					throw inputError(this.getNode(), this.getItemIndex(), error, `${label} › ${parameter.displayName}`);
				}
			}
		}
		requestOptions.qs = qs;
		return requestOptions;
	};
}
