import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

export class KlenAiApi implements ICredentialType {
	name = 'klenAiApi';

	displayName = 'Klen AI API';

	icon: Icon = { light: 'file:../nodes/KlenAi/klenAi.svg', dark: 'file:../nodes/KlenAi/klenAi.dark.svg' };

	documentationUrl = 'https://docs.klen.ai';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			placeholder: 'klen_...',
			description:
				'Your Klen AI API key, starting with klen_. Keys carry permissions: creating and reading contacts needs can_read_contacts.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			required: true,
			default: 'https://api.klen.ai/api/v1',
			description: 'Klen AI’s API address. Change it only to use a sandbox or a proxy.',
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
			url: '/contacts',
			method: 'GET',
			qs: { limit: 1 },
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message: 'API key invalid or inactive: copy it again from Klen AI (it starts with klen_).',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message: 'The key works but lacks the can_read_contacts permission: give the key that permission in Klen AI.',
				},
			},
		],
	};
}
