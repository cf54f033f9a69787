import type { IAuthenticateGeneric, Icon, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

import { apiKeyProperties, bearerApiKey, credentialTest } from './bearerApiKey';

export class KlenAiApi implements ICredentialType {
	name = 'klenAiApi';

	displayName = 'Klen AI API';

	icon: Icon = { light: 'file:../nodes/KlenAi/klenAi.svg', dark: 'file:../nodes/KlenAi/klenAi.dark.svg' };

	documentationUrl = 'https://docs.klen.ai';

	properties: INodeProperties[] = apiKeyProperties({
		providerName: 'Klen AI',
		placeholder: 'klen_...',
		description:
			'Your Klen AI API key, starting with klen_. Keys carry permissions: creating and reading contacts needs can_read_contacts.',
		baseUrl: 'https://api.klen.ai/api/v1',
	});

	authenticate: IAuthenticateGeneric = bearerApiKey;

	test: ICredentialTestRequest = credentialTest(
		{ url: '/contacts', qs: { limit: 1 } },
		{
			unauthorized: 'API key invalid or inactive: copy it again from Klen AI (it starts with klen_).',
			forbidden: 'The key works but lacks the can_read_contacts permission: give the key that permission in Klen AI.',
		},
	);
}
