import type { ProviderProfile } from '../common/profile';

export const klenAiProfile: ProviderProfile = {
	displayName: 'Klen AI',
	credentialType: 'klenAiApi',
	secretFields: ['apiKey'],
	credentialHint: 'Copy the API key again from Klen AI: it must be an active key starting with klen_.',
	credentialTest: {
		path: '/contacts',
		qs: { limit: 1 },
		forbidden: 'The key works but lacks the can_read_contacts permission: give the key that permission in Klen AI.',
	},
	requestsPerMinute: 60,
	// Klen's docs name can_read_contacts for creating contacts; the others are not documented
	// and are named after Klen's permission scheme (see README).
	permissions: {
		create: 'can_read_contacts',
		upsert: 'can_read_contacts',
		get: 'can_read_contacts',
		getAll: 'can_read_contacts',
		update: 'can_write_contacts',
	},
	codeHints: {
		missing_first_name: 'Give a First Name.',
		invalid_json: 'The request body was not valid JSON: report this as a bug of the node.',
		validation_error: 'Correct the field Klen AI names.',
		authentication_required: 'No API key was sent: check the Klen AI credential.',
		team_access_denied: 'The API key’s user has no access to this team: check Team ID.',
		team_not_found: 'No team has this Team ID: check it in Klen AI.',
	},
};
