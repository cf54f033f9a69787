import {
	type CountryCode,
	getCountries,
	getCountryCallingCode,
	isSupportedCountry,
	parsePhoneNumberFromString,
} from './phoneLibrary';

import { FieldError, describeValue } from './values';

/**
 * What a phone-number parameter may hold: one number, several in one cell separated by
 * commas, semicolons or new lines, an array built by an expression, or a numeric
 * spreadsheet cell (which has lost its "+" and any leading zero).
 */
export type PhoneInput = string | number | Array<string | number | null | undefined> | null | undefined;

export interface PhoneOptions {
	/** ISO 3166-1 alpha-2 code used for numbers written without an international prefix. */
	defaultCountry?: string;
	/** The contact's own country (a name such as "France" or a code such as "FR"). */
	contactCountry?: unknown;
	minItems?: number;
	maxItems?: number;
}

const SEPARATORS = /[,;\n\r]+/;
/** The longest text read as one number: E.164 has 15 digits; formatting and a prefix add a few. */
const MAX_PHONE_LENGTH = 40;
// Characters people put inside numbers; removed only to look at the prefix and the digits.
const FORMATTING = /[\s.\-()/\u00a0]/g;

/** Splits a cell or an expression result into the raw numbers it holds, blanks removed. */
export function splitPhoneInput(input: PhoneInput): string[] {
	if (input === null || input === undefined) return [];
	const pieces = Array.isArray(input) ? input : [input];
	return pieces
		.flatMap((piece) => {
			if (piece === null || piece === undefined) return [];
			if (typeof piece === 'number') return [numberCellToText(piece)];
			if (typeof piece !== 'string') {
				throw new FieldError(
					`${describeValue(piece)} is not a phone number`,
					'Give text such as "+33 6 12 34 56 78", or a list of such texts.',
					piece,
				);
			}
			return piece.split(SEPARATORS);
		})
		.map((piece) => piece.trim().replace(/^'/, '').trim())
		.filter((piece) => piece !== '');
}

function numberCellToText(value: number): string {
	if (!Number.isFinite(value) || !Number.isInteger(value) || value <= 0) {
		throw new FieldError(
			`${value} is not a phone number`,
			'A numeric cell must hold the digits of the number, such as 33612345678.',
			value,
		);
	}
	return value.toFixed(0);
}

/** Reads an ISO code ("fr", "FR") or a country name in English, French, German, Spanish, Italian, Dutch or Portuguese. */
export function resolveCountryCode(value: unknown): CountryCode | undefined {
	if (typeof value !== 'string') return undefined;
	const trimmed = value.trim();
	if (trimmed === '') return undefined;
	const upper = trimmed.toUpperCase();
	if (upper.length === 2 && isSupportedCountry(upper)) return upper as CountryCode;
	return countryNames().get(simplifyName(trimmed));
}

function simplifyName(name: string): string {
	return name
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z]/g, '');
}

const NAME_LOCALES = ['en', 'fr', 'de', 'es', 'it', 'nl', 'pt'];
const EXTRA_NAMES: Record<string, CountryCode> = {
	usa: 'US',
	unitedstatesofamerica: 'US',
	america: 'US',
	uk: 'GB',
	greatbritain: 'GB',
	england: 'GB',
	scotland: 'GB',
	wales: 'GB',
	northernireland: 'GB',
	holland: 'NL',
	southkorea: 'KR',
	russia: 'RU',
};

let countryNameIndex: Map<string, CountryCode> | undefined;

function countryNames(): Map<string, CountryCode> {
	if (countryNameIndex) return countryNameIndex;
	const index = new Map<string, CountryCode>(Object.entries(EXTRA_NAMES));
	for (const locale of NAME_LOCALES) {
		const names = new Intl.DisplayNames([locale], { type: 'region' });
		for (const code of getCountries()) {
			const name = names.of(code);
			if (name && name !== code && !index.has(simplifyName(name))) index.set(simplifyName(name), code);
		}
	}
	countryNameIndex = index;
	return index;
}

/** Reads the `defaultCountry` option: empty means "none"; anything else must be a known code or name. */
export function readDefaultCountry(value: unknown): CountryCode | undefined {
	if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
		return undefined;
	}
	const code = resolveCountryCode(value);
	if (!code) {
		throw new FieldError(
			`${describeValue(value)} is not a country code`,
			'Use a two-letter ISO 3166-1 code such as FR, US, GB or DE, or leave it empty.',
			value,
		);
	}
	return code;
}

/**
 * Turns one number as a person wrote it into E.164.
 * `regions` are tried in order for numbers written without an international prefix.
 */
export function normalizePhoneNumber(raw: string, regions: CountryCode[]): string {
	const compact = raw.replace(FORMATTING, '');
	let text = raw;
	if (compact.startsWith('00')) text = `+${compact.slice(2)}`;
	else if (compact.startsWith('+')) text = compact;

	// The value is quoted cut (describeValue): a cell holding a whole page gives a short message.
	const invalid = (why: string, fix: string) => new FieldError(`${describeValue(raw)} ${why}`, fix, raw);
	if (compact.length > MAX_PHONE_LENGTH) {
		throw invalid(`is ${compact.length} characters long, too long for a phone number`, 'Give one number per value, or separate several with commas.');
	}

	if (text.startsWith('+')) {
		const parsed = parsePhoneNumberFromString(text);
		if (parsed?.isValid()) return checkNoExtension(parsed.number, parsed.ext, raw);
		throw invalid(
			'is not a valid international phone number',
			'Check the digits after the country code, e.g. +33 6 12 34 56 78.',
		);
	}

	// A numeric spreadsheet cell drops the "+": 33612345678 is +33 6 12 34 56 78. Digits that
	// start with the default country's own calling code (4915123456789 with DE) are read that
	// way first; other digits are read as a national number first, as a person would.
	const international = /^[1-9]\d{7,14}$/.test(compact) ? parsePhoneNumberFromString(`+${compact}`) : undefined;
	const internationalValid = international?.isValid() ? international : undefined;
	if (internationalValid && regions[0] && compact.startsWith(getCountryCallingCode(regions[0]))) {
		return checkNoExtension(internationalValid.number, internationalValid.ext, raw);
	}

	for (const region of regions) {
		const parsed = parsePhoneNumberFromString(text, region);
		if (parsed?.isValid()) return checkNoExtension(parsed.number, parsed.ext, raw);
	}

	if (internationalValid) return checkNoExtension(internationalValid.number, internationalValid.ext, raw);

	if (regions.length === 0) {
		throw invalid(
			'has no country code',
			'Write it in international format (e.g. +33 6 12 34 56 78) or set Options › Default Country for Phone Numbers.',
		);
	}
	const countries = regions.map(countryLabel).join(' or ');
	throw invalid(
		`is not a valid phone number for ${countries}`,
		`Check the digits, or write it in international format (e.g. +44 20 7946 0958) if it is not from ${countries}.`,
	);
}

function countryLabel(code: CountryCode): string {
	return `${new Intl.DisplayNames(['en'], { type: 'region' }).of(code) ?? code} (${code})`;
}

/**
 * The number read, once nothing else is in the text: libphonenumber-js reads the number in
 * "0612345678abc" and drops the rest, which would send a number the row does not say.
 */
function checkNoExtension(e164: string, ext: string | undefined, raw: string): string {
	if (ext) {
		throw new FieldError(
			`${describeValue(raw)} has an extension (${ext}), which E.164 cannot carry`,
			'Remove the extension from the number, or put it in another field.',
			raw,
		);
	}
	const stray = raw.replace(FORMATTING, '').replace(/^\+/, '').replace(/\d/g, '');
	if (stray !== '') {
		throw new FieldError(
			`${describeValue(raw)} holds characters that are not part of a phone number (${describeValue(stray)})`,
			'Give digits only, with spaces, dots, dashes or brackets if you like, and + or 00 before a country code.',
			raw,
		);
	}
	return e164;
}

/**
 * Reads every number in a phone parameter and returns them in E.164, de-duplicated, in the
 * order given. The default country is tried first, then the contact's own country.
 */
export function normalizePhoneNumbers(input: PhoneInput, options: PhoneOptions = {}): string[] {
	const regions: CountryCode[] = [];
	const defaultCountry = readDefaultCountry(options.defaultCountry);
	if (defaultCountry) regions.push(defaultCountry);
	const contactCountry = resolveCountryCode(options.contactCountry);
	if (contactCountry && !regions.includes(contactCountry)) regions.push(contactCountry);

	const numbers = [...new Set(splitPhoneInput(input).map((raw) => normalizePhoneNumber(raw, regions)))];

	const { minItems = 0, maxItems = Infinity } = options;
	if (numbers.length < minItems) {
		throw new FieldError(
			minItems === 1 ? 'no phone number given' : `only ${numbers.length} number${numbers.length === 1 ? '' : 's'} given, at least ${minItems} needed`,
			minItems === 1 ? 'Give at least one phone number.' : `Give at least ${minItems} phone numbers.`,
			input,
		);
	}
	if (numbers.length > maxItems) {
		throw new FieldError(
			`${numbers.length} different numbers given, more than the ${maxItems} allowed`,
			`Keep at most ${maxItems} numbers.`,
			input,
		);
	}
	return numbers;
}

/**
 * Whether a number a provider holds (as it stores it: "(415) 555-0101", "+1 415-555-0101",
 * "0033…") is `e164`, read as the row's numbers are read (`reading`: Default Country, then the
 * contact's country). A stored value that reads as no number is no match.
 */
export function samePhoneNumber(stored: unknown, e164: string, reading: Omit<PhoneOptions, 'minItems' | 'maxItems'> = {}): boolean {
	if (typeof stored !== 'string' && typeof stored !== 'number') return false;
	if (String(stored).replace(/[^\d+]/g, '') === e164) return true;
	try {
		return normalizePhoneNumbers(stored, reading).includes(e164);
	} catch {
		return false;
	}
}

/** The digits of a number as its own country writes it, without the country code: +14155550101 → 4155550101. */
export function nationalDigits(e164: string): string {
	return parsePhoneNumberFromString(e164)?.nationalNumber ?? e164.replace(/\D/g, '');
}
