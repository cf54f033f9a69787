import type { IDisplayOptions, INodeProperties, NodeParameterValueType } from 'n8n-workflow';

import type { BodyMode, ContactField } from '../input/fields';

/**
 * The parameters built from a provider's field spec (`resources/contact/fields.ts`): the
 * required top-level parameters of Create, its Additional Fields and Update's Update Fields.
 */

const PARAMETER_TYPES: Record<ContactField['kind'], INodeProperties['type']> = {
	string: 'string',
	email: 'string',
	url: 'string',
	boolean: 'boolean',
	integer: 'number',
	options: 'options',
	stringList: 'string',
	phoneNumbers: 'string',
	custom: 'string',
};

function fieldDefault(field: ContactField): NodeParameterValueType {
	if (field.default !== undefined) return field.default;
	if (field.kind === 'boolean') return false;
	if (field.kind === 'integer') return 0;
	if (field.kind === 'options') return field.options?.[0]?.value ?? '';
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
	const options = (mode === 'create' ? fields.filter((field) => !field.required) : fields)
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

