import type { ProviderProfile } from '../common/profile';
import { tetherApiUrl } from './instance';
import { VERIFY_PATH } from './login';
import { type LoginProfile, sessionExchange, sessionSecrets } from './session';

/** Tether's two ways in: a login n8n runs (the credential's preAuthentication), or an access token. */
export const tetherLogin: LoginProfile = {
	tokenField: 'sessionToken',
	logsIn: (credentials) => credentials.authentication === 'login',
	user: (credentials) => String(credentials.email ?? '').trim(),
	tokenHint:
		'Paste a current access token into the Tether credential, or set its Authentication to Login so that the node logs in by itself and again whenever the login expires.',
	freshTokenHint:
		'The login works but Tether does not accept its token: check that the user is active and belongs to the instance the Base URL points at.',
};

export const tetherProfile: ProviderProfile = {
	displayName: 'Tether',
	credentialType: 'tetherApi',
	// The login's token (sessionToken) is a secret too: the session adds each one (session.ts).
	secretFields: ['accessToken', 'password'],
	credentialHint: 'Check the Tether credential: a current access token, or the email and password you sign in to Tether with.',
	credentialTest: { path: VERIFY_PATH, forbidden: 'The Tether user’s role does not allow this: ask a Tether admin for a role that can read and write contacts.' },
	// Tether documents no rate limit: pacing is off unless Options › Requests per Minute sets one.
	requestsPerMinute: 0,
	planLimitOption: true,
	codeHints: {
		Forbidden:
			'The Tether user’s role does not allow this: ask a Tether admin for a role that can create and update contacts, or use another user’s login.',
	},
	apiBaseUrl: tetherApiUrl,
	// The rows of a run share one login session (session.ts).
	exchange: async (row, request, credentials, timeoutMs) => await sessionExchange.call(row, tetherProfile, tetherLogin, request, credentials, timeoutMs),
	secretsOf: (row, credentials) => sessionSecrets(row, tetherProfile, tetherLogin, credentials),
};
