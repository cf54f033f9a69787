import { FieldError } from '../../nodes/common/input/values';

/** Runs `fn`, expects a FieldError and returns it so its fields can be checked. */
export function fieldErrorOf(fn: () => unknown): FieldError {
	try {
		fn();
	} catch (error) {
		expect(error).toBeInstanceOf(FieldError);
		return error as FieldError;
	}
	throw new Error('expected a FieldError, but nothing was thrown');
}
