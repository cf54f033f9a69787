import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';

import type { Row } from './engine/row';
import type { ApiAnswer } from './sending/apiErrors';

/**
 * What the shared machinery needs to know about a provider: its credential, its limits and
 * how to explain its errors. Each provider folder has one (`<Provider>/profile.ts`).
 */
export interface ProviderProfile {
	displayName: string;
	credentialType: string;
	/** Credential fields that are secrets: they never appear in an error or an output. */
	secretFields: string[];
	/** Where the user finds the right API key: the fix for a refused key (401, credential test). */
	credentialHint: string;
	/** The credential test: a cheap authenticated GET, and what a 403 there means. */
	credentialTest: { path: string; qs?: Record<string, string | number>; forbidden: string };
	/** Documented requests per minute; with `planLimitOption` it is the lowest plan's and the user can raise it. */
	requestsPerMinute: number;
	planLimitOption?: boolean;
	/** How to fix a provider error code (Klen's `team_not_found`, ...). */
	codeHints?: Record<string, string>;
	/** The permission each operation needs, for "the key lacks permission X" (Klen's keys carry permissions). */
	permissions?: Record<string, string>;
	/**
	 * The provider refuses to create a second contact with a unique key (the lookup key marked
	 * `unique`) and answers this status, naming the contact it has (Skode: 409 for an email).
	 * Create then says which contact exists; Create or Update updates it.
	 */
	duplicateOnCreate?: { status: number };
	/**
	 * The API root every request goes under, read from the credential's Base URL (Tether: the
	 * customer's instance plus `/api`). Throws a FieldError for a Base URL it cannot use. Without
	 * it, the Base URL is used as given.
	 */
	apiBaseUrl?: (baseUrl: unknown) => string;
	/**
	 * How one request of a row goes on the wire with the run's credentials: by default
	 * sending/exchange.ts; Tether's shares its login session between rows (nodes/Tether/session.ts).
	 * Errors it words for the row itself are marked with finalError.
	 */
	exchange?: (row: Row, request: IHttpRequestOptions, credentials: ICredentialDataDecryptedObject, timeoutMs: number) => Promise<ApiAnswer>;
	/** The secrets a row never shows: by default the values of secretFields (Tether adds its login tokens). */
	secretsOf?: (row: Row, credentials: ICredentialDataDecryptedObject) => Array<string | undefined>;
}
