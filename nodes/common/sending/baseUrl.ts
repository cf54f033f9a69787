import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { inputError } from '../input/inputError';
import type { ProviderProfile } from '../profile';
import type { Row } from '../engine/row';

/**
 * The address requests go under: the profile's reading of the credential's Base URL (Tether's
 * instance plus `/api`), else the Base URL as given. A Base URL the profile cannot use fails
 * the row before anything is sent, naming the credential's field.
 */
export function apiBaseUrlOf(context: Row, profile: ProviderProfile, credentials: ICredentialDataDecryptedObject): string {
	if (!profile.apiBaseUrl) return String(credentials.baseUrl ?? '');
	try {
		return profile.apiBaseUrl(credentials.baseUrl);
	} catch (error) {
		throw inputError(context.getNode(), context.getItemIndex(), error, `${profile.displayName} credential › Base URL`);
	}
}
