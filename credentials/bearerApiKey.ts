import type { ICredentialDataDecryptedObject, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { bearerHeader } from '../nodes/common/sending/auth';

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

/** The credentials' `authenticate`: the key as a bearer token (common/sending/auth.ts says why a function). */
export async function bearerApiKey(
	credentials: ICredentialDataDecryptedObject,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	return { ...requestOptions, headers: { ...requestOptions.headers, ...bearerHeader(credentials.apiKey) } };
}
