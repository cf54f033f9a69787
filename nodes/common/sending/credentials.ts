import type { ICredentialDataDecryptedObject, IExecuteSingleFunctions } from 'n8n-workflow';

/**
 * Credentials of one node in one execution, read once: n8n reads them from its database and
 * decrypts them on every call, which a 10,000-row sync would otherwise do 20,000 times.
 */
const credentialsCache = new Map<string, { at: number; credentials: Promise<ICredentialDataDecryptedObject> }>();
const CREDENTIALS_TTL_MS = 60_000;

export async function credentialsOf(context: IExecuteSingleFunctions, type: string): Promise<ICredentialDataDecryptedObject> {
	let executionId: string | undefined;
	try {
		executionId = context.getExecutionId();
	} catch {
		executionId = undefined;
	}
	if (!executionId) return await context.getCredentials(type);
	const now = Date.now();
	for (const [key, entry] of credentialsCache) if (now - entry.at > CREDENTIALS_TTL_MS) credentialsCache.delete(key);
	const key = `${executionId}|${context.getNode().id}|${type}`;
	let entry = credentialsCache.get(key);
	if (!entry) {
		entry = { at: now, credentials: context.getCredentials(type) };
		credentialsCache.set(key, entry);
		entry.credentials.catch(() => credentialsCache.delete(key));
	}
	return await entry.credentials;
}
