import {
	FieldError,
	checkLength,
	isBlank,
	readBoolean,
	readContext,
	readEmail,
	readInteger,
	readKeyValues,
	readString,
	readStringList,
	readUrl,
} from '../../nodes/common/input/values';
import { fieldErrorOf } from '../support/fieldError.cts';


describe('FieldError', () => {
	it('carries the problem, the fix and the value', () => {
		const error = new FieldError('"x" is wrong', 'Fix it.', 'x');
		expect(error).toBeInstanceOf(Error);
		expect(error.name).toBe('FieldError');
		expect(error.message).toBe('"x" is wrong');
		expect(error.problem).toBe('"x" is wrong');
		expect(error.fix).toBe('Fix it.');
		expect(error.value).toBe('x');
	});
});

describe('isBlank', () => {
	it.each([
		[undefined, true],
		[null, true],
		['', true],
		['  \n ', true],
		[[], true],
		[0, false],
		[false, false],
		['a', false],
		[[1], false],
		[{}, false],
	])('isBlank(%p) -> %p', (value, expected) => {
		expect(isBlank(value)).toBe(expected);
	});
});

describe('readString trims and treats blanks as missing', () => {
	it.each([
		['  hi  ', 'hi'],
		['a b', 'a b'],
		['', undefined],
		['   ', undefined],
		[null, undefined],
		[undefined, undefined],
		[[], undefined],
		[5, '5'],
		[true, 'true'],
	])('readString(%p) -> %p', (value, expected) => {
		expect(readString(value)).toBe(expected);
	});

	it.each([[{ a: 1 }, '{"a":1} is not text'], [['a'], '["a"] is not text']])(
		'refuses %p',
		(value, message) => {
			const error = fieldErrorOf(() => readString(value));
			expect(error.message).toBe(message);
			expect(error.value).toBe(value);
		},
	);
});

describe('readBoolean reads what a person means', () => {
	it.each([
		['TRUE', true],
		[' yes ', true],
		['Oui', true],
		['vrai', true],
		['x', true],
		['1', true],
		['on', true],
		['0', false],
		['non', false],
		['N', false],
		['off', false],
		['faux', false],
		['FALSE', false],
		[1, true],
		[0, false],
		[true, true],
		[false, false],
		['', undefined],
		['  ', undefined],
		[null, undefined],
		[undefined, undefined],
	])('readBoolean(%p) -> %p', (value, expected) => {
		expect(readBoolean(value)).toBe(expected);
	});

	it.each([
		['maybe', '"maybe" is not true or false'],
		['2', '"2" is not true or false'],
		[2, '2 is not true or false'],
	])('refuses %p naming the value', (value, message) => {
		const error = fieldErrorOf(() => readBoolean(value));
		expect(error.message).toBe(message);
		expect(error.fix).toBe('Use true/false, yes/no, 1/0 or on/off.');
		expect(error.value).toBe(value);
	});
});

describe('readInteger reads whole numbers', () => {
	it.each([
		['12', 12],
		[' 12 ', 12],
		['12.0', 12],
		['12.00', 12],
		[12, 12],
		[0, 0],
		['-3', -3],
		['+4', 4],
		['', undefined],
		[null, undefined],
		[undefined, undefined],
	])('readInteger(%p) -> %p', (value, expected) => {
		expect(readInteger(value)).toBe(expected);
	});

	it.each([
		['12.5', '"12.5" is not a whole number'],
		['abc', '"abc" is not a whole number'],
		['12.', '"12." is not a whole number'],
		['1e3', '"1e3" is not a whole number'],
		['9007199254740993', '"9007199254740993" is not a whole number'],
		[12.5, '12.5 is not a whole number'],
		[true, 'true is not a whole number'],
	])('refuses %p naming the value', (value, message) => {
		const error = fieldErrorOf(() => readInteger(value));
		expect(error.message).toBe(message);
		expect(error.fix).toBe('Give digits only, such as 12.');
		expect(error.value).toBe(value);
	});
});

describe('readStringList splits, trims and de-duplicates', () => {
	it.each([
		['a, b;c\nd', ['a', 'b', 'c', 'd']],
		['a\r\nb', ['a', 'b']],
		['a,a, b ,a', ['a', 'b']],
		[['a', 'b, c', null, 3, true], ['a', 'b', 'c', '3', 'true']],
		[['x', ' x ', 'y;x'], ['x', 'y']],
		['single', ['single']],
		[', ;', undefined],
		['', undefined],
		[[], undefined],
		[null, undefined],
	])('readStringList(%p) -> %p', (value, expected) => {
		expect(readStringList(value)).toEqual(expected);
	});

	it('refuses an object inside the list', () => {
		const error = fieldErrorOf(() => readStringList(['a', { b: 1 }]));
		expect(error.message).toBe('{"b":1} is not text');
		expect(error.value).toEqual({ b: 1 });
	});
});

describe('readEmail', () => {
	it.each([
		['jane@example.com', 'jane@example.com'],
		['  jane@example.com ', 'jane@example.com'],
		['jane.doe+tag@sub.example.co.uk', 'jane.doe+tag@sub.example.co.uk'],
		['', undefined],
		[null, undefined],
	])('readEmail(%p) -> %p', (value, expected) => {
		expect(readEmail(value)).toBe(expected);
	});

	it.each([['jane@example'], ['jane example.com'], ['a b@c.d'], ['@example.com']])('refuses %p', (value) => {
		const error = fieldErrorOf(() => readEmail(value));
		expect(error.message).toBe(`"${value}" is not an email address`);
		expect(error.value).toBe(value);
	});
});

describe('readUrl', () => {
	it.each([
		['www.acme.com', 'https://www.acme.com'],
		['  www.acme.com  ', 'https://www.acme.com'],
		['acme.com/path?q=1', 'https://acme.com/path?q=1'],
		['https://x.io/a', 'https://x.io/a'],
		['http://acme.com', 'http://acme.com'],
		['', undefined],
		[null, undefined],
	])('readUrl(%p) -> %p', (value, expected) => {
		expect(readUrl(value)).toBe(expected);
	});

	it.each([['not a url'], ['ftp://x.com'], ['localhost'], ['https://acme']])('refuses %p', (value) => {
		const error = fieldErrorOf(() => readUrl(value));
		expect(error.message).toBe(`"${value}" is not a web address`);
		expect(error.fix).toBe('Give an address such as https://example.com.');
		expect(error.value).toBe(value);
	});
});

describe('checkLength', () => {
	it.each([
		['a'.repeat(200), undefined, 200],
		['abc', 3, 10],
		['abcdefghij', 3, 10],
		['', undefined, undefined],
		['é😀', undefined, 2],
	])('accepts %p with min %p and max %p', (text, min, max) => {
		expect(() => checkLength(text, min, max)).not.toThrow();
	});

	it('refuses text over the maximum, giving its length', () => {
		const text = 'a'.repeat(201);
		const error = fieldErrorOf(() => checkLength(text, undefined, 200));
		expect(error.message).toContain('is 201 characters long, more than the 200 allowed');
		expect(error.message.startsWith(`"${'a'.repeat(77)}..."`)).toBe(true);
		expect(error.fix).toBe('Shorten it to 200 characters or fewer.');
		expect(error.value).toBe(text);
	});

	it('counts characters, not UTF-16 code units', () => {
		const error = fieldErrorOf(() => checkLength('😀😀😀', undefined, 2));
		expect(error.message).toBe('"😀😀😀" is 3 characters long, more than the 2 allowed');
	});

	it('refuses text under the minimum', () => {
		const error = fieldErrorOf(() => checkLength('ab', 3, undefined));
		expect(error.message).toBe('"ab" is shorter than 3 characters');
		expect(error.fix).toBe('Give at least 3 characters.');
		expect(error.value).toBe('ab');
	});
});

describe('readKeyValues', () => {
	it('reads fixedCollection rows, trimming text values and skipping blank keys', () => {
		const rows = {
			values: [
				{ key: 'industry', value: ' SaaS ' },
				{ key: ' size ', value: 12 },
				{ key: '', value: 'x' },
				{ value: 'y' },
			],
		};
		expect(readKeyValues(rows)).toEqual({ industry: 'SaaS', size: 12 });
	});

	it('reads rows under another name', () => {
		expect(readKeyValues({ field: [{ key: 'a', value: '1' }] }, 'field')).toEqual({ a: '1' });
	});

	it('treats rows under another name as a plain object when rowsName does not match', () => {
		const value = { field: [{ key: 'a', value: '1' }] };
		expect(readKeyValues(value)).toEqual(value);
	});

	it('keeps an object with rows plus other keys as it is', () => {
		const value = { values: [{ key: 'a', value: '1' }], other: 1 };
		expect(readKeyValues(value)).toEqual(value);
	});

	it.each([
		['{"industry":"SaaS"}', { industry: 'SaaS' }],
		['{"values":[{"key":"a","value":"b"}]}', { a: 'b' }],
		[{ industry: 'SaaS', seats: 4 }, { industry: 'SaaS', seats: 4 }],
		[{ values: [] }, undefined],
		[{ values: [{ key: '', value: '1' }] }, undefined],
		[{}, undefined],
		['', undefined],
		[null, undefined],
		[[], undefined],
	])('readKeyValues(%p) -> %p', (value, expected) => {
		expect(readKeyValues(value)).toEqual(expected);
	});

	it.each([
		['{bad', '"{bad" is not a JSON object'],
		['[1]', '[1] is not an object'],
		['42', '42 is not an object'],
		[5, '5 is not an object'],
	])('refuses %p', (value, message) => {
		const error = fieldErrorOf(() => readKeyValues(value));
		expect(error.message).toBe(message);
		expect(error.fix).toBe('Give an object such as {"industry": "SaaS"}.');
	});

	it('names the raw text when the JSON does not parse', () => {
		expect(fieldErrorOf(() => readKeyValues('{bad')).value).toBe('{bad');
	});

	it('refuses a row whose key is not text', () => {
		const error = fieldErrorOf(() => readKeyValues({ values: [{ key: { a: 1 }, value: 1 }] }));
		expect(error.message).toBe('{"a":1} is not text');
	});
});

describe('regressions', () => {
	it('readKeyValues skips null rows that an expression produced', () => {
		expect(readKeyValues({ values: [null, { key: 'a', value: '1' }] })).toEqual({ a: '1' });
	});

	it.each(['mailto:x@y.com', 'javascript:alert(1)'])('readUrl refuses %p', (value) => {
		expect(() => readUrl(value)).toThrow(FieldError);
	});
});

describe('strict reading: what surrounds an address elsewhere, credentials and reserved keys are refused', () => {
	it.each([
		['mailto:jane@example.com', '"mailto:jane@example.com" is a mailto: link, not an email address'],
		['MAILTO:jane@example.com', '"MAILTO:jane@example.com" is a mailto: link, not an email address'],
		['Jane <jane@example.com>', '"Jane <jane@example.com>" is not an email address'],
		['jane@example.com, bob@example.com', '"jane@example.com, bob@example.com" is not an email address'],
		['"jane"@example.com', '""jane"@example.com" is not an email address'],
	])('readEmail refuses %p', (value, message) => {
		expect(fieldErrorOf(() => readEmail(value)).message).toBe(message);
	});

	it('readEmail still reads plus addressing and subdomains', () => {
		expect(readEmail('jane.doe+crm@mail.example.co.uk')).toBe('jane.doe+crm@mail.example.co.uk');
	});

	it.each([
		['https://admin:s3cret@acme.com/x', 'https://***@acme.com/x'],
		['user@acme.com', 'https://***@acme.com'],
	])('readUrl refuses %p without quoting what precedes the @', (value, shown) => {
		const error = fieldErrorOf(() => readUrl(value));
		expect(error.message).toBe(`"${shown}" holds a user name or password before the @`);
		expect(error.value).toBe(shown);
		expect(JSON.stringify(error)).not.toContain('s3cret');
	});

	it.each([
		[{ values: [{ key: '__proto__', value: 'x' }] }, '__proto__'],
		[{ values: [{ key: ' constructor ', value: 'x' }] }, 'constructor'],
		['{"prototype": 1}', 'prototype'],
		['{"__proto__": {"polluted": true}}', '__proto__'],
	])('readKeyValues refuses the reserved key in %p', (value, key) => {
		const error = fieldErrorOf(() => readKeyValues(value));
		expect(error.message).toBe(`"${key}" cannot be a key`);
		expect(error.fix).toBe('Rename the key: __proto__, constructor and prototype are reserved.');
	});

	it('readContext refuses a reserved key among its pairs', () => {
		expect(fieldErrorOf(() => readContext({ values: [{ key: '__proto__', value: 1 }] })).message).toBe('"__proto__" cannot be a key');
	});
});
