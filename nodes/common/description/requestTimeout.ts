import type { INodeProperties } from 'n8n-workflow';

/**
 * Options › Request Timeout, read by common/sending/send.ts (30 s when the option is absent).
 * A deadline for the whole request, first byte to last: a server that answers a byte now
 * and then does not keep a row waiting longer.
 */
export const requestTimeoutOption: INodeProperties = {
	displayName: 'Request Timeout (Seconds)',
	name: 'requestTimeout',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 30,
	description:
		'How long one request may take, from sending to the last byte of the answer, before it is abandoned. A request that is safe to repeat (Get, Update, a search) is tried once more after a timeout; a create that times out is reported as possibly created.',
};
