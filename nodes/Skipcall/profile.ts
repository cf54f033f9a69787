import type { ProviderProfile } from '../common/profile';

export const skipcallProfile: ProviderProfile = {
	displayName: 'Skipcall',
	credentialType: 'skipcallApi',
	secretFields: ['apiKey'],
	credentialHint: 'Copy the API key again from Skipcall › Settings › API (it starts with sk_live_ or sk_test_).',
	credentialTest: {
		path: '/workspaces',
		forbidden:
			'The key is valid but has no API access: your Skipcall plan may not include the API. Check your plan in Skipcall › Settings › Billing.',
	},
	// Starter and Intermédiaire plans allow 100 requests a minute, Expert 1000.
	requestsPerMinute: 100,
	planLimitOption: true,
};
