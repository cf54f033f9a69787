import type { IAuthenticateGeneric, Icon, ICredentialType, INodeProperties } from 'n8n-workflow';

import { apiKeyProperties } from './bearerApiKey';

export class KlenAiApi implements ICredentialType {
	name = 'klenAiApi';

	displayName = 'Klen AI API';

	icon: Icon = { light: 'file:../nodes/KlenAi/klenAi.svg', dark: 'file:../nodes/KlenAi/klenAi.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-contact-sync/n8n-nodes-contact-sync/blob/main/docs/klen-ai.md';

	properties: INodeProperties[] = apiKeyProperties({
		providerName: 'Klen AI',
		placeholder: 'klen_...',
		description:
			'Your Klen AI API key, starting with klen_. Keys carry permissions: creating and reading contacts needs can_read_contacts.',
		baseUrl: 'https://api.klen.ai/api/v1',
	});

	// The key as a bearer token, trimmed: one pasted with a trailing new line is meant without it.
	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { Authorization: '=Bearer {{ $credentials.apiKey.trim() }}' } },
	};

	// Tested by the node's credentialTest method (nodes/common/credentialTest.ts), which keeps
	// its own messages on every n8n line.
}
