import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

export class SkipcallApi implements ICredentialType {
	name = 'skipcallApi';

	displayName = 'Skipcall API';

	icon: Icon = { light: 'file:../nodes/Skipcall/skipcall.svg', dark: 'file:../nodes/Skipcall/skipcall.dark.svg' };

	documentationUrl = 'https://docs.skipcall.app';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			placeholder: 'sk_live_...',
			description: 'Your Skipcall API key, starting with sk_live_ (or sk_test_ for a test key). Create one in Skipcall under Settings › API.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			required: true,
			default: 'https://api-public.skipcall.app/v1',
			description: 'Skipcall’s API address. Change it only to use a sandbox or a proxy.',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.apiKey}}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}',
			url: '/workspaces',
			method: 'GET',
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message: 'API key invalid: Skipcall did not recognise it. Copy the key again from Skipcall › Settings › API.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message: 'The key is valid but has no API access: your Skipcall plan may not include the API. Check your plan in Skipcall › Settings › Billing.',
				},
			},
		],
	};
}
