/**
 * "Example Pay", a payment provider's JSON API on `https://api.payments.test` (node
 * `payment-api`), in the style of the well-known ones:
 *
 * - `POST /v1/charges` with `Authorization: Bearer sk_test_…` and a JSON body
 *   `{amount (cents), currency, card: {number}, description, metadata}`;
 * - test cards: 4242 4242 4242 4242 is paid (200, a `charge` object); 4000 0000 0000 0002 is
 *   declined (402 with `{"error": {"type": "card_error", "code": "card_declined", …}}`);
 *   a number that fails the Luhn check is `incorrect_number` (402);
 * - a wrong key: 401 `invalid_request_error`;
 * - `Idempotency-Key`: the same key with the same body answers the first answer again
 *   (`Idempotent-Replayed: true`) and charges nothing; the same key with another body is a 400.
 *
 * It keeps its ledger (`charges`) so tests and the UI can see that nothing was charged twice.
 */
import type { SimRequest, SimResponse } from '../../types';
import type { OutsideCall, OutsideServer } from '../internet';

export const PAYMENTS_HOST = 'api.payments.test';
export const PAYMENTS_URL = `https://${PAYMENTS_HOST}`;
/** The shop's secret key, known to the provider; it is in settings_full.py and nowhere else. */
export const PAYMENTS_SECRET_KEY = 'sk_test_mysite_demo_key_not_secret';

export const TEST_CARDS = {
	paid: '4242 4242 4242 4242',
	declined: '4000 0000 0000 0002'
} as const;

export interface Charge {
	id: string;
	object: 'charge';
	amount: number;
	currency: string;
	description: string;
	status: 'succeeded';
	paid: true;
	card: { last4: string };
	metadata: Record<string, unknown>;
	created: number;
}

interface Remembered {
	body: string;
	response: SimResponse;
}

/** The Luhn check every card number passes. */
export function luhnValid(digits: string): boolean {
	if (!/^\d{12,19}$/.test(digits)) return false;
	let sum = 0;
	for (let i = 0; i < digits.length; i++) {
		let d = Number(digits[digits.length - 1 - i]);
		if (i % 2 === 1) {
			d *= 2;
			if (d > 9) d -= 9;
		}
		sum += d;
	}
	return sum % 10 === 0;
}

function json(
	status: number,
	statusText: string,
	body: unknown,
	extra: Array<[string, string]> = []
): SimResponse {
	return {
		status,
		statusText,
		headers: [['Content-Type', 'application/json'], ['Request-Id', requestId()], ...extra],
		body: JSON.stringify(body, null, 2)
	};
}

function requestId(): string {
	return 'req_' + Math.random().toString(36).slice(2, 14);
}

function apiError(status: number, statusText: string, error: Record<string, string>): SimResponse {
	return json(status, statusText, { error });
}

export class PaymentApi implements OutsideServer {
	readonly host = PAYMENTS_HOST;
	readonly node = 'payment-api' as const;
	#charges: Charge[] = [];
	#idempotency = new Map<string, Remembered>();
	#next = 1;

	/** Every charge made, oldest first. */
	get charges(): readonly Charge[] {
		return this.#charges;
	}

	reset(): void {
		this.#charges = [];
		this.#idempotency.clear();
		this.#next = 1;
	}

	handle(request: SimRequest, call: OutsideCall): SimResponse {
		const response = this.answer(request, call);
		if (call.caller === 'browser') {
			// Only servers holding the secret key talk to this API; a browser gets its answer too.
			call.recorder.hop(
				'browser',
				this.node,
				'request',
				'in',
				`${request.method} ${new URL(request.url).pathname} to the payment API.`
			);
			call.recorder.hop(
				this.node,
				'browser',
				'response',
				'out',
				`The payment API answers ${response.status}.`
			);
		}
		return response;
	}

	private header(request: SimRequest, name: string): string | undefined {
		return request.headers.find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1];
	}

	private answer(request: SimRequest, call: OutsideCall): SimResponse {
		const path = new URL(request.url).pathname;
		if (path !== '/v1/charges') {
			return apiError(404, 'Not Found', {
				type: 'invalid_request_error',
				message: `Unrecognized request URL (${request.method}: ${path}).`
			});
		}
		if (request.method !== 'POST') {
			return apiError(405, 'Method Not Allowed', {
				type: 'invalid_request_error',
				message: `Unrecognized request URL (${request.method}: ${path}). Charges are created with POST.`
			});
		}
		const auth = this.header(request, 'Authorization') ?? '';
		const key = /^Bearer (.+)$/.exec(auth)?.[1];
		if (key !== PAYMENTS_SECRET_KEY) {
			return apiError(401, 'Unauthorized', {
				type: 'invalid_request_error',
				message: key
					? `Invalid API Key provided: ${key.slice(0, 8)}${'*'.repeat(Math.max(0, key.length - 12))}${key.slice(-4)}`
					: "You did not provide an API key. Send it in the Authorization header: 'Authorization: Bearer YOUR_SECRET_KEY'."
			});
		}
		const body = new TextDecoder().decode(request.body);
		const idempotencyKey = this.header(request, 'Idempotency-Key');
		if (idempotencyKey) {
			const seen = this.#idempotency.get(idempotencyKey);
			if (seen) {
				if (seen.body !== body) {
					return apiError(400, 'Bad Request', {
						type: 'idempotency_error',
						message:
							'Keys for idempotent requests can only be used with the same parameters they were first used with.'
					});
				}
				return {
					...seen.response,
					headers: [...seen.response.headers, ['Idempotent-Replayed', 'true']]
				};
			}
		}
		const response = this.charge(body, call.now());
		if (idempotencyKey && response.status !== 400) {
			this.#idempotency.set(idempotencyKey, { body, response });
		}
		return response;
	}

	private charge(text: string, now: number): SimResponse {
		let params: Record<string, unknown>;
		try {
			params = JSON.parse(text) as Record<string, unknown>;
		} catch {
			return apiError(400, 'Bad Request', {
				type: 'invalid_request_error',
				message: 'Invalid JSON in the request body.'
			});
		}
		const amount = params.amount;
		if (typeof amount !== 'number' || !Number.isInteger(amount) || amount < 50) {
			return apiError(400, 'Bad Request', {
				type: 'invalid_request_error',
				param: 'amount',
				message: 'Amount must be a whole number of cents, at least 50.'
			});
		}
		const card = (params.card ?? {}) as { number?: unknown };
		const digits = String(card.number ?? '').replace(/[\s-]/g, '');
		if (!luhnValid(digits)) {
			return apiError(402, 'Payment Required', {
				type: 'card_error',
				code: 'incorrect_number',
				param: 'card[number]',
				message: 'Your card number is incorrect.'
			});
		}
		if (digits === TEST_CARDS.declined.replace(/ /g, '')) {
			return apiError(402, 'Payment Required', {
				type: 'card_error',
				code: 'card_declined',
				decline_code: 'generic_decline',
				message: 'Your card was declined.'
			});
		}
		const charge: Charge = {
			id: `ch_${String(this.#next++).padStart(4, '0')}${Math.random().toString(36).slice(2, 10)}`,
			object: 'charge',
			amount,
			currency: String(params.currency ?? 'eur'),
			description: String(params.description ?? ''),
			status: 'succeeded',
			paid: true,
			card: { last4: digits.slice(-4) },
			metadata: (params.metadata ?? {}) as Record<string, unknown>,
			created: Math.floor(now / 1000)
		};
		this.#charges.push(charge);
		return json(200, 'OK', charge);
	}
}
