/**
 * The package ships no runtime dependency: the build replaces dist/nodes/common/input/
 * phoneLibrary.js with an esbuild bundle of libphonenumber-js (gulpfile.js). These tests read
 * phone numbers through the built bundle and through the library itself (the devDependency)
 * and require the same answers: the library's own functions for every country's example
 * number, and the nodes' phone reading (dist's phone.js on the bundle against phone.ts on
 * the library). They need `npm run build` first, and fail, not skip, without it.
 */
import fs from 'node:fs';
import path from 'node:path';

import * as library from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/examples.mobile.json';

import * as sourcePhone from '../../nodes/common/input/phone';

const INPUT_DIR = path.join(__dirname, '..', '..', 'dist', 'nodes', 'common', 'input');
const BUNDLE = path.join(INPUT_DIR, 'phoneLibrary.js');

if (!fs.existsSync(BUNDLE)) {
	throw new Error(`${BUNDLE} is missing: run \`npm run build\` before these tests (they check what the package ships).`);
}

// The built files, as n8n loads them.
const bundle = require(BUNDLE) as typeof import('../../nodes/common/input/phoneLibrary');
const builtPhone = require(path.join(INPUT_DIR, 'phone.js')) as typeof sourcePhone;

type CountryCode = library.CountryCode;
type Parser = (text: string, country?: CountryCode) => library.PhoneNumber | undefined;

/** Everything a parse tells, methods included, so that a difference anywhere shows. */
function reading(parse: Parser, text: string, country?: CountryCode) {
	const parsed = parse(text, country);
	if (!parsed) return undefined;
	return {
		number: parsed.number,
		country: parsed.country,
		countryCallingCode: parsed.countryCallingCode,
		nationalNumber: parsed.nationalNumber,
		ext: parsed.ext,
		valid: parsed.isValid(),
		possible: parsed.isPossible(),
		type: parsed.getType(),
		international: parsed.formatInternational(),
		national: parsed.formatNational(),
	};
}

/** What the nodes' reading returns, or the error it throws, by name and message. */
function outcome(read: () => unknown) {
	try {
		return { value: read() };
	} catch (error) {
		return { error: `${(error as Error).name}: ${(error as Error).message}` };
	}
}

const countries = library.getCountries();
const exampleEntries = Object.entries(examples) as Array<[CountryCode, string]>;

/** Numbers written by hand: formats people use, extensions, wrong and partial numbers. */
const HANDWRITTEN = [
	'06 12 34 56 78',
	'+33 6 12 34 56 78',
	'0033 (0)6 12 34 56 78',
	'+33\u00a06\u00a012 34 56 78',
	'(212) 555-0123',
	'1 212 555 0123',
	'+1 212 555 0123 ext. 45',
	'+44 20 7946 0958',
	'020 7946 0958',
	'07911 123456',
	'030 12345678',
	'+49 151 23456789',
	'+91 98765 43210',
	'+55 11 91234-5678',
	'+81 90-1234-5678',
	'+61 412 345 678',
	'+7 912 345-67-89',
	'+86 138 0013 8000',
	'+234 803 123 4567',
	'33612345678',
	'612345678',
	'+33 1 23',
	'123',
	'not a number',
	'+999 123 456 789',
	'',
];
const DEFAULT_COUNTRIES = ['', 'FR', 'US', 'GB', 'DE', 'IN', 'BR', 'JP', 'AU', 'RU', 'CN', 'NG', 'fr', 'France', 'XX'];

describe('the bundle is the library it was built from', () => {
	it('names the installed libphonenumber-js version, imports nothing and has its licence beside it', () => {
		const text = fs.readFileSync(BUNDLE, 'utf8');
		const { version } = JSON.parse(fs.readFileSync(require.resolve('libphonenumber-js/package.json'), 'utf8')) as { version: string };
		expect(text.split('\n', 1)[0]).toContain(`libphonenumber-js ${version} `);
		expect(text).not.toMatch(/\brequire\(/);
		expect(Object.keys(bundle).sort()).toEqual(['getCountries', 'getCountryCallingCode', 'isSupportedCountry', 'parsePhoneNumberFromString']);
		expect(fs.readFileSync(path.join(INPUT_DIR, 'phoneLibrary.LICENSE.txt'), 'utf8')).toContain('The MIT License');
	});

	it('knows the same countries and calling codes', () => {
		expect(bundle.getCountries()).toEqual(countries);
		expect(countries.length).toBeGreaterThan(200);
		for (const country of countries) expect(bundle.getCountryCallingCode(country)).toBe(library.getCountryCallingCode(country));
		for (const code of [...countries, 'XX', 'ZZ', 'EU', 'fr', '', '001']) {
			expect(bundle.isSupportedCountry(code)).toBe(library.isSupportedCountry(code));
		}
	});

	it("reads every country's example number the same, nationally, internationally and with another default country", () => {
		expect(exampleEntries.length).toBeGreaterThan(200);
		for (const [country, national] of exampleEntries) {
			const international = `+${library.getCountryCallingCode(country)} ${national}`;
			const cases: Array<[string, CountryCode | undefined]> = [
				[national, country],
				[international, undefined],
				[international, 'FR'],
				[national, 'US'],
			];
			for (const [text, defaultCountry] of cases) {
				const expected = reading(library.parsePhoneNumberFromString, text, defaultCountry);
				expect({ text, defaultCountry, reading: reading(bundle.parsePhoneNumberFromString, text, defaultCountry) }).toEqual({ text, defaultCountry, reading: expected });
			}
			// Every example is a valid number: the comparison above is not of two "undefined".
			expect(reading(bundle.parsePhoneNumberFromString, national, country)?.valid).toBe(true);
		}
	});

	it('reads handwritten numbers the same with and without a default country', () => {
		for (const text of HANDWRITTEN) {
			for (const defaultCountry of [undefined, 'FR', 'US', 'GB', 'DE', 'IN'] as const) {
				const expected = reading(library.parsePhoneNumberFromString, text, defaultCountry);
				expect({ text, defaultCountry, reading: reading(bundle.parsePhoneNumberFromString, text, defaultCountry) }).toEqual({ text, defaultCountry, reading: expected });
			}
		}
	});
});

describe("the built nodes read phone numbers as the source does (dist's phone.js on the bundle, phone.ts on the library)", () => {
	it('normalises the same numbers and refuses the same ones, with the same messages', () => {
		const inputs: sourcePhone.PhoneInput[] = [
			...HANDWRITTEN,
			...exampleEntries.slice(0, 60).map(([, national]) => national),
			'06 12 34 56 78, +44 20 7946 0958; 020 7946 0958',
			33612345678,
			612345678,
			["'+33612345678", null, '07911 123456'],
		];
		let normalised = 0;
		for (const input of inputs) {
			for (const defaultCountry of DEFAULT_COUNTRIES) {
				for (const contactCountry of [undefined, 'Germany', 'JP']) {
					const options = { defaultCountry, contactCountry };
					const expected = outcome(() => sourcePhone.normalizePhoneNumbers(input, options));
					if ('value' in expected) normalised++;
					expect({ input, options, outcome: outcome(() => builtPhone.normalizePhoneNumbers(input, options)) }).toEqual({ input, options, outcome: expected });
				}
			}
		}
		// Both outcomes are exercised: numbers read, and numbers refused.
		expect(normalised).toBeGreaterThan(100);
	});

	it('resolves countries, compares stored numbers and takes national digits the same', () => {
		for (const value of [...countries, 'France', 'united kingdom', 'USA', 'Deutschland', 'XX', '', 42, null]) {
			expect(builtPhone.resolveCountryCode(value)).toBe(sourcePhone.resolveCountryCode(value));
		}
		for (const [stored, e164] of [
			['(415) 555-0101', '+14155550101'],
			['0033 6 12 34 56 78', '+33612345678'],
			['06 12 34 56 78', '+33612345678'],
			['nothing', '+33612345678'],
		]) {
			for (const reading of [{}, { defaultCountry: 'FR' }, { defaultCountry: 'US' }]) {
				expect(builtPhone.samePhoneNumber(stored, e164, reading)).toBe(sourcePhone.samePhoneNumber(stored, e164, reading));
			}
		}
		for (const e164 of ['+14155550101', '+33612345678', '+442079460958', '+4915123456789', '+12']) {
			expect(builtPhone.nationalDigits(e164)).toBe(sourcePhone.nationalDigits(e164));
		}
	});
});
