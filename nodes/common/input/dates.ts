import { FieldError, describeValue, isBlank } from './values';

const ISO_8601 = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;

/**
 * A date for a filter, as ISO 8601. n8n's date picker gives `2024-01-15T00:00:00` (a local
 * date-time without offset), expressions give ISO text (`{{ $now }}` is written
 * `2024-01-15T10:00:00.000+01:00`) or a Date: ISO text is sent as written (a space between
 * date and time becomes `T`), a Date or other text a JavaScript date understands is sent in
 * UTC (`2024-01-15T09:00:00.000Z`). Anything else is refused before sending.
 */
export function readIsoDate(value: unknown): string | undefined {
	if (isBlank(value)) return undefined;
	if (value instanceof Date) {
		if (Number.isNaN(value.getTime())) throw invalidDate(value);
		return value.toISOString();
	}
	// A Luxon DateTime, which n8n's expressions use for dates.
	const toISO = (value as { toISO?: unknown }).toISO;
	if (typeof toISO === 'function') return readIsoDate(toISO.call(value));
	if (typeof value !== 'string') throw invalidDate(value);
	const text = value.trim();
	if (ISO_8601.test(text)) {
		const iso = text.replace(' ', 'T');
		if (Number.isNaN(Date.parse(iso))) throw invalidDate(value);
		return iso;
	}
	// Only texts with a year, so that "12" or "next week" are not read as some date.
	const parsed = /\d{4}/.test(text) ? new Date(text) : undefined;
	if (!parsed || Number.isNaN(parsed.getTime())) throw invalidDate(value);
	return parsed.toISOString();
}

function invalidDate(value: unknown): FieldError {
	return new FieldError(
		`${describeValue(value)} is not a date`,
		'Pick a date, or give one in ISO 8601 such as 2024-01-15 or 2024-01-15T09:30:00Z.',
		value,
	);
}
