/**
 * What one password hash costs here, at Django 5.2's 1,000,000 iterations and two lower counts
 * (run: npx vitest bench --run src/lib/sim/django/auth). Prints figures; asserts nothing.
 * PLAN.md keeps Django's count when one hash costs under 300 ms.
 */
import { bench, describe } from 'vitest';
import { pbkdf2 } from './hashers';

describe('PBKDF2-HMAC-SHA256 via WebCrypto, one hash', () => {
	for (const iterations of [1_000_000, 600_000, 390_000]) {
		bench(
			`${iterations.toLocaleString('en')} iterations`,
			() => pbkdf2('wonderland', 'seasalt', iterations).then(() => undefined),
			{
				iterations: 5,
				time: 0
			}
		);
	}
});
