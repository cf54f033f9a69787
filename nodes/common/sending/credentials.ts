import type { ICredentialDataDecryptedObject, IExecuteSingleFunctions } from 'n8n-workflow';

import { nodeRunOf } from './nodeRun';

/**
 * Credentials of one run of a node, read once: n8n reads them from its database and decrypts
 * them on every call, which a 10,000-row sync would otherwise do 20,000 times. Kept with the
 * run (nodeRun.ts), never longer: a later run, a resumed execution included, reads the
 * credential as it is then, so an edited key is used at once.
 */
export async function credentialsOf(context: IExecuteSingleFunctions, type: string): Promise<ICredentialDataDecryptedObject> {
	const run = nodeRunOf(context);
	if (!run) return await context.getCredentials(type);
	const key = `credentials|${type}`;
	let credentials = run.once.get(key) as Promise<ICredentialDataDecryptedObject> | undefined;
	if (!credentials) {
		credentials = context.getCredentials(type);
		run.once.set(key, credentials);
		credentials.catch(() => run.once.delete(key));
	}
	return await credentials;
}
