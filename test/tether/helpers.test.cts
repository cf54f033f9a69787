/** Tether's small named helpers, on their own: the Base URL, phone entries, the stage reader, the login answer, the duplicate refusal. */
import { NodeApiError } from 'n8n-workflow';

import { tetherApiUrl } from '../../nodes/Tether/instance';
import { loginOutcome } from '../../nodes/Tether/login';
import { tetherDuplicate } from '../../nodes/Tether/resources/contact/duplicates';
import { checkClearedStage, readStageOrClear, readTetherPhoneNumbers } from '../../nodes/Tether/resources/contact/fields';
import { tetherContact } from '../../nodes/Tether/resources/contact/lookup';
import { fieldErrorOf } from '../support/fieldError.cts';

describe('tetherApiUrl: the instance’s address, with or without a slash or /api, gives {instance}/api', () => {
	it.each([
		['https://acme.tether.example', 'https://acme.tether.example/api'],
		['https://acme.tether.example/', 'https://acme.tether.example/api'],
		['https://acme.tether.example/api', 'https://acme.tether.example/api'],
		['https://acme.tether.example/api/', 'https://acme.tether.example/api'],
		['  https://acme.tether.example/API  ', 'https://acme.tether.example/api'],
		['https://example.com/tether', 'https://example.com/tether/api'],
		['https://example.com/tether/api//', 'https://example.com/tether/api'],
		['http://127.0.0.1:4030', 'http://127.0.0.1:4030/api'],
		['https://acme.tether.example?x=1#y', 'https://acme.tether.example/api'],
	])('%s → %s', (baseUrl, api) => {
		expect(tetherApiUrl(baseUrl)).toBe(api);
	});

	it.each([
		['ftp://acme.example', '"ftp://acme.example" is not an http(s) address'],
		['acme.tether.example', '"acme.tether.example" is not a web address'],
		['https://', '"https://" is not a web address'],
		['', 'is empty'],
		[undefined, 'is empty'],
	])('refuses %j', (baseUrl, problem) => {
		expect(fieldErrorOf(() => tetherApiUrl(baseUrl)).problem).toBe(problem);
	});
});

describe('readTetherPhoneNumbers: {value, isPrimary} in E.164, exactly one primary', () => {
	const read = (value: unknown, defaultCountry?: string) => readTetherPhoneNumbers(value, { defaultCountry });

	it('the first number of a cell is primary; repeats are sent once', () => {
		expect(read('06 12 34 56 78; +33 7 81 23 45 67, 0612345678', 'FR')).toEqual([
			{ value: '+33612345678', isPrimary: true },
			{ value: '+33781234567', isPrimary: false },
		]);
	});

	it('entries keep their primary; a repeated entry keeps it too', () => {
		expect(read([{ value: '+12125550123' }, '+12125550124', { value: '+1 212 555 0124', isPrimary: 'yes' }])).toEqual([
			{ value: '+12125550123', isPrimary: false },
			{ value: '+12125550124', isPrimary: true },
		]);
	});

	it('blank is nothing; two primaries are refused, naming them', () => {
		expect(read('')).toBeUndefined();
		expect(read([])).toBeUndefined();
		expect(read(' , ')).toBeUndefined();
		const error = fieldErrorOf(() => read([{ value: '+12125550123', isPrimary: true }, { value: '+12125550124', isPrimary: true }]));
		expect(error.problem).toBe('2 numbers are marked primary (+12125550123, +12125550124)');
	});
});

describe('Update’s Pipeline Stage: an id, or clear', () => {
	it.each([
		['665f00000000000000000212', '665f00000000000000000212'],
		[' clear ', null],
		['CLEAR', null],
		[null, null],
		['', undefined],
		[undefined, undefined],
	])('%j → %j', (value, read) => {
		expect(readStageOrClear(value)).toBe(read);
	});

	it('a cleared stage with a Status is refused', () => {
		expect(() => checkClearedStage({ pipelineStage: null })).not.toThrow();
		expect(fieldErrorOf(() => checkClearedStage({ pipelineStage: null, status: 'New' })).problem).toBe('Status is "New" while Pipeline Stage is cleared');
	});
});

describe('loginOutcome: what an answer to POST /api/auth/login means', () => {
	const answer = (statusCode: number, body: unknown, headers: Record<string, unknown> = {}) => loginOutcome({ statusCode, body, headers }, ['s3cret-pass']);

	it('a token, or a refusal that trying again cannot fix, or one that it may', () => {
		expect(answer(200, { token: 'jwt', user: {} })).toEqual({ token: 'jwt' });
		expect(answer(200, { user: {} }).failure).toMatchObject({ permanent: true, reason: 'the answer holds no token' });
		expect(answer(401, { error: 'Invalid credentials', message: 'Invalid email or password' }).failure).toMatchObject({
			permanent: true,
			status: '401',
			reason: 'Invalid email or password',
		});
		expect(answer(400, { message: 'password s3cret-pass is too short' }).failure?.reason).toBe('password *** is too short');
		expect(answer(302, '').failure).toMatchObject({ permanent: true, reason: 'the login was redirected elsewhere' });
		expect(answer(404, '<html>').failure).toMatchObject({ permanent: true, reason: 'no Tether login at this address' });
		expect(answer(503, { message: 'Down' }).failure).toMatchObject({ permanent: false, status: '503', reason: 'Down' });
		expect(answer(429, {}, { 'retry-after': '7' }).failure).toMatchObject({ permanent: false, waitMs: 7000 });
	});
});

describe('tetherDuplicate: Tether refusing a number another contact has', () => {
	const node = { id: 'n', name: 'Tether', type: 't', typeVersion: 1, position: [0, 0] as [number, number], parameters: {} };
	const refusal = (httpCode: string, body: object) => new NodeApiError(node, body as never, { httpCode, message: 'refused' });

	it('409, or 400 saying duplicate: the number and the contact, from contactId or the message', () => {
		expect(tetherDuplicate(refusal('409', { error: 'Duplicate phone number', message: 'Phone number +14165550100 already exists for contact 66a0000000000000000000aa', contactId: '66a0000000000000000000aa' }))).toMatchObject({
			status: '409',
			number: '+14165550100',
			contactId: '66a0000000000000000000aa',
		});
		expect(tetherDuplicate(refusal('400', { error: 'Duplicate phone number', message: 'Phone number +14165550100 already exists for contact 66a0000000000000000000bb' }))).toMatchObject({
			number: '+14165550100',
			contactId: '66a0000000000000000000bb',
		});
		expect(tetherDuplicate(refusal('400', { error: 'Duplicate phone number', message: 'Phone number +14165550100 already exists' }))).toMatchObject({
			number: '+14165550100',
			contactId: undefined,
		});
	});

	it('other refusals are not duplicates', () => {
		expect(tetherDuplicate(refusal('400', { error: 'Validation error', message: 'status "x" is not a stage' }))).toBeUndefined();
		expect(tetherDuplicate(refusal('404', { message: 'Contact not found' }))).toBeUndefined();
		expect(tetherDuplicate(new Error('connection reset'))).toBeUndefined();
	});
});

describe('tetherContact: the contact inside Tether’s envelope', () => {
	it('data.contact when present, else the answer as it came', () => {
		expect(tetherContact({ success: true, message: 'Contact created successfully', data: { contact: { _id: 'a' }, message: 'x' } })).toEqual({ _id: 'a' });
		expect(tetherContact({ _id: 'b' })).toEqual({ _id: 'b' });
		expect(tetherContact({ success: true, data: [] })).toEqual({ success: true, data: [] });
	});
});
