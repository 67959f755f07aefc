/**
 * Django's validators with Django's messages (django/core/validators.py). A validator returns
 * the message for a bad value, or null when the value is fine.
 */

export type Validator = (value: unknown) => string | null;

/** A validator with a limit other code may read, as Django's `validator.limit_value`. */
export type LimitValidator = Validator & {
	readonly limit_value: number;
	readonly bound: 'min' | 'max';
};

export function MinValueValidator(limit: number): LimitValidator {
	const check: Validator = (value) =>
		typeof value === 'number' && value < limit
			? `Ensure this value is greater than or equal to ${limit}.`
			: null;
	return Object.assign(check, { limit_value: limit, bound: 'min' as const });
}

export function MaxValueValidator(limit: number): LimitValidator {
	const check: Validator = (value) =>
		typeof value === 'number' && value > limit
			? `Ensure this value is less than or equal to ${limit}.`
			: null;
	return Object.assign(check, { limit_value: limit, bound: 'max' as const });
}

export function MaxLengthValidator(limit: number): Validator {
	return (value) => {
		if (typeof value !== 'string') return null;
		// Python counts code points, not UTF-16 units.
		const length = [...value].length;
		return length > limit
			? `Ensure this value has at most ${limit} characters (it has ${length}).`
			: null;
	};
}

// A simplified form of Django's EmailValidator: a user part, an @, and a dotted domain.
const EMAIL =
	/^[-!#$%&'*+/=?^_`{}|~0-9A-Z]+(\.[-!#$%&'*+/=?^_`{}|~0-9A-Z]+)*@((?:[A-Z0-9](?:[A-Z0-9-]{0,61}[A-Z0-9])?\.)+[A-Z0-9-]{2,63})$/i;

export const validateEmail: Validator = (value) =>
	typeof value === 'string' && value !== '' && !EMAIL.test(value)
		? 'Enter a valid email address.'
		: null;

const SLUG = /^[-a-zA-Z0-9_]+$/;

export const validateSlug: Validator = (value) =>
	typeof value === 'string' && value !== '' && !SLUG.test(value)
		? 'Enter a valid “slug” consisting of letters, numbers, underscores or hyphens.'
		: null;

/** Django's DecimalValidator, over the decimal's text form. */
export function DecimalValidator(maxDigits: number, decimalPlaces: number): Validator {
	return (value) => {
		if (typeof value !== 'string') return null;
		const [whole, fraction = ''] = value.replace(/^-/, '').split('.');
		const wholeDigits = whole.replace(/^0+/, '').length;
		const decimals = fraction.replace(/0+$/, '').length;
		if (wholeDigits + decimals > maxDigits)
			return `Ensure that there are no more than ${maxDigits} digits in total.`;
		if (decimals > decimalPlaces)
			return `Ensure that there are no more than ${decimalPlaces} decimal places.`;
		if (wholeDigits > maxDigits - decimalPlaces)
			return `Ensure that there are no more than ${maxDigits - decimalPlaces} digits before the decimal point.`;
		return null;
	};
}
