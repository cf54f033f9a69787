import type { IAuthenticateGeneric, Icon, ICredentialType, INodeProperties } from 'n8n-workflow';

import { apiKeyProperties } from './bearerApiKey';

export class SkodeApi implements ICredentialType {
	name = 'skodeApi';

	displayName = 'Skode AI API';

	icon: Icon = { light: 'file:../nodes/Skode/skode.svg', dark: 'file:../nodes/Skode/skode.dark.svg' };

	// Skode AI's public docs have no stable address we know: the package's own Skode section.
	documentationUrl = 'https://github.com/n8n-nodes-contact-sync/n8n-nodes-contact-sync/blob/main/docs/skode-ai.md';

	properties: INodeProperties[] = apiKeyProperties({
		providerName: 'Skode AI',
		placeholder: 'sk_live_...',
		description: 'Your Skode AI API key, starting with sk_live_. Create one in Skode AI under Settings › API & Webhooks.',
		baseUrl: 'https://api.skodeai.com/v1',
	});

	// The key as a bearer token, trimmed: one pasted with a trailing new line is meant without it.
	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { Authorization: '=Bearer {{ $credentials.apiKey.trim() }}' } },
	};

	// Tested by the node's credentialTest method (nodes/common/sending/credentialTest.ts), which
	// keeps its own messages on every n8n line.
}
