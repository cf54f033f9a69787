import { retryPolicy } from '../../nodes/common/sending/send';
import { KLEN_KEY, runKlen, startKlen, type KlenServer } from '../support/klen.cts';

let server: KlenServer;
beforeAll(async () => {
	retryPolicy.firstBackoffMs = 10;
	server = await startKlen();
});
beforeEach(() => server.reset());
afterAll(async () => await server.stop());

describe('Create sends every documented field in Klen’s names and returns the contact', () => {
	it('sends the exact request and outputs Klen’s answer', async () => {
		const result = await runKlen(
			server,
			{
				operation: 'create',
				firstName: '={{ $json.first }}',
				additionalFields: {
					lastName: 'Doe',
					email: 'jane@example.com',
					company: 'Acme',
					website: 'acme.com',
					address: '1 Main St',
					city: 'Toronto',
					state: 'ON',
					zipCode: 'M5V 2T6',
					country: 'CA',
					status: 'not_contacted',
					stage: 'lead',
					teamId: '={{ $json.team }}',
					tags: 'vip, newsletter ,vip',
					phoneNumbers: {
						number: [
							{ phoneNumber: '={{ $json.phones }}', phoneType: 'work', primary: false, doNotCall: false },
							{ phoneNumber: '(416) 555-0199', phoneType: 'mobile', primary: true, doNotCall: 'yes' },
						],
					},
					customContext: { values: [{ key: 'source', value: 'sheet' }], json: [{ object: '{"score": 7}' }] },
					industryContext: { json: [{ object: { industry: 'SaaS' } }] },
				},
			},
			[{ first: 'Jane', team: '1', phones: '416-555-0100; +1 416 555 0101' }],
		);
		expect(result.error).toBeUndefined();
		expect(server.requests).toHaveLength(1);
		const [request] = server.requests;
		expect([request.method, request.path, request.headers.authorization]).toEqual(['POST', '/api/v1/contacts/create', `Bearer ${KLEN_KEY}`]);
		expect(request.body).toEqual({
			first_name: 'Jane',
			last_name: 'Doe',
			email: 'jane@example.com',
			company: 'Acme',
			website: 'https://acme.com',
			address: '1 Main St',
			city: 'Toronto',
			state: 'ON',
			zip_code: 'M5V 2T6',
			country: 'CA',
			status: 'not_contacted',
			stage: 'lead',
			team_id: 1,
			tags: ['vip', 'newsletter'],
			phone_numbers: [
				{ phone_number: '+14165550100', phone_type: 'work', primary: false, do_not_call: false },
				{ phone_number: '+14165550101', phone_type: 'work', primary: false, do_not_call: false },
				{ phone_number: '+14165550199', phone_type: 'mobile', primary: true, do_not_call: true },
			],
			custom_context: { score: 7, source: 'sheet' },
			industry_context: { industry: 'SaaS' },
		});
		expect(result.items).toEqual([server.contacts.get(1001)]);
	});

	it('makes the first number primary when none is flagged, and takes a plain comma-separated cell', async () => {
		await runKlen(
			server,
			{
				operation: 'create',
				firstName: 'Bob',
				additionalFields: { phoneNumbers: { number: [{ phoneNumber: '06 12 34 56 78, 07 81 23 45 67', phoneType: 'mobile' }] } },
				options: { defaultCountry: 'FR' },
			},
		);
		expect(server.requests[0].body).toEqual({
			first_name: 'Bob',
			phone_numbers: [
				{ phone_number: '+33612345678', phone_type: 'mobile', primary: true, do_not_call: false },
				{ phone_number: '+33781234567', phone_type: 'mobile', primary: false, do_not_call: false },
			],
		});
	});

	it('uses the contact’s country to read national numbers when no default country is set', async () => {
		await runKlen(server, {
			operation: 'create',
			firstName: 'Eva',
			additionalFields: { country: 'Germany', phoneNumbers: { number: [{ phoneNumber: '030 12345678' }] } },
		});
		expect(server.requests[0].body.phone_numbers).toEqual([{ phone_number: '+493012345678', phone_type: 'mobile', primary: true, do_not_call: false }]);
	});
});

describe('Bad input never reaches Klen', () => {
	it.each([
		['an empty first name', { firstName: ' ' }, '[item 0] First Name: is required but empty. Give a value for First Name.'],
		['a team id that is not a whole number', { firstName: 'A', additionalFields: { teamId: '12a' } }, '[item 0 · A] Team ID: "12a" is not a whole number. Give digits only, such as 12.'],
		[
			'two primary numbers',
			{ firstName: 'A', additionalFields: { phoneNumbers: { number: [{ phoneNumber: '+33612345678', primary: true }, { phoneNumber: '+33612345679', primary: true }] } } },
			'[item 0 · A] Phone Numbers: 2 numbers are marked primary (+33612345678, +33612345679). Mark at most one number as Primary.',
		],
		['invalid custom context JSON', { firstName: 'A', additionalFields: { customContext: { json: [{ object: '{nope' }] } } }, '[item 0 · A] Custom Context: "{nope" is not a JSON object. Give an object such as {"industry": "SaaS"}.'],
	])('refuses %s', async (_, parameters, message) => {
		const result = await runKlen(server, { operation: 'create', ...parameters });
		expect(server.requests).toHaveLength(0);
		expect(result.error?.message).toBe(message);
	});
});
