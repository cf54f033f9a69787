import { type PhoneInput, type PhoneOptions, normalizePhoneNumbers } from './phone';
import { FieldError, describeValue, isBlank } from './values';

/**
 * A field that holds ONE phone number (Skode keeps one per contact), read like any phone cell
 * and sent in E.164. A cell with several different numbers is refused, naming them: keeping
 * the first would drop the others without anyone noticing. The same number written twice
 * ("+33 6 12 34 56 78; 06 12 34 56 78") is one number.
 */
export function normalizeSinglePhone(input: unknown, options: Omit<PhoneOptions, 'minItems' | 'maxItems'> = {}): string | undefined {
	if (isBlank(input)) return undefined;
	const numbers = normalizePhoneNumbers(input as PhoneInput, options);
	if (numbers.length > 1) {
		throw new FieldError(
			`${describeValue(input)} holds ${numbers.length} different phone numbers (${numbers.join(', ')}), but this field takes one`,
			'Keep one number in the cell; put the others in another field (such as Custom Fields) or another contact.',
			input,
		);
	}
	return numbers[0];
}
