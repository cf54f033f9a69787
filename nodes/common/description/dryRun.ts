import type { INodeProperties } from 'n8n-workflow';

/** The operations that change data: the only ones Dry Run means something on. */
export const WRITE_OPERATIONS = ['create', 'update', 'upsert', 'delete', 'merge'];

/**
 * Options › Dry Run, read by common/sending/dryRun.ts: every row is read, checked and built
 * as in a real run, and the node outputs what it would send instead of sending it.
 */
export const dryRunOption: INodeProperties = {
	displayName: 'Dry Run',
	name: 'dryRun',
	type: 'boolean',
	default: false,
	description:
		'Whether to send nothing that changes data: each row outputs the request a real run would send (method, path, body), or the error it would get. Create or Update still searches, to say whether it would create or update.',
	// `/operation`: the node's Operation parameter, seen from inside the Options collection.
	displayOptions: { show: { '/operation': WRITE_OPERATIONS } },
};
