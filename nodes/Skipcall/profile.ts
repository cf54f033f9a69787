import type { ProviderProfile } from '../common/request';

export const skipcallProfile: ProviderProfile = {
	displayName: 'Skipcall',
	credentialType: 'skipcallApi',
	secretFields: ['apiKey'],
	credentialHint:
		'Check the API key in the Skipcall credential: copy it again from Skipcall › Settings › API (it starts with sk_live_ or sk_test_).',
	// Starter and Intermédiaire plans allow 100 requests a minute, Expert 1000.
	requestsPerMinute: 100,
	planLimitOption: true,
};
