import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

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
