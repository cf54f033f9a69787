import { retryPolicy } from '../../nodes/common/sending/send';
import { VALID_KEY, runSkipcall, startSkipcall, type SkipcallServer } from '../support/skipcall.cts';

let server: SkipcallServer;
beforeAll(async () => {
	retryPolicy.firstBackoffMs = 10;
	server = await startSkipcall();
});
beforeEach(() => server.reset());
afterAll(async () => await server.stop());

const contactBase = {
	firstName: '={{ $json.first }}',
	lastName: '={{ $json.last }}',
	phoneNumbers: '={{ $json.phone }}',
};

describe('Create sends every documented field, normalised, and returns the created contact', () => {
	it('sends the exact request and outputs Skipcall’s answer', async () => {
		const result = await runSkipcall(
			server,
			{
				operation: 'create',
				...contactBase,
				additionalFields: {
					email: ' john.doe@example.com ',
					company: 'Acme Inc.',
					city: 'Paris',
					country: 'France',
					url: 'www.example.com',
					linkedinUrl: 'https://linkedin.com/in/johndoe',
					linkedinSalesUrl: 'https://linkedin.com/sales/people/johndoe',
					role: 'CTO',
					allowPhoneCalls: '={{ $json.calls }}',
					customFields: { field: [{ key: 'industry', value: 'Technology' }, { key: 'team_size', value: '50-100' }] },
				},
			},
			[{ first: ' John ', last: 'Doe', phone: '06 12 34 56 78; +33 6 98 76 54 32', calls: 'no' }],
		);
		expect(result.error).toBeUndefined();
		expect(server.requests).toHaveLength(1);
		const [request] = server.requests;
		expect(request.method).toBe('POST');
		expect(request.path).toBe('/v1/contacts');
		expect(request.headers.authorization).toBe(`Bearer ${VALID_KEY}`);
		expect(request.headers['content-type']).toMatch(/^application\/json/);
		expect(request.body).toEqual({
			firstName: 'John',
			lastName: 'Doe',
			phoneNumbers: ['+33612345678', '+33698765432'],
			email: 'john.doe@example.com',
			company: 'Acme Inc.',
			city: 'Paris',
			country: 'France',
			url: 'https://www.example.com',
			linkedinUrl: 'https://linkedin.com/in/johndoe',
			linkedinSalesUrl: 'https://linkedin.com/sales/people/johndoe',
			role: 'CTO',
			allowPhoneCalls: false,
			customFields: { industry: 'Technology', team_size: '50-100' },
		});
		const [stored] = [...server.contacts.values()];
		expect(result.items).toEqual([stored]);
		expect(result.items?.[0]).toMatchObject({ customFields: { Industry: 'Technology', Size: '50-100' }, callCount: 0 });
	});

	it('leaves empty optional values out instead of sending ""', async () => {
		await runSkipcall(
			server,
			{ operation: 'create', ...contactBase, additionalFields: { email: '={{ $json.email }}', company: '', city: '  ' } },
			[{ first: 'Ann', last: 'Lee', phone: '+44 20 7946 0958', email: '' }],
		);
		expect(server.requests[0].body).toEqual({ firstName: 'Ann', lastName: 'Lee', phoneNumbers: ['+442079460958'] });
	});

	it('reads phone numbers with the default country, then the contact’s country', async () => {
		const result = await runSkipcall(
			server,
			{
				operation: 'create',
				...contactBase,
				additionalFields: { country: '={{ $json.country }}' },
				options: { defaultCountry: 'US' },
			},
			[
				{ first: 'A', last: 'One', phone: '(212) 555-0123', country: 'United States' },
				{ first: 'B', last: 'Two', phone: '06 12 34 56 78', country: 'FR' },
				{ first: 'C', last: 'Three', phone: 33612345678, country: '' },
			],
		);
		expect(result.error).toBeUndefined();
		expect(server.requests.map((request: { body: { phoneNumbers: string[] } }) => request.body.phoneNumbers).sort()).toEqual(
			[['+12125550123'], ['+33612345678'], ['+33612345678']].sort(),
		);
		expect(result.items).toHaveLength(3);
	});

	it('keeps the output in input order, one item per row', async () => {
		const rows = Array.from({ length: 12 }, (_, index) => ({ first: `P${index}`, last: 'Row', phone: `+3361234560${index % 10}` }));
		const result = await runSkipcall(server, { operation: 'create', ...contactBase }, rows);
		expect(result.items?.map((item) => item.firstName)).toEqual(rows.map((row) => row.first));
		expect(result.raw?.map((item) => item.pairedItem)).toEqual(rows.map((_, index) => ({ item: index })));
	});
});

describe('Bad input never reaches the server', () => {
	it.each([
		['an invalid phone', { first: 'A', last: 'B', phone: '12' }, /^\[item 0 · A B\] Phone Numbers: "12" is not a valid international|^\[item 0 · A B\] Phone Numbers: "12" has no country code/],
		['a missing first name', { first: '  ', last: 'B', phone: '+33612345678' }, /^\[item 0 · B\] First Name: is required but empty/],
		['a first name over 100 characters', { first: 'x'.repeat(101), last: 'B', phone: '+33612345678' }, /First Name: "x+\.\.\." is 101 characters long, more than the 100 allowed/],
		['more than 20 numbers', { first: 'A', last: 'B', phone: Array.from({ length: 21 }, (_, i) => `+336123456${String(i).padStart(2, '0')}`) }, /Phone Numbers: 21 different numbers given, more than the 20 allowed/],
	])('refuses %s before sending', async (_, row, message) => {
		const result = await runSkipcall(server, { operation: 'create', ...contactBase }, [row]);
		expect(server.requests).toHaveLength(0);
		expect(result.error?.message).toMatch(message);
	});

	it('refuses a company over 200 characters, an invalid email and an unreadable boolean, naming the value', async () => {
		const result = await runSkipcall(
			server,
			{
				operation: 'create',
				...contactBase,
				additionalFields: { company: '={{ $json.company }}', email: '={{ $json.email }}', allowPhoneCalls: '={{ $json.calls }}' },
			},
			[
				{ first: 'A', last: 'B', phone: '+33612345678', company: 'c'.repeat(201), email: 'a@b.co', calls: true },
				{ first: 'A', last: 'B', phone: '+33612345678', company: 'Acme', email: 'not-an-email', calls: true },
				{ first: 'A', last: 'B', phone: '+33612345678', company: 'Acme', email: 'a@b.co', calls: 'maybe' },
			],
			{ continueOnFail: true },
		);
		expect(server.requests).toHaveLength(0);
		expect(result.items).toEqual([
			{ error: expect.stringMatching(/^\[item 0 · A B · a@b\.co\] Company: "c+\.\.\." is 201 characters long, more than the 200 allowed\. Shorten it/) },
			{ error: '[item 1 · A B · not-an-email] Email: "not-an-email" is not an email address. Give an address such as jane@example.com.' },
			{ error: '[item 2 · A B · a@b.co] Allow Phone Calls: "maybe" is not true or false. Use true/false, yes/no, 1/0 or on/off.' },
		]);
	});
});

describe('Continue On Fail: every input item gives exactly one output item, in order', () => {
	it('mixes created contacts, input errors and API errors', async () => {
		server.inject((request: { body?: { firstName?: string } }) => request.body?.firstName === 'Server', {
			status: 400,
			body: { statusCode: 400, message: ['Unknown custom field: vip'], error: 'Bad Request' },
		});
		const result = await runSkipcall(
			server,
			{ operation: 'create', ...contactBase },
			[
				{ first: 'Good', last: 'One', phone: '+33612345678' },
				{ first: 'Bad', last: 'Phone', phone: 'call me' },
				{ first: 'Server', last: 'Refuses', phone: '+33612345679' },
				{ first: 'Good', last: 'Two', phone: '0612345670' },
			],
			{ continueOnFail: true },
		);
		expect(result.items).toHaveLength(4);
		expect(result.items?.[0]).toMatchObject({ firstName: 'Good', lastName: 'One' });
		expect(result.items?.[1]).toEqual({ error: expect.stringMatching(/^\[item 1 · Bad Phone\] Phone Numbers: "call me"/) });
		expect(result.items?.[2]).toEqual({
			error: '[item 2 · Server Refuses] Skipcall rejected the request (400): Unknown custom field: vip',
		});
		expect(result.items?.[3]).toEqual({ error: expect.stringMatching(/^\[item 3 · Good Two\] Phone Numbers: "0612345670" has no country code/) });
		expect(result.raw?.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
	});

	it('without Continue On Fail, stops on the first failing item and names it', async () => {
		const result = await runSkipcall(server, { operation: 'create', ...contactBase }, [
			{ first: 'Good', last: 'One', phone: '+33612345678' },
			{ first: 'Bad', last: 'Phone', phone: '+33 6' },
		]);
		expect(result.items).toBeUndefined();
		expect(result.error?.message).toBe('[item 1 · Bad Phone] Phone Numbers: "+33 6" is not a valid international phone number. Check the digits after the country code, e.g. +33 6 12 34 56 78.');
	});
});
