import type {
	IDataObject,
	IDisplayOptions,
	INodeProperties,
	INodePropertyOptions,
	NodeParameterValueType,
} from 'n8n-workflow';

import { normalizePhoneNumbers } from './phone';
import {
	FieldError,
	checkLength,
	isBlank,
	readBoolean,
	readEmail,
	readInteger,
	readKeyValues,
	readString,
	readStringList,
	readUrl,
} from './values';

/**
 * One contact field of a provider, written once: the Create parameters, the Update
 * collection and the request body are all built from it.
 */
export interface ContactField {
	/** Parameter name: the API field in camelCase (interface.md). */
	name: string;
	/** Key in the request body. */
	apiField: string;
	displayName: string;
	/** What the field does and its documented limits, in sentence case. */
	description: string;
	kind:
		| 'string'
		| 'email'
		| 'url'
		| 'boolean'
		| 'integer'
		| 'options'
		| 'stringList'
		| 'phoneNumbers'
		| 'keyValues'
		| 'custom';
	/** Required by the API on create: shown as a top-level parameter there. */
	required?: boolean;
	minLength?: number;
	maxLength?: number;
	minItems?: number;
	maxItems?: number;
	/** Smallest accepted value of an `integer` field. */
	minimum?: number;
	placeholder?: string;
	default?: NodeParameterValueType;
	/** Documented values for `options` fields. Other values can still be sent with an expression. */
	options?: INodePropertyOptions[];
	/** Description on Update where it differs (e.g. "replaces all numbers"). */
	updateDescription?: string;
	/** False when the provider's update endpoint does not take this field. */
	onUpdate?: boolean;
	/** This field holds the contact's country, which phone parsing uses as a hint. */
	isContactCountry?: boolean;
	/** UI details for structured fields (fixedCollection rows, loaders). */
	property?: Partial<INodeProperties>;
	/** Conversion for structured fields (kind `custom`). */
	read?: (value: unknown, context: FieldContext) => unknown;
}

export interface FieldContext {
	defaultCountry?: string;
	contactCountry?: unknown;
}

export type BodyMode = 'create' | 'update';

const PARAMETER_TYPES: Record<ContactField['kind'], INodeProperties['type']> = {
	string: 'string',
	email: 'string',
	url: 'string',
	boolean: 'boolean',
	integer: 'number',
	options: 'options',
	stringList: 'string',
	phoneNumbers: 'string',
	keyValues: 'json',
	custom: 'string',
};

function fieldDefault(field: ContactField): NodeParameterValueType {
	if (field.default !== undefined) return field.default;
	if (field.kind === 'boolean') return false;
	if (field.kind === 'integer') return 0;
	if (field.kind === 'options') return field.options?.[0]?.value ?? '';
	if (field.kind === 'keyValues') return '{}';
	return '';
}

function toProperty(field: ContactField, mode: BodyMode): INodeProperties {
	const description = mode === 'update' && field.updateDescription ? field.updateDescription : field.description;
	const property = {
		displayName: field.displayName,
		name: field.name,
		type: PARAMETER_TYPES[field.kind],
		default: fieldDefault(field),
		description,
		...(field.placeholder ? { placeholder: field.placeholder } : {}),
		...(field.kind === 'email' && !field.placeholder ? { placeholder: 'name@email.com' } : {}),
		...(field.options ? { options: field.options } : {}),
		...(field.kind === 'integer'
			? { typeOptions: { numberPrecision: 0, ...(field.minimum !== undefined ? { minValue: field.minimum } : {}) } }
			: {}),
		...field.property,
	} as INodeProperties;
	return property;
}

/** The top-level parameters of a create-like operation: the fields the API requires. */
export function requiredFieldProperties(fields: ContactField[], show: IDisplayOptions['show']): INodeProperties[] {
	return fields
		.filter((field) => field.required)
		.map((field) => ({ ...toProperty(field, 'create'), required: true, displayOptions: { show } }));
}

/** The `additionalFields` (create) or `updateFields` (update) collection. */
export function fieldsCollection(
	fields: ContactField[],
	mode: BodyMode,
	show: IDisplayOptions['show'],
): INodeProperties {
	const options = fields
		.filter((field) => (mode === 'create' ? !field.required : field.onUpdate !== false))
		.map((field) => toProperty(field, mode))
		.sort((a, b) => a.displayName.localeCompare(b.displayName));
	return {
		displayName: mode === 'create' ? 'Additional Fields' : 'Update Fields',
		name: mode === 'create' ? 'additionalFields' : 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show },
		options,
	};
}

/** Converts and checks one field's value; `undefined` means "leave it out of the body". */
export function readField(field: ContactField, value: unknown, context: FieldContext): unknown {
	switch (field.kind) {
		case 'string':
		case 'options': {
			const text = readString(value);
			if (text !== undefined) checkLength(text, field.minLength, field.maxLength);
			return text;
		}
		case 'email':
			return readEmail(value);
		case 'url': {
			const url = readUrl(value);
			if (url !== undefined) checkLength(url, field.minLength, field.maxLength);
			return url;
		}
		case 'boolean':
			return readBoolean(value);
		case 'integer': {
			const integer = readInteger(value);
			if (integer !== undefined && field.minimum !== undefined && integer < field.minimum) {
				throw new FieldError(`${integer} is below ${field.minimum}`, `Give a whole number of at least ${field.minimum}.`, value);
			}
			return integer;
		}
		case 'stringList': {
			const list = readStringList(value);
			list?.forEach((item) => checkLength(item, field.minLength, field.maxLength));
			if (list && field.maxItems !== undefined && list.length > field.maxItems) {
				throw new FieldError(`${list.length} values given, more than the ${field.maxItems} allowed`, `Keep at most ${field.maxItems}.`, value);
			}
			return list;
		}
		case 'phoneNumbers':
			if (isBlank(value)) return undefined;
			return normalizePhoneNumbers(value as string, {
				...context,
				minItems: field.minItems,
				maxItems: field.maxItems,
			});
		case 'keyValues':
			return readKeyValues(value);
		case 'custom':
			return field.read ? field.read(value, context) : value;
	}
}

/** A value that failed, with the field it belongs to: the caller adds the item index. */
export class ContactFieldError extends Error {
	constructor(
		readonly field: ContactField,
		readonly fieldError: FieldError,
	) {
		super(`${field.displayName}: ${fieldError.problem}`);
		this.name = 'ContactFieldError';
	}
}

/**
 * Builds the request body from the parameter values of one item. Blank optional values are
 * left out, never sent as "". On create every required field must have a value.
 */
export function buildBody(fields: ContactField[], values: IDataObject, mode: BodyMode, context: FieldContext): IDataObject {
	const countryField = fields.find((field) => field.isContactCountry);
	const fieldContext: FieldContext = {
		...context,
		contactCountry: countryField ? values[countryField.name] : undefined,
	};
	const body: IDataObject = {};
	for (const field of fields) {
		if (mode === 'update' && field.onUpdate === false) continue;
		const raw = values[field.name];
		let value: unknown;
		try {
			value = readField(field, raw, fieldContext);
			if (value === undefined && mode === 'create' && field.required) {
				throw new FieldError(
					'is required but empty',
					`Give a value for ${field.displayName}${field.minLength ? ` (${field.minLength}–${field.maxLength ?? '∞'} characters)` : ''}.`,
					raw,
				);
			}
		} catch (error) {
			if (error instanceof FieldError) throw new ContactFieldError(field, error);
			throw error;
		}
		if (value !== undefined) body[field.apiField] = value as IDataObject[string];
	}
	return body;
}
