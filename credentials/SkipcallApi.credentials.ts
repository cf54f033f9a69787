import type { IAuthenticateGeneric, Icon, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

import { apiKeyProperties, bearerApiKey, credentialTest } from './bearerApiKey';

export class SkipcallApi implements ICredentialType {
	name = 'skipcallApi';

	displayName = 'Skipcall API';

	icon: Icon = { light: 'file:../nodes/Skipcall/skipcall.svg', dark: 'file:../nodes/Skipcall/skipcall.dark.svg' };

	documentationUrl = 'https://docs.skipcall.app';

	properties: INodeProperties[] = apiKeyProperties({
		providerName: 'Skipcall',
		placeholder: 'sk_live_...',
		description:
			'Your Skipcall API key, starting with sk_live_ (or sk_test_ for a test key). Create one in Skipcall under Settings › API.',
		baseUrl: 'https://api-public.skipcall.app/v1',
	});

	authenticate: IAuthenticateGeneric = bearerApiKey;

	test: ICredentialTestRequest = credentialTest(
		{ url: '/workspaces' },
		{
			unauthorized: 'API key invalid: Skipcall did not recognise it. Copy the key again from Skipcall › Settings › API.',
			forbidden:
				'The key is valid but has no API access: your Skipcall plan may not include the API. Check your plan in Skipcall › Settings › Billing.',
		},
	);
}
