import { readIsoDate } from '../../nodes/Skode/resources/contact/getAll';
import { normalizeSinglePhone } from '../../nodes/Skode/resources/contact/fields';
import { existingIdIn } from '../../nodes/common/operations/duplicate';
import { contactFrom } from '../../nodes/common/operations/single';
import { addressCountry, readAddress } from '../../nodes/Skode/resources/contact/address';
import { fieldErrorOf } from '../support/fieldError.cts';

describe('A single phone field takes one number, never drops one', () => {
	it.each([
		['+1 (415) 555-0456', {}, '+14155550456'],
		['06 12 34 56 78', { defaultCountry: 'FR' }, '+33612345678'],
		[14155550456, {}, '+14155550456'],
		[['+33612345678', '06 12 34 56 78'], { defaultCountry: 'FR' }, '+33612345678'],
		[' ', {}, undefined],
		[null, {}, undefined],
	])('%p -> %p', (input, options, expected) => {
		expect(normalizeSinglePhone(input, options)).toBe(expected);
	});

	it('several different numbers are refused, naming them', () => {
		const error = fieldErrorOf(() => normalizeSinglePhone('+33612345678\n+33781234567'));
		expect([error.problem, error.value]).toEqual([
			'"+33612345678\n+33781234567" holds 2 different phone numbers (+33612345678, +33781234567), but this field takes one',
			'+33612345678\n+33781234567',
		]);
	});

	it('the seed’s +1-555-0456 is not a number', () => {
		expect(fieldErrorOf(() => normalizeSinglePhone('+1-555-0456')).problem).toBe('"+1-555-0456" is not a valid international phone number');
	});
});

describe('Filter dates are sent in ISO 8601', () => {
	it.each([
		['2024-01-15', '2024-01-15'],
		['2024-01-15T09:30:00', '2024-01-15T09:30:00'],
		[' 2024-01-15 09:30 ', '2024-01-15T09:30'],
		['2024-01-15T09:30:00+01:00', '2024-01-15T09:30:00+01:00'],
		['January 15, 2024 09:30 UTC', '2024-01-15T09:30:00.000Z'],
		[new Date(Date.UTC(2024, 0, 15)), '2024-01-15T00:00:00.000Z'],
		[{ toISO: () => '2024-01-15T10:00:00.000+01:00' }, '2024-01-15T10:00:00.000+01:00'],
		['', undefined],
	])('%p -> %p', (input, expected) => {
		expect(readIsoDate(input)).toBe(expected);
	});

	it.each(['tomorrow', '15/13/2024', '2024-13-45', 12])('refuses %p', (input) => {
		expect(fieldErrorOf(() => readIsoDate(input)).fix).toBe('Pick a date, or give one in ISO 8601 such as 2024-01-15 or 2024-01-15T09:30:00Z.');
	});
});

describe('The 409’s existing contact id is read wherever Skode puts it', () => {
	it.each([
		[{ error: 'conflict', contact_id: 'contact_a' }, 'contact_a'],
		[{ error: 'conflict', id: 'contact_b' }, 'contact_b'],
		[{ existing_id: 'contact_c', id: 'req_1' }, 'contact_c'],
		[{ contactId: 42 }, '42'],
		[{ error: { code: 'conflict', contact_id: 'contact_d' } }, 'contact_d'],
		[{ data: { contact: { id: 'contact_e' } } }, 'contact_e'],
		[{ error: 'conflict', message: 'exists' }, undefined],
		['conflict', undefined],
	])('%j -> %p', (body, expected) => {
		expect(existingIdIn(body)).toBe(expected);
	});
});

describe('A single contact is read bare or under data / contact', () => {
	it.each([
		[{ id: 'c1', name: 'A' }, { id: 'c1', name: 'A' }],
		[{ data: { id: 'c1' } }, { id: 'c1' }],
		[{ contact: { id: 'c1' }, meta: {} }, { id: 'c1' }],
		[{ data: [{ id: 'c1' }] }, { data: [{ id: 'c1' }] }],
		[{ id: 'c1', data: { id: 'other' } }, { id: 'c1', data: { id: 'other' } }],
		['', ''],
	])('%j', (body, expected) => {
		expect(contactFrom(body)).toEqual(expected);
	});
});

describe('Skode’s address: the five parts, empty ones left out', () => {
	it.each([
		[{ value: { street: ' 1 Main St ', city: '', zip: 94105 } }, { street: '1 Main St', zip: '94105' }],
		[{ city: 'Boston', country: 'US' }, { city: 'Boston', country: 'US' }],
		['{"city": "Boston"}', { city: 'Boston' }],
		[{ value: { street: '', city: ' ' } }, undefined],
		[{}, undefined],
	])('%j', (value, expected) => {
		expect(readAddress(value)).toEqual(expected);
	});

	it('refuses a part Skode does not have, and text that is no address', () => {
		expect(fieldErrorOf(() => readAddress({ city: 'Paris', region: 'IDF' })).problem).toBe('"region" is not a part of an address');
		expect(fieldErrorOf(() => readAddress('Paris')).problem).toBe('"Paris" is not an address');
	});

	it('gives its country to phone reading, whatever else is wrong with it', () => {
		expect(addressCountry({ value: { country: 'France' } })).toBe('France');
		expect(addressCountry('nonsense')).toBeUndefined();
	});
});
