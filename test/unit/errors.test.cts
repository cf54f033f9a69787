import { type INode, NodeApiError, NodeOperationError } from 'n8n-workflow';

import {
	type ApiAnswer,
	type ErrorContext,
	apiError,
	describeApiError,
	errorCode,
	serverReason,
} from '../../nodes/common/sending/apiErrors';
import { redact } from '../../nodes/common/sending/redact';
import { inputError } from '../../nodes/common/input/inputError';
import { ContactFieldError, buildBody } from '../../nodes/common/input/fields';
import { FieldError } from '../../nodes/common/input/values';
import { klenAiProfile } from '../../nodes/KlenAi/profile';
import { skipcallContactFields } from '../../nodes/Skipcall/resources/contact/fields';
import { skipcallProfile } from '../../nodes/Skipcall/profile';

const node: INode = { name: 'Test', type: 'test', typeVersion: 1, position: [0, 0], parameters: {}, id: '1' };

const answer = (statusCode: number, body: unknown, headers: Record<string, unknown> = {}): ApiAnswer => ({
	statusCode,
	body,
	headers,
});

const context = (extra: Partial<ErrorContext> = {}): ErrorContext => ({ itemIndex: 0, ...extra });

const SKIPCALL_FIX_400 = 'Correct the value the server names, then run the node again.';
const RATE_LIMIT_FIX = 'Lower Options › Requests per Minute, or raise Options › Max Rate-Limit Wait.';

describe('serverReason gives the server\'s own words, whatever the body shape', () => {
	it('returns a string body as it is', () => {
		expect(serverReason('Bad Gateway')).toBe('Bad Gateway');
	});

	it('cuts a long string body to 500 characters', () => {
		expect(serverReason('x'.repeat(800))).toBe('x'.repeat(500));
	});

	it('reads { message }', () => {
		expect(serverReason({ message: 'Invalid API key' })).toBe('Invalid API key');
	});

	it('joins a message array with "; "', () => {
		expect(serverReason({ message: ['firstName should not be empty', 'phoneNumbers must be an array'] })).toBe(
			'firstName should not be empty; phoneNumbers must be an array',
		);
	});

	it('writes non-text entries of a message array as JSON', () => {
		expect(serverReason({ message: ['bad', { field: 'email' }] })).toBe('bad; {"field":"email"}');
	});

	it('prefers the message over the error code when both are given', () => {
		expect(serverReason({ error: 'team_not_found', message: 'Team not found' })).toBe('Team not found');
	});

	it('reads { detail }', () => {
		expect(serverReason({ detail: 'Not authenticated' })).toBe('Not authenticated');
	});

	it('reads { error_description }', () => {
		expect(serverReason({ error: 'invalid_grant', error_description: 'Token expired' })).toBe('Token expired');
	});

	it('reads { errors } given as an object', () => {
		expect(serverReason({ errors: { email: 'invalid' } })).toBe('{"email":"invalid"}');
	});

	it('falls back to { error } when nothing else is given', () => {
		expect(serverReason({ error: 'Something broke' })).toBe('Something broke');
	});

	it('writes an unknown object as JSON', () => {
		expect(serverReason({ status: 'failed', code: 17 })).toBe('{"status":"failed","code":17}');
	});

	it('skips empty message fields', () => {
		expect(serverReason({ message: '', detail: null, error: 'oops' })).toBe('oops');
	});

	it.each([[undefined], [null], ['']])('returns undefined for an empty body (%p)', (body) => {
		expect(serverReason(body)).toBeUndefined();
	});

	it('writes a number or boolean body as text', () => {
		expect(serverReason(503)).toBe('503');
		expect(serverReason(false)).toBe('false');
	});
});

describe('errorCode reads a machine-readable code from error or code', () => {
	it.each([
		[{ error: 'team_not_found', message: 'Team not found' }, 'team_not_found'],
		[{ code: 'rate_limit_exceeded' }, 'rate_limit_exceeded'],
		[{ error: 'not_found', code: 'other' }, 'not_found'],
		[{ code: 'auth.invalid-key' }, 'auth.invalid-key'],
		[{ error: 'Unauthorized' }, 'Unauthorized'],
	])('errorCode(%p) -> %p', (body, expected) => {
		expect(errorCode(body)).toBe(expected);
	});

	it.each([
		[{ error: 'Bad Request' }],
		[{ message: 'no code here' }],
		[{ code: 404 }],
		['team_not_found'],
		[undefined],
		[null],
	])('errorCode(%p) -> undefined', (body) => {
		expect(errorCode(body)).toBeUndefined();
	});
});

describe('an API key never appears in a message', () => {
	it('redact replaces every occurrence of a secret', () => {
		expect(redact('key sk_live_abc, again sk_live_abc!', ['sk_live_abc'])).toBe('key ***, again ***!');
	});

	it('redact replaces each of several secrets', () => {
		expect(redact('user klen_123456 pass hunter22', ['klen_123456', 'hunter22'])).toBe('user *** pass ***');
	});

	it('redact ignores secrets shorter than 4 characters, and missing ones', () => {
		expect(redact('abc is the alphabet', ['abc', '', undefined])).toBe('abc is the alphabet');
	});

	it('redact replaces a secret of exactly 4 characters', () => {
		expect(redact('pin 1234 and 1234', ['1234'])).toBe('pin *** and ***');
	});

	it('redact leaves a text without the secret unchanged', () => {
		expect(redact('nothing secret here', ['sk_live_zzz'])).toBe('nothing secret here');
	});

	it('describeApiError replaces a secret inside the server message by ***', () => {
		const secret = 'sk_live_0123456789abcdef';
		const result = describeApiError(
			skipcallProfile,
			answer(401, { statusCode: 401, message: `Invalid API key ${secret}`, error: 'Unauthorized' }),
			context({ secrets: [secret] }),
		);
		expect(result.message).toMatch(/^\[item 0\] Skipcall API key invalid \(401\): Invalid API key \*\*\*\. Copy the API key again/);
		expect(result.message).not.toContain(secret);
		expect(result.description).not.toContain(secret);
	});

	it('describeApiError replaces a secret inside a 400 message array', () => {
		const secret = 'klen_supersecret';
		const result = describeApiError(
			klenAiProfile,
			answer(400, { message: [`key ${secret} is malformed`, `retry with ${secret}`] }),
			context({ secrets: [secret] }),
		);
		expect(result.message).toBe('[item 0] Klen AI rejected the request (400): key *** is malformed; retry with ***');
	});

	it('apiError carries the redacted message', () => {
		const secret = 'sk_test_abcdefgh';
		const error = apiError(node, skipcallProfile, answer(500, `boom for ${secret}`), context({ secrets: [secret] }));
		expect(error.message).toBe('[item 0] Skipcall server error (500): boom for ***');
	});
});

describe('error messages name the item, say what happened and how to fix it', () => {
	it('400 without a known code: the server\'s reasons and a general fix', () => {
		const result = describeApiError(
			skipcallProfile,
			answer(400, {
				statusCode: 400,
				message: ['firstName must be shorter than or equal to 100 characters', 'email must be an email'],
				error: 'Bad Request',
			}),
			context({ itemIndex: 3 }),
		);
		expect(result).toEqual({
			message:
				'[item 3] Skipcall rejected the request (400): firstName must be shorter than or equal to 100 characters; email must be an email',
			description: SKIPCALL_FIX_400,
		});
	});

	it('400 with a provider code: the code\'s hint goes into the message and the description', () => {
		const result = describeApiError(
			klenAiProfile,
			answer(400, { error: 'validation_error', message: 'Validation error: invalid email' }),
			context({ itemIndex: 1, operation: 'create' }),
		);
		expect(result).toEqual({
			message: '[item 1] Klen AI rejected the request (400): Validation error: invalid email. Correct the field Klen AI names.',
			description: 'Correct the field Klen AI names.',
		});
	});

	it('400 with an empty body: the status alone', () => {
		const result = describeApiError(skipcallProfile, answer(400, ''), context());
		expect(result).toEqual({
			message: '[item 0] Skipcall rejected the request (400)',
			description: SKIPCALL_FIX_400,
		});
	});

	it('401: the key is invalid, fix it in the credential', () => {
		const result = describeApiError(
			skipcallProfile,
			answer(401, { statusCode: 401, message: 'Invalid API key', error: 'Unauthorized' }),
			context(),
		);
		expect(result).toEqual({
			message: '[item 0] Skipcall API key invalid (401): Invalid API key. Copy the API key again from Skipcall › Settings › API (it starts with sk_live_ or sk_test_).',
			description: 'Copy the API key again from Skipcall › Settings › API (it starts with sk_live_ or sk_test_).',
		});
	});

	it('401 with Klen\'s invalid_key code: the credential hint is the fix, in the message too', () => {
		const result = describeApiError(
			klenAiProfile,
			answer(401, { error: 'invalid_key', message: 'Invalid or inactive API key' }),
			context({ operation: 'get' }),
		);
		expect(result).toEqual({
			message:
				'[item 0] Klen AI API key invalid (401): Invalid or inactive API key. Copy the API key again from Klen AI: it must be an active key starting with klen_.',
			description: 'Copy the API key again from Klen AI: it must be an active key starting with klen_.',
		});
	});

	it('403 without a permissions map: plan or permission', () => {
		const result = describeApiError(
			skipcallProfile,
			answer(403, { statusCode: 403, message: 'Your plan does not include API access', error: 'Forbidden' }),
			context({ operation: 'update' }),
		);
		expect(result).toEqual({
			message: '[item 0] No access (plan or permission) at Skipcall (403): Your plan does not include API access',
			description:
				'Your Skipcall plan may not include API access, or the key lacks the permission this operation needs.',
		});
	});

	it('403 with Klen\'s permissions map and operation update names can_write_contacts', () => {
		const hint =
			'The API key lacks the can_write_contacts permission this operation needs: give the key that permission in Klen AI, or use a key that has it.';
		const result = describeApiError(
			klenAiProfile,
			answer(403, { error: 'forbidden', message: 'Insufficient permissions' }),
			context({ operation: 'update' }),
		);
		expect(result).toEqual({
			message: `[item 0] No access (plan or permission) at Klen AI (403): Insufficient permissions. ${hint}`,
			description: hint,
		});
	});

	it('403 with Klen\'s permissions map and operation create names can_read_contacts', () => {
		const result = describeApiError(
			klenAiProfile,
			answer(403, { error: 'forbidden', message: 'Insufficient permissions' }),
			context({ operation: 'create' }),
		);
		expect(result.description).toBe(
			'The API key lacks the can_read_contacts permission this operation needs: give the key that permission in Klen AI, or use a key that has it.',
		);
	});

	it('403 at Klen without an operation: the general plan-or-permission fix', () => {
		const result = describeApiError(klenAiProfile, answer(403, { message: 'Forbidden' }), context());
		expect(result).toEqual({
			message: '[item 0] No access (plan or permission) at Klen AI (403): Forbidden',
			description: 'Your Klen AI plan may not include API access, or the key lacks the permission this operation needs.',
		});
	});

	it('403 team_access_denied keeps the team hint, not the permission hint', () => {
		const teamHint = 'The API key’s user has no access to this team: check Team ID.';
		const result = describeApiError(
			klenAiProfile,
			answer(403, { error: 'team_access_denied', message: 'Access to team denied' }),
			context({ itemIndex: 2, operation: 'create' }),
		);
		expect(result).toEqual({
			message: `[item 2] No access (plan or permission) at Klen AI (403): Access to team denied. ${teamHint}`,
			description: teamHint,
		});
		expect(result.message).not.toContain('can_read_contacts');
	});

	it('404 with a contact ID: the contact was not found', () => {
		const result = describeApiError(
			skipcallProfile,
			answer(404, { statusCode: 404, message: 'Contact abc123 not found', error: 'Not Found' }),
			context({ contactId: 'abc123' }),
		);
		expect(result).toEqual({
			message: '[item 0] Contact abc123 not found at Skipcall (404)',
			description: 'Check the contact ID, and that the API key has access to the contact\'s workspace.',
		});
	});

	it('404 not_found with a contact ID at Klen: the contact was not found', () => {
		const result = describeApiError(
			klenAiProfile,
			answer(404, { error: 'not_found', message: 'Contact not found' }),
			context({ itemIndex: 5, contactId: '42', operation: 'get' }),
		);
		expect(result).toEqual({
			message: '[item 5] Contact 42 not found at Klen AI (404)',
			description: 'Check the contact ID, and that the API key has access to the contact\'s workspace.',
		});
	});

	it('404 team_not_found with a contact ID is not "contact not found"', () => {
		const result = describeApiError(
			klenAiProfile,
			answer(404, { error: 'team_not_found', message: 'Team not found' }),
			context({ contactId: '42', operation: 'update' }),
		);
		expect(result).toEqual({
			message: '[item 0] Klen AI rejected the request (404): Team not found. No team has this Team ID: check it in Klen AI.',
			description: 'No team has this Team ID: check it in Klen AI.',
		});
		expect(result.message).not.toContain('Contact 42 not found');
	});

	it('404 without a contact ID: the request was rejected', () => {
		const result = describeApiError(skipcallProfile, answer(404, { message: 'Cannot POST /v1/contact' }), context());
		expect(result).toEqual({
			message: '[item 0] Skipcall rejected the request (404): Cannot POST /v1/contact',
			description: SKIPCALL_FIX_400,
		});
	});

	it('429: rate limited, lower the rate or wait longer', () => {
		const result = describeApiError(
			klenAiProfile,
			answer(429, { error: 'rate_limit_exceeded', message: 'Rate limit exceeded: 60 requests per minute' }),
			context({ itemIndex: 7 }),
		);
		expect(result).toEqual({
			message: '[item 7] Rate limited by Klen AI (429): Rate limit exceeded: 60 requests per minute',
			description: RATE_LIMIT_FIX,
		});
	});

	it('500: server error, try again later', () => {
		const result = describeApiError(skipcallProfile, answer(500, 'Internal Server Error'), context({ itemIndex: 4 }));
		expect(result).toEqual({
			message: '[item 4] Skipcall server error (500): Internal Server Error',
			description: 'Skipcall could not handle the request. Try again later; if it persists, contact Skipcall support.',
		});
	});

	it('503 with no body: server error with the status alone', () => {
		const result = describeApiError(klenAiProfile, answer(503, undefined), context());
		expect(result).toEqual({
			message: '[item 0] Klen AI server error (503)',
			description: 'Klen AI could not handle the request. Try again later; if it persists, contact Klen AI support.',
		});
	});
});

describe('apiError wraps the description in a NodeApiError', () => {
	it('keeps the message, the description and the HTTP code', () => {
		const error = apiError(
			node,
			klenAiProfile,
			answer(404, { error: 'not_found', message: 'Contact not found' }),
			context({ itemIndex: 1, contactId: '9' }),
		);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('[item 1] Contact 9 not found at Klen AI (404)');
		expect(error.description).toBe('Check the contact ID, and that the API key has access to the contact\'s workspace.');
		expect(error.httpCode).toBe('404');
	});

	it('accepts a text body', () => {
		const error = apiError(node, skipcallProfile, answer(502, 'Bad Gateway'), context());
		expect(error.message).toBe('[item 0] Skipcall server error (502): Bad Gateway');
		expect(error.httpCode).toBe('502');
	});
});

describe('input errors name the item, the field and the value, and say how to fix it', () => {
	it('a ContactFieldError names the item, the field, the value and the fix', () => {
		let caught: unknown;
		try {
			buildBody(skipcallContactFields, { firstName: '  ', lastName: 'Doe', phoneNumbers: '+33612345678' }, 'create', {});
		} catch (error) {
			caught = error;
		}
		expect(caught).toBeInstanceOf(ContactFieldError);
		const error = inputError(node, 4, caught);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe(
			'[item 4] First Name: is required but empty. Give a value for First Name (1–100 characters).',
		);
		// The fix is in the message (Continue On Fail keeps only the message); the description
		// says what the message does not, not the fix again.
		expect((error as NodeOperationError).description).toBe(
			'Found by the node before sending: nothing was sent for this row. Parameter: firstName.',
		);
	});

	it('a ContactFieldError built by hand', () => {
		const field = skipcallContactFields.find((entry) => entry.name === 'email')!;
		const fieldError = new FieldError('"jane" is not an email address', 'Give an address such as jane@example.com.', 'jane');
		const error = inputError(node, 0, new ContactFieldError(field, fieldError));
		expect(error.message).toBe(
			'[item 0] Email: "jane" is not an email address. Give an address such as jane@example.com.',
		);
		expect((error as NodeOperationError).description).toBe(
			'Found by the node before sending: nothing was sent for this row. Parameter: email.',
		);
	});

	it('a FieldError with a field name puts the name first', () => {
		const error = inputError(
			node,
			1,
			new FieldError('"abc" is not a whole number', 'Give digits only, such as 12.', 'abc'),
			'Team ID',
		);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('[item 1] Team ID: "abc" is not a whole number. Give digits only, such as 12.');
		expect((error as NodeOperationError).description).toBe('Found by the node before sending: nothing was sent for this row.');
	});

	it('a FieldError without a field name', () => {
		const error = inputError(node, 2, new FieldError('"XX" is not a country code', 'Use FR or US.'));
		expect(error.message).toBe('[item 2] "XX" is not a country code. Use FR or US.');
	});

	it('another Error leaves the node as a NodeOperationError with its message', () => {
		const error = inputError(node, 0, new Error('something else'));
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('something else');
	});

	it('an n8n error is returned as it is', () => {
		const original = new NodeOperationError(node, 'already an n8n error');
		expect(inputError(node, 0, original)).toBe(original);
	});

	it('a thrown non-Error becomes a NodeOperationError with its text', () => {
		const error = inputError(node, 0, 'plain text');
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('plain text');
	});
});

describe('regressions: a key is hidden even where the message is cut or the body kept', () => {
	const key = 'sk_live_0123456789abcdefXYZ';

	it('a key straddling the 500-character cut of a long server message is still hidden', () => {
		const { message } = describeApiError(skipcallProfile, answer(400, { message: `${'a'.repeat(480)} ${key} end` }), context({ secrets: [key] }));
		expect(message).not.toContain('sk_live_0123456789');
		expect(message).toContain('***');
	});

	it('a key with quotes or backslashes is hidden in a body shown as JSON', () => {
		const odd = 'abc"def\\ghij';
		const { message } = describeApiError(skipcallProfile, answer(400, { errors: { key: odd } }), context({ secrets: [odd] }));
		expect(message).not.toContain('def');
	});

	it('the body n8n keeps inside the error is redacted too', () => {
		const error = apiError(node, skipcallProfile, answer(401, { message: `bad key ${key}` }), { itemIndex: 0, secrets: [key] });
		expect(JSON.stringify({ messages: error.messages, errorResponse: error.errorResponse, message: error.message })).not.toContain(key);
	});
});
