import type { INodeProperties } from 'n8n-workflow';

/** The credential shape every provider here shares: an API key sent as a bearer token, and a base URL. */
export function apiKeyProperties(options: {
	placeholder: string;
	description: string;
	baseUrl: string;
	providerName: string;
}): INodeProperties[] {
	return [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			placeholder: options.placeholder,
			description: options.description,
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			required: true,
			default: options.baseUrl,
			description: `${options.providerName}’s API address. Change it only to use a sandbox or a proxy.`,
		},
	];
}
