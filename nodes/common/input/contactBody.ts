import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { Row } from '../engine/row';

import { itemPrefix } from '../messages';
import { isDotSegment } from '../operations/records';
import { inputError } from './inputError';
import { type BodyMode, type ContactField, buildBody } from './fields';
import { readDefaultCountry } from './phone';
import { FieldError, readInteger, readString } from './values';

/** Reads `options.defaultCountry`, naming the option if it cannot be read. */
export function defaultCountryOf(context: Row): string | undefined {
	const options = context.getNodeParameter('options', {}) as IDataObject;
	try {
		return readDefaultCountry(options.defaultCountry);
	} catch (error) {
		throw inputError(context.getNode(), context.getItemIndex(), error, 'Options › Default Country for Phone Numbers');
	}
}

/**
 * The parameter values a body is built from, by field name: the collection's, and on create the
 * top-level parameters of the node's version (required fields, and those a version moved to the
 * top). `fields` are named as the node's version names them (fieldsOfVersion).
 */
export function contactValues(context: Row, fields: ContactField[], mode: BodyMode): IDataObject {
	const collection = context.getNodeParameter(mode === 'create' ? 'additionalFields' : 'updateFields', {}) as IDataObject;
	const values: IDataObject = { ...collection };
	if (mode === 'create') {
		const version = context.getNode().typeVersion;
		for (const field of fields) {
			const topLevel = field.required || (field.topLevelFrom !== undefined && version >= field.topLevelFrom);
			if (topLevel) values[field.name] = context.getNodeParameter(field.name, '') as IDataObject[string];
		}
	}
	return values;
}

/** The fields as a node version names them: a field renamed in that version (renamedFrom) under its new name. */
export function fieldsOfVersion(fields: ContactField[], version: number): ContactField[] {
	return fields.map((field) =>
		field.renamedFrom && version >= field.renamedFrom.version ? { ...field, name: field.renamedFrom.name, displayName: field.renamedFrom.displayName } : field,
	);
}

/**
 * Read step: builds the contact body from the fields' spec, normalising phone numbers and
 * checking documented limits, so that bad input never reaches the server. Without Continue
 * On Fail no row is sent while one fails (the engine reads every row first).
 */
export function buildContactBody(fields: ContactField[], mode: BodyMode) {
	return async function (this: Row, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		const defaultCountry = defaultCountryOf(this);
		const versioned = fieldsOfVersion(fields, this.getNode().typeVersion);
		const values = contactValues(this, versioned, mode);
		let body: IDataObject;
		try {
			body = buildBody(versioned, values, mode, { defaultCountry });
		} catch (error) {
			throw inputError(this.getNode(), this.getItemIndex(), error);
		}
		if (mode === 'update' && Object.keys(body).length === 0) {
			const itemIndex = this.getItemIndex();
			throw new NodeOperationError(this.getNode(), `${itemPrefix(itemIndex)} Update Fields: nothing to update. Add at least one field with a value.`, {
				itemIndex,
				description: 'Every field in Update Fields was empty, so there is nothing to send.',
			});
		}
		requestOptions.body = { ...(requestOptions.body as IDataObject | undefined), ...body };
		return requestOptions;
	};
}

/**
 * Read step: puts the `contactId` parameter into the URL's `{contactId}` placeholder,
 * URL-encoded (n8n does not encode expression results in URLs, so "c/2" would become a path).
 */
export function contactIdInUrl(options: { integer?: boolean } = {}) {
	return async function (this: Row, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		const raw = this.getNodeParameter('contactId', '');
		let id: string | undefined;
		try {
			id = options.integer ? readInteger(raw)?.toString() : readString(raw);
			if (id === undefined) throw new FieldError('is required but empty', 'Give the ID of the contact.', raw);
			if (options.integer && Number(id) <= 0) throw new FieldError(`${id} is not a contact ID`, 'Contact IDs are positive whole numbers.', raw);
			if (isDotSegment(id)) throw new FieldError(`"${id}" is not a contact ID`, 'Give the ID of the contact: "." and ".." would change the address the request goes to.', raw);
		} catch (error) {
			throw inputError(this.getNode(), this.getItemIndex(), error, 'Contact ID');
		}
		requestOptions.url = (requestOptions.url ?? '').replace('{contactId}', encodeURIComponent(id));
		return requestOptions;
	};
}
