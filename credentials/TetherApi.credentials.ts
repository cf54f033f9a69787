import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	IAuthenticateGeneric,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { logInToTether } from '../nodes/Tether/login';

/**
 * Tether: the customer's own instance, and either a pasted access token or a login. A login
 * is n8n's pre-authentication: `sessionToken` is hidden and expirable, n8n calls
 * `preAuthentication` when it is empty and saves what it returns with the credential. The node
 * empties it again when Tether refuses the token (nodes/common/sending/session.ts), so n8n
 * logs in anew.
 */
export class TetherApi implements ICredentialType {
	name = 'tetherApi';

	displayName = 'Tether API';

	icon: Icon = { light: 'file:../nodes/Tether/tether.svg', dark: 'file:../nodes/Tether/tether.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-contact-sync/n8n-nodes-contact-sync/blob/main/docs/tether.md';

	properties: INodeProperties[] = [
		{
			displayName: 'Session Token',
			name: 'sessionToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'https://yourcompany.example.com',
			description:
				'Your Tether instance’s address (each customer has its own). With or without /api at the end: the node sends every request under /api.',
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'options',
			options: [
				{ name: 'Access Token', value: 'accessToken', description: 'A token you paste; when it expires, paste a new one' },
				{ name: 'Login', value: 'login', description: 'Your email and password: the node logs in, and again when the login expires' },
			],
			default: 'login',
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: 'A Tether access token (a JWT), sent as a bearer token',
			displayOptions: { show: { authentication: ['accessToken'] } },
		},
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'name@email.com',
			description: 'The email you sign in to your Tether instance with',
			displayOptions: { show: { authentication: ['login'] } },
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			displayOptions: { show: { authentication: ['login'] } },
		},
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject): Promise<IDataObject> {
		// An access token needs no login: nothing for n8n to save.
		if (credentials.authentication !== 'login') return {};
		return { sessionToken: await logInToTether(this.helpers.httpRequest, credentials) };
	}

	// The login's token (Login) or the pasted one (Access Token), as a bearer token.
	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{ String($credentials.authentication === "login" ? $credentials.sessionToken : $credentials.accessToken).trim() }}',
			},
		},
	};

	// Tested by the node's credentialTest method (nodes/Tether/credentialTest.ts): it tells a
	// refused login from a refused token, which a declarative test cannot.
}
