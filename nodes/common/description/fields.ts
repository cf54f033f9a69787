import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import type { BodyMode, ContactField } from '../input/fields';

/**
 * The parameters built from a provider's field spec (`resources/contact/fields.ts`): the
 * required top-level parameters of Create, its Additional Fields and Update's Update Fields.
 *
 * Every parameter starts empty, and an empty value is left out of the request: a field added
 * to a collection sends nothing until the user gives it a value. Adding "Stage" to an Update
 * just to look at it must not move the contact back to the first stage.
 */

/** A yes/no field that can also be "not given": n8n's boolean switch has no such state. */
const YES_NO: INodeProperties['options'] = [
	{ name: 'Yes', value: true },
	{ name: 'No', value: false },
];

/** The parameter type and the inputs each field kind is given in the editor. */
function shapeOf(field: ContactField): Partial<INodeProperties> {
	switch (field.kind) {
		case 'boolean':
			// Saved workflows hold true/false: the same values as these two options.
			return { type: 'options', options: YES_NO, allowArbitraryValues: true };
		case 'options':
			// allowArbitraryValues: a value typed with an expression (another status of the
			// account) and the empty start are not flagged "not supported" by the editor.
			return { type: 'options', options: field.options ?? [], allowArbitraryValues: true };
		case 'integer':
			// A text box: n8n's number input cannot be empty. The value is read as a whole number
			// before sending (" 12 ", "12.0" and 12 all give 12).
			return { type: 'string' };
		case 'email':
			return { type: 'string', ...(field.placeholder ? {} : { placeholder: 'name@email.com' }) };
		default:
			return { type: 'string' };
	}
}

function toProperty(field: ContactField, mode: BodyMode): INodeProperties {
	const description = mode === 'update' && field.updateDescription ? field.updateDescription : field.description;
	return {
		displayName: field.displayName,
		name: field.name,
		default: '',
		description,
		...(field.placeholder ? { placeholder: field.placeholder } : {}),
		...(field.hint ? { hint: field.hint } : {}),
		...shapeOf(field),
		...field.property,
	} as INodeProperties;
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

/** The node versions a field or collection is shown in: `[1]`, or from a version on. */
const versionsBefore = (version: number) => Array.from({ length: version - 1 }, (_, index) => index + 1);
const versionsFrom = (version: number) => [{ _cnd: { gte: version } }];

/**
 * Every parameter of a create-like operation (Create, Create or Update), in the editor's order:
 * the required fields at the top (those of a `requiredOneOf` group each optional in the editor:
 * marked required, n8n would refuse a row that gives only one of them; the group is checked when
 * the body is built), the optional fields a node version shows at the top (topLevelFrom), then
 * Additional Fields. A field renamed in a node version (renamedFrom) has its parameter in each
 * version under that version's name; a field moved to the top is still in Additional Fields for
 * the versions before.
 */
export function createProperties(fields: ContactField[], show: IDisplayOptions['show']): INodeProperties[] {
	const inVersions = (versions: Array<number | { _cnd: { gte: number } }>): IDisplayOptions => ({ show: { ...show, '@version': versions } as IDisplayOptions['show'] });
	const top: INodeProperties[] = [];
	for (const field of fields.filter((candidate) => candidate.required)) {
		const property: INodeProperties = { ...toProperty(field, 'create'), displayOptions: { show } };
		if (!field.requiredOneOf) property.required = true;
		const renamed = field.renamedFrom;
		if (!renamed) {
			top.push(property);
			continue;
		}
		top.push({ ...property, displayOptions: inVersions(versionsBefore(renamed.version)) });
		top.push({ ...property, name: renamed.name, displayName: renamed.displayName, displayOptions: inVersions(versionsFrom(renamed.version)) });
	}
	const moved = fields.filter((field) => !field.required && field.topLevelFrom !== undefined);
	if (moved.length === 0) return [...top, fieldsCollection(fields, 'create', show)];
	const from = Math.min(...moved.map((field) => field.topLevelFrom as number));
	return [
		...top,
		...moved.map((field) => ({ ...toProperty(field, 'create'), displayOptions: inVersions(versionsFrom(from)) })),
		fieldsCollection(fields, 'create', inVersions(versionsBefore(from)).show),
		fieldsCollection(
			fields.filter((field) => !moved.includes(field)),
			'create',
			inVersions(versionsFrom(from)).show,
		),
	];
}

/** The Contact ID parameter of the operations that act on one contact. */
export function contactIdProperty(show: IDisplayOptions['show'], description: string, placeholder: string): INodeProperties {
	return {
		displayName: 'Contact ID',
		name: 'contactId',
		type: 'string',
		required: true,
		default: '',
		placeholder: placeholder.startsWith('e.g. ') ? placeholder : `e.g. ${placeholder}`,
		description,
		displayOptions: { show },
	};
}
