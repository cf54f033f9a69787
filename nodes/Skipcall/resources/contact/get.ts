import type { INodeProperties } from 'n8n-workflow';

export const contactGetDescription: INodeProperties[] = [
	{
		displayName: 'Contact ID',
		name: 'contactId',
		type: 'string',
		required: true,
		default: '',
		placeholder: '550e8400-e29b-41d4-a716-446655440000',
		description: 'ID of the contact to get. Skipcall answers "not found" for contacts outside the API key’s workspaces.',
		displayOptions: { show: { resource: ['contact'], operation: ['get'] } },
	},
];
