import { retryPolicy } from '../../nodes/common/sending/send';
import { SKODE_KEY, runSkode, startSkode, type SkodeServer } from '../support/skode.cts';

let server: SkodeServer;
beforeAll(async () => {
	retryPolicy.firstBackoffMs = 10;
	server = await startSkode({ rateLimit: { limit: 0 } });
});
beforeEach(() => server.clear());
afterAll(async () => await server.stop());

const only = () => {
	expect(server.contacts.size).toBe(1);
	return [...server.contacts.values()][0];
};

describe('Create sends Skode’s documented fields and outputs the contact', () => {
	it('sends the exact request (the seed’s example, with a real phone number) and outputs Skode’s answer', async () => {
		const result = await runSkode(
			server,
			{
				operation: 'create',
				name: '={{ $json.name }}',
				email: '={{ $json.email }}',
				phone: '={{ $json.phone }}',
				additionalFields: {
					company: ' TechCorp ',
					title: 'VP of Engineering',
					address: { value: { street: '123 Innovation Drive', city: 'San Francisco', state: 'CA', zip: '94105', country: 'US' } },
					tags: 'enterprise; decision-maker, enterprise',
					customFields: {
						values: [
							{ key: 'linkedin', value: 'https://linkedin.com/in/sarahjohnson' },
							{ key: 'preferred_contact', value: 'email' },
							{ key: 'empty_cell', value: ' ' },
						],
					},
				},
			},
			[{ name: 'Sarah Johnson', email: 'sarah@techcorp.com', phone: '+1 (415) 555-0456' }],
		);
		expect(result.error).toBeUndefined();
		expect(server.requests.map((request) => [request.method, request.path, request.headers.authorization, request.headers['content-type']])).toEqual([
			['POST', '/v1/contacts', `Bearer ${SKODE_KEY}`, 'application/json'],
		]);
		expect(server.requests[0].body).toEqual({
			name: 'Sarah Johnson',
			email: 'sarah@techcorp.com',
			phone: '+14155550456',
			company: 'TechCorp',
			title: 'VP of Engineering',
			address: { street: '123 Innovation Drive', city: 'San Francisco', state: 'CA', zip: '94105', country: 'US' },
			tags: ['enterprise', 'decision-maker'],
			custom_fields: { linkedin: 'https://linkedin.com/in/sarahjohnson', preferred_contact: 'email' },
		});
		expect(result.items).toEqual([only()]);
	});

	it('sends only what the row has: an email alone, or a phone alone', async () => {
		await runSkode(server, { operation: 'create', name: '={{ $json.name }}', email: '={{ $json.email }}', phone: '={{ $json.phone }}' }, [
			{ name: 'Only Email', email: 'only@example.com', phone: '' },
			{ name: 'Only Phone', email: ' ', phone: '+44 20 7946 0958' },
		]);
		expect(server.requests.map((request) => request.body).sort((a, b) => a.name.localeCompare(b.name))).toEqual([
			{ name: 'Only Email', email: 'only@example.com' },
			{ name: 'Only Phone', phone: '+442079460958' },
		]);
	});

	it('takes custom fields as a JSON object from an expression, merged with pairs, and address parts from the row', async () => {
		await runSkode(
			server,
			{
				operation: 'create',
				name: 'Json',
				email: 'json@example.com',
				additionalFields: {
					customFields: { json: [{ object: '={{ $json.custom }}' }], values: [{ key: 'tier', value: 'platinum' }] },
					address: { value: { city: '={{ $json.city }}', zip: '={{ $json.zip }}', country: 'US' } },
				},
			},
			[{ custom: { score: 7, tier: 'gold' }, city: ' Boston ', zip: '' }],
		);
		expect(server.requests[0].body).toEqual({
			name: 'Json',
			email: 'json@example.com',
			custom_fields: { score: 7, tier: 'platinum' },
			address: { city: 'Boston', country: 'US' },
		});
	});
});

describe('The phone is read as people write it and sent as one number in E.164', () => {
	it.each([
		['a national number with Default Country', '06 12 34 56 78', { options: { defaultCountry: 'FR' } }, '+33612345678'],
		['a national number with the address’s country', '(416) 555-0100', { additionalFields: { address: { value: { country: 'Canada' } } } }, '+14165550100'],
		['a numeric spreadsheet cell', 33612345678, {}, '+33612345678'],
		['00 as the international prefix', '0044 20 7946 0958', {}, '+442079460958'],
		['the same number written twice', '+33 6 12 34 56 78; 06 12 34 56 78', { options: { defaultCountry: 'FR' } }, '+33612345678'],
	])('%s', async (_, phone, extra, expected) => {
		const result = await runSkode(server, { operation: 'create', name: 'P', phone: '={{ $json.phone }}', ...extra }, [{ phone }]);
		expect(result.error).toBeUndefined();
		expect(server.requests[0].body.phone).toBe(expected);
	});
});

describe('Bad input fails its row before anything is sent, naming the field and the value', () => {
	it.each([
		[
			'the seed’s own example phone, +1-555-0456 (7 digits after +1)',
			{ name: 'Sarah Johnson', email: 'sarah@techcorp.com', phone: '+1-555-0456' },
			'[item 0 · Sarah Johnson · sarah@techcorp.com] Phone: "+1-555-0456" is not a valid international phone number. Check the digits after the country code, e.g. +33 6 12 34 56 78.',
		],
		[
			'several numbers in one cell (Skode keeps one phone per contact)',
			{ name: 'Two', phone: '06 12 34 56 78, 07 81 23 45 67', options: { defaultCountry: 'FR' } },
			'[item 0 · Two] Phone: "06 12 34 56 78, 07 81 23 45 67" holds 2 different phone numbers (+33612345678, +33781234567), but this field takes one. Keep one number in the cell; put the others in another field (such as Custom Fields) or another contact.',
		],
		[
			'a national number without any country',
			{ name: 'National', phone: '06 12 34 56 78' },
			'[item 0 · National] Phone: "06 12 34 56 78" has no country code. Write it in international format (e.g. +33 6 12 34 56 78) or set Options › Default Country for Phone Numbers.',
		],
		['an empty name', { name: ' ', email: 'a@example.com' }, '[item 0 · a@example.com] Name: is required but empty. Give a value for Name.'],
		['neither email nor phone', { name: 'Nobody', email: '', phone: ' ' }, '[item 0 · Nobody] Email or Phone: both are empty. Give Email or Phone: at least one is needed.'],
		['an email that is not one', { name: 'Bad', email: 'bad@', phone: '+33612345678' }, '[item 0 · Bad · bad@] Email: "bad@" is not an email address. Give an address such as jane@example.com.'],
		[
			'custom fields that are not a JSON object',
			{ name: 'Custom', email: 'c@example.com', additionalFields: { customFields: { json: [{ object: '{nope' }] } } },
			'[item 0 · Custom · c@example.com] Custom Fields: "{nope" is not a JSON object. Give an object such as {"industry": "SaaS"}.',
		],
	])('refuses %s', async (_, parameters, message) => {
		const result = await runSkode(server, { operation: 'create', ...parameters });
		expect(server.requests).toHaveLength(0);
		expect(result.error?.message).toBe(message);
	});

	it('the bad row fails alone with Continue On Fail: one output item per row, in order', async () => {
		const result = await runSkode(
			server,
			{ operation: 'create', name: '={{ $json.name }}', email: '={{ $json.email }}', phone: '={{ $json.phone }}' },
			[
				{ name: 'Good', email: 'good@example.com', phone: '' },
				{ name: 'Seed', email: '', phone: '+1-555-0456' },
				{ name: 'Also Good', email: '', phone: '+1 415 555 0199' },
			],
			{ continueOnFail: true },
		);
		expect(result.items?.map((item) => item.error ?? item.name)).toEqual([
			'Good',
			'[item 1 · Seed] Phone: "+1-555-0456" is not a valid international phone number. Check the digits after the country code, e.g. +33 6 12 34 56 78.',
			'Also Good',
		]);
		expect(result.raw?.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(server.requests).toHaveLength(2);
	});
});
