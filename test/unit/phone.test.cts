import {
	normalizePhoneNumber,
	normalizePhoneNumbers,
	readDefaultCountry,
	resolveCountryCode,
	splitPhoneInput,
	type PhoneInput,
	type PhoneOptions,
} from '../../nodes/common/input/phone';
import { FieldError } from '../../nodes/common/input/values';
import { fieldErrorOf } from '../support/fieldError.cts';


describe('reads national formats with a default country', () => {
	it.each([
		['FR', '06 12 34 56 78', '+33612345678'],
		['FR', '06.12.34.56.78', '+33612345678'],
		['FR', '06-12-34-56-78', '+33612345678'],
		['FR', '0612345678', '+33612345678'],
		['FR', '01 23 45 67 89', '+33123456789'],
		['US', '(212) 555-0123', '+12125550123'],
		['US', '212-555-0123', '+12125550123'],
		['US', '212.555.0123', '+12125550123'],
		['US', '(416) 555-0100', '+14165550100'],
		['US', '1 212 555 0123', '+12125550123'],
		['GB', '020 7946 0958', '+442079460958'],
		['GB', '07911 123456', '+447911123456'],
		['GB', '07400 123456', '+447400123456'],
		['DE', '030 12345678', '+493012345678'],
		['DE', '0151 23456789', '+4915123456789'],
		['fr', '06 12 34 56 78', '+33612345678'],
	])('%s: %p -> %s', (defaultCountry, raw, expected) => {
		expect(normalizePhoneNumbers(raw, { defaultCountry })).toEqual([expected]);
	});
});

describe('reads international prefixes (+ and 00)', () => {
	it.each([
		['+33 6 12 34 56 78', '+33612345678'],
		['0033612345678', '+33612345678'],
		['0033 6 12 34 56 78', '+33612345678'],
		['+33 (0)6 12 34 56 78', '+33612345678'],
		['0033 (0)6 12 34 56 78', '+33612345678'],
		['+1 212 555 0123', '+12125550123'],
		['001 212 555 0123', '+12125550123'],
		['+44 20 7946 0958', '+442079460958'],
		['+49 30 12345678', '+493012345678'],
		['+33\u00a06\u00a012 34 56 78', '+33612345678'],
	])('%p -> %s without any country', (raw, expected) => {
		expect(normalizePhoneNumbers(raw)).toEqual([expected]);
	});

	it.each([
		['FR', '+44 20 7946 0958', '+442079460958'],
		['US', '0033 6 12 34 56 78', '+33612345678'],
		['GB', '+1 (212) 555-0123', '+12125550123'],
	])('the default country %s does not override an explicit prefix: %p -> %s', (defaultCountry, raw, expected) => {
		expect(normalizePhoneNumbers(raw, { defaultCountry })).toEqual([expected]);
	});
});

describe('reads numeric spreadsheet cells', () => {
	it.each([
		[33612345678, undefined, '+33612345678'],
		[33612345678, 'FR', '+33612345678'],
		[33612345678, 'US', '+33612345678'],
		[612345678, 'FR', '+33612345678'],
		[12125550123, undefined, '+12125550123'],
		[12125550123, 'FR', '+12125550123'],
		[442079460958, 'GB', '+442079460958'],
	])('%p with default country %p -> %s', (cell, defaultCountry, expected) => {
		expect(normalizePhoneNumbers(cell, { defaultCountry })).toEqual([expected]);
	});

	it.each([
		["'+33612345678", '+33612345678'],
		["'0612345678", '+33612345678'],
		[" ' +33 6 12 34 56 78 ", '+33612345678'],
	])('drops the leading apostrophe of a text cell: %p -> %s', (raw, expected) => {
		expect(normalizePhoneNumbers(raw, { defaultCountry: 'FR' })).toEqual([expected]);
	});

	it.each([0, -5, 6.5, Number.NaN])('refuses the numeric cell %p', (cell) => {
		const error = fieldErrorOf(() => normalizePhoneNumbers(cell, { defaultCountry: 'FR' }));
		expect(error.message).toBe(`${cell} is not a phone number`);
		expect(error.value).toBe(cell);
	});
});

describe('splits several numbers in one cell', () => {
	it.each([
		['comma', '06 12 34 56 78, 06 98 76 54 32'],
		['semicolon', '06 12 34 56 78; 06 98 76 54 32'],
		['new line', '06 12 34 56 78\n06 98 76 54 32'],
		['Windows new line', '06 12 34 56 78\r\n06 98 76 54 32'],
		['mixed separators and blanks', ' 06 12 34 56 78 ,;\n ; 06 98 76 54 32 ,'],
	])('%s', (_separator, cell) => {
		expect(normalizePhoneNumbers(cell, { defaultCountry: 'FR' })).toEqual(['+33612345678', '+33698765432']);
	});

	it('reads an array built by an expression, with numbers and null entries', () => {
		const input: PhoneInput = ['+33612345678', null, 33698765432, undefined, '06 11 22 33 44'];
		expect(normalizePhoneNumbers(input, { defaultCountry: 'FR' })).toEqual([
			'+33612345678',
			'+33698765432',
			'+33611223344',
		]);
	});

	it('splits cells inside an array as well', () => {
		expect(normalizePhoneNumbers(['+33612345678, +442079460958', '+12125550123'])).toEqual([
			'+33612345678',
			'+442079460958',
			'+12125550123',
		]);
	});

	it.each([
		[null, []],
		[undefined, []],
		['', []],
		['  ', []],
		[',;\n', []],
		[[], []],
		[[null, undefined, ' '], []],
		["'+33612345678 , ;; \n 06", ['+33612345678', '06']],
		[[1, 'a,b', null], ['1', 'a', 'b']],
		[33612345678, ['33612345678']],
	] as Array<[PhoneInput, string[]]>)('splitPhoneInput(%p) -> %p', (input, expected) => {
		expect(splitPhoneInput(input)).toEqual(expected);
	});

	it.each([[{ a: 1 }], [true]])('refuses a non-text entry %p in an array', (entry) => {
		const error = fieldErrorOf(() => splitPhoneInput([entry] as unknown as PhoneInput));
		expect(error.message).toBe(`${JSON.stringify(entry)} is not a phone number`);
		expect(error.value).toEqual(entry);
	});
});

describe("uses the contact's country when no default country is set", () => {
	it.each([
		['France', '06 12 34 56 78', '+33612345678'],
		['fr', '06 12 34 56 78', '+33612345678'],
		['FR', '06 12 34 56 78', '+33612345678'],
		['Allemagne', '030 12345678', '+493012345678'],
		['Deutschland', '0151 23456789', '+4915123456789'],
		['United Kingdom', '020 7946 0958', '+442079460958'],
		['Royaume-Uni', '020 7946 0958', '+442079460958'],
		['USA', '(212) 555-0123', '+12125550123'],
		['États-Unis', '(212) 555-0123', '+12125550123'],
	])('contact country %p: %p -> %s', (contactCountry, raw, expected) => {
		expect(normalizePhoneNumbers(raw, { contactCountry })).toEqual([expected]);
	});

	it('keeps the default country first when both could read the number', () => {
		expect(normalizePhoneNumbers('(212) 555-0123', { defaultCountry: 'US', contactCountry: 'France' })).toEqual([
			'+12125550123',
		]);
	});

	it('falls back to the contact country when the default country cannot read the number', () => {
		expect(normalizePhoneNumbers('06 12 34 56 78', { defaultCountry: 'US', contactCountry: 'France' })).toEqual([
			'+33612345678',
		]);
	});

	it('names both countries when neither can read the number', () => {
		const error = fieldErrorOf(() => normalizePhoneNumbers('123', { defaultCountry: 'US', contactCountry: 'France' }));
		expect(error.message).toBe('"123" is not a valid phone number for United States (US) or France (FR)');
	});

	it.each([['Narnia'], [42], [null], ['']])('ignores an unknown contact country %p', (contactCountry) => {
		const error = fieldErrorOf(() => normalizePhoneNumbers('06 12 34 56 78', { contactCountry }));
		expect(error.message).toBe('"06 12 34 56 78" has no country code');
		expect(error.fix).toContain('Default Country');
	});
});

describe('resolves country codes and names', () => {
	it.each([
		['Deutschland', 'DE'],
		['Allemagne', 'DE'],
		['Germany', 'DE'],
		['Alemania', 'DE'],
		['Spagna', 'ES'],
		['Pays-Bas', 'NL'],
		['Holland', 'NL'],
		['England', 'GB'],
		['Vereinigte Staaten', 'US'],
		['fr', 'FR'],
		[' de ', 'DE'],
		['ZZ', undefined],
		['Narnia', undefined],
		['', undefined],
		[' ', undefined],
		[null, undefined],
		[5, undefined],
	])('resolveCountryCode(%p) -> %p', (value, expected) => {
		expect(resolveCountryCode(value)).toBe(expected);
	});

	it.each([
		['', undefined],
		['   ', undefined],
		[undefined, undefined],
		[null, undefined],
		['FR', 'FR'],
		['fr', 'FR'],
		[' de ', 'DE'],
		['France', 'FR'],
		['UK', 'GB'],
	])('readDefaultCountry(%p) -> %p', (value, expected) => {
		expect(readDefaultCountry(value)).toBe(expected);
	});

	it.each([
		['XX', '"XX" is not a country code'],
		['Narnia', '"Narnia" is not a country code'],
		[42, '42 is not a country code'],
	])('readDefaultCountry(%p) throws', (value, message) => {
		const error = fieldErrorOf(() => readDefaultCountry(value));
		expect(error.message).toBe(message);
		expect(error.value).toBe(value);
	});

	it('refuses an unknown default country before reading any number', () => {
		const error = fieldErrorOf(() => normalizePhoneNumbers('+33612345678', { defaultCountry: 'XX' }));
		expect(error.message).toBe('"XX" is not a country code');
	});
});

describe('de-duplicates and enforces 1–20', () => {
	it('collapses the same number written in different formats', () => {
		const input: PhoneInput = ['06 12 34 56 78', '+33612345678', '0033 6 12 34 56 78', 33612345678, "'+33 6 12 34 56 78"];
		expect(normalizePhoneNumbers(input, { defaultCountry: 'FR' })).toEqual(['+33612345678']);
	});

	it('keeps the order in which numbers were first given', () => {
		expect(
			normalizePhoneNumbers('06 98 76 54 32, 06 12 34 56 78, +33698765432', { defaultCountry: 'FR' }),
		).toEqual(['+33698765432', '+33612345678']);
	});

	it('counts distinct numbers, not raw entries, against maxItems', () => {
		const options: PhoneOptions = { defaultCountry: 'FR', minItems: 1, maxItems: 1 };
		expect(normalizePhoneNumbers('06 12 34 56 78; +33 6 12 34 56 78', options)).toEqual(['+33612345678']);
	});

	it('accepts exactly 20 distinct numbers', () => {
		const input = Array.from({ length: 20 }, (_, i) => `+336123456${String(i).padStart(2, '0')}`);
		expect(normalizePhoneNumbers(input, { minItems: 1, maxItems: 20 })).toEqual(input);
	});

	it('refuses more than maxItems distinct numbers', () => {
		const input = Array.from({ length: 21 }, (_, i) => `+336123456${String(i).padStart(2, '0')}`);
		const error = fieldErrorOf(() => normalizePhoneNumbers(input, { minItems: 1, maxItems: 20 }));
		expect(error.message).toBe('21 different numbers given, more than the 20 allowed');
		expect(error.fix).toBe('Keep at most 20 numbers.');
		expect(error.value).toBe(input);
	});

	it('refuses 3 numbers when 2 are allowed', () => {
		const input = '06 12 34 56 78,06 98 76 54 32,06 11 22 33 44';
		const error = fieldErrorOf(() => normalizePhoneNumbers(input, { defaultCountry: 'FR', maxItems: 2 }));
		expect(error.message).toBe('3 different numbers given, more than the 2 allowed');
	});

	it.each([[''], ['  '], [null], [undefined], [[]], [',;']] as Array<[PhoneInput]>)(
		'refuses the empty input %p when minItems is 1',
		(input) => {
			const error = fieldErrorOf(() => normalizePhoneNumbers(input, { defaultCountry: 'FR', minItems: 1 }));
			expect(error.message).toBe('no phone number given');
			expect(error.fix).toBe('Give at least one phone number.');
		},
	);

	it('refuses too few numbers when minItems is above 1', () => {
		const error = fieldErrorOf(() => normalizePhoneNumbers('06 12 34 56 78', { defaultCountry: 'FR', minItems: 2 }));
		expect(error.message).toBe('only 1 number given, at least 2 needed');
		expect(error.fix).toBe('Give at least 2 phone numbers.');
	});

	it('returns an empty list for empty input when nothing is required', () => {
		expect(normalizePhoneNumbers('', { defaultCountry: 'FR' })).toEqual([]);
	});
});

describe('refuses invalid values with a FieldError naming the value', () => {
	it.each([
		['abc', 'FR', '"abc" is not a valid phone number for France (FR)'],
		['123', 'FR', '"123" is not a valid phone number for France (FR)'],
		['123', 'US', '"123" is not a valid phone number for United States (US)'],
		['07700 900123', 'GB', '"07700 900123" is not a valid phone number for United Kingdom (GB)'],
		['+33 6 12', 'FR', '"+33 6 12" is not a valid international phone number'],
		['+33 6 12', undefined, '"+33 6 12" is not a valid international phone number'],
		['+1 212 555 0123 ext. 4', 'US', '"+1 212 555 0123 ext. 4" has an extension (4), which E.164 cannot carry'],
		['+1 212 555 0123 ext. 4', undefined, '"+1 212 555 0123 ext. 4" has an extension (4), which E.164 cannot carry'],
		['(212) 555-0123 x4', 'US', '"(212) 555-0123 x4" has an extension (4), which E.164 cannot carry'],
		['0612345678 ext 12', 'FR', '"0612345678 ext 12" has an extension (12), which E.164 cannot carry'],
	])('%p with default country %p', (raw, defaultCountry, message) => {
		const error = fieldErrorOf(() => normalizePhoneNumbers(raw, { defaultCountry }));
		expect(error.name).toBe('FieldError');
		expect(error.message).toBe(message);
		expect(error.problem).toBe(message);
		expect(error.message).toContain(raw);
		expect(error.value).toBe(raw);
	});

	it.each([['06 12 34 56 78'], ['612345678'], ['020 7946 0958']])(
		'asks for a Default Country for the national number %p',
		(raw) => {
			const error = fieldErrorOf(() => normalizePhoneNumbers(raw));
			expect(error.message).toBe(`"${raw}" has no country code`);
			expect(error.fix).toContain('Default Country');
			expect(error.value).toBe(raw);
		},
	);

	it('names the bad entry, not the whole cell, when one of several numbers is invalid', () => {
		const error = fieldErrorOf(() =>
			normalizePhoneNumbers('06 12 34 56 78, abc, 06 98 76 54 32', { defaultCountry: 'FR' }),
		);
		expect(error.message).toBe('"abc" is not a valid phone number for France (FR)');
		expect(error.value).toBe('abc');
	});

	it('normalizePhoneNumber reads one raw number with a list of regions', () => {
		expect(normalizePhoneNumber('06 12 34 56 78', ['US', 'FR'])).toBe('+33612345678');
		expect(normalizePhoneNumber('0033 6 12 34 56 78', [])).toBe('+33612345678');
		expect(() => normalizePhoneNumber('06 12 34 56 78', [])).toThrow(FieldError);
	});
});

describe('reads numeric cells that start with the default country’s calling code as international', () => {
	it.each<[number | string, string, string]>([
		[4915123456789, 'DE', '+4915123456789'],
		['4915123456789', 'DE', '+4915123456789'],
		[33612345678, 'FR', '+33612345678'],
		[15123456789, 'DE', '+4915123456789'],
		[612345678, 'FR', '+33612345678'],
	])('%p with default %s gives %s', (input, country, expected) => {
		expect(normalizePhoneNumbers(input, { defaultCountry: country })).toEqual([expected]);
	});
});

describe('strict reading: only a number, and a long value quoted short', () => {
	it.each([
		['0612345678abc', 'FR', '"0612345678abc" holds characters that are not part of a phone number ("abc")'],
		['+33 6 12 34 56 78 (mobile)', undefined, '"+33 6 12 34 56 78 (mobile)" holds characters that are not part of a phone number ("mobile")'],
		['tel:+33612345678', 'FR', '"tel:+33612345678" holds characters that are not part of a phone number ("tel:+")'],
	])('%p is refused', (raw, country, message) => {
		expect(fieldErrorOf(() => normalizePhoneNumbers(raw, { defaultCountry: country })).message).toBe(message);
	});

	it('a cell far too long for a number is refused with its value cut', () => {
		const error = fieldErrorOf(() => normalizePhoneNumbers(`+33${'6'.repeat(100_000)}`));
		expect(error.message).toBe(`"+33${'6'.repeat(74)}..." is 100003 characters long, too long for a phone number`);
	});

	it('a non-text entry is quoted short', () => {
		const error = fieldErrorOf(() => normalizePhoneNumbers([{ note: 'x'.repeat(500) }] as never));
		expect(error.message.length).toBeLessThan(120);
	});
});
