import type { ProviderProfile } from '../common/profile';

export const skodeProfile: ProviderProfile = {
	displayName: 'Skode AI',
	credentialType: 'skodeApi',
	secretFields: ['apiKey'],
	credentialHint: 'Copy the API key again from Skode AI › Settings › API & Webhooks (it starts with sk_live_).',
	credentialTest: {
		path: '/contacts',
		qs: { per_page: 1 },
		forbidden:
			'The key is valid but may not read contacts (403): check its permissions in Skode AI › Settings › API & Webhooks, or create a key that may.',
	},
	// Free plans allow 100 requests a minute per key, Pro 1,000, Enterprise 10,000.
	requestsPerMinute: 100,
	planLimitOption: true,
	// "Skode deduplicates contacts by email address — creating a contact with an existing email
	// returns a 409 Conflict with the existing contact ID" (seed 002).
	duplicateOnCreate: { status: 409 },
	// Skode documents the error shape, not its codes: these are the codes its sandbox answers
	// (test/servers/skodeRules.js), with the likeliest alternatives.
	codeHints: {
		// Skode's own words already say why (a read-only key): the hint says only what to do.
		forbidden: 'Use a key with write access from Skode AI › Settings › API & Webhooks.',
		permission_denied: 'Use a key with write access from Skode AI › Settings › API & Webhooks.',
		validation_error: 'Correct the value of the field Skode AI names.',
		conflict: 'Another contact already has this email: merge the two contacts (Merge), or give a different email.',
		invalid_json: 'The request body was not valid JSON: report this as a bug of the node.',
	},
};
