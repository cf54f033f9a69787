import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import type { ContactField } from '../input/fields';
import { requiredFieldProperties } from './fields';

/**
 * The top-level parameters of a create-like operation (requiredFieldProperties), where the
 * fields of a `requiredOneOf` group (Skode's email and phone) are each optional in the editor:
 * marked required, n8n would refuse to run a row that gives only one of them. The group is
 * checked when the body is built (common/input/fields.ts).
 */
export function topLevelFieldProperties(fields: ContactField[], show: IDisplayOptions['show']): INodeProperties[] {
	const eachOptional = new Set(fields.filter((field) => field.requiredOneOf).map((field) => field.name));
	return requiredFieldProperties(fields, show).map((property) => {
		if (!eachOptional.has(property.name)) return property;
		return Object.fromEntries(Object.entries(property).filter(([key]) => key !== 'required')) as unknown as INodeProperties;
	});
}
