import type { IAuthenticateGeneric, Icon, ICredentialType, INodeProperties } from 'n8n-workflow';

import { apiKeyProperties } from './bearerApiKey';

export class SkipcallApi implements ICredentialType {
	name = 'skipcallApi';

	displayName = 'Skipcall API';

	icon: Icon = { light: 'file:../nodes/Skipcall/skipcall.svg', dark: 'file:../nodes/Skipcall/skipcall.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-contact-sync/n8n-nodes-contact-sync/blob/main/docs/skipcall.md';

	properties: INodeProperties[] = apiKeyProperties({
		providerName: 'Skipcall',
		placeholder: 'sk_live_...',
		description:
			'Your Skipcall API key, starting with sk_live_ (or sk_test_ for a test key). Create one in Skipcall under Settings › API.',
		baseUrl: 'https://api-public.skipcall.app/v1',
	});

	// The key as a bearer token, trimmed: one pasted with a trailing new line is meant without it.
	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { Authorization: '=Bearer {{ $credentials.apiKey.trim() }}' } },
	};

	// Tested by the node's credentialTest method (nodes/common/credentialTest.ts), which keeps
	// its own messages on every n8n line.
}
