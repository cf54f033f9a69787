import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

export function contactIdProperty(show: IDisplayOptions['show'], description: string): INodeProperties {
	return {
		displayName: 'Contact ID',
		name: 'contactId',
		type: 'string',
		required: true,
		default: '',
		placeholder: '1234',
		description,
		displayOptions: { show },
	};
}

export const contactGetDescription: INodeProperties[] = [
	contactIdProperty({ resource: ['contact'], operation: ['get'] }, 'ID of the contact to get (a whole number)'),
];
