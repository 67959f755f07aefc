import { describe, expect, it } from 'vitest';
import { TraceRecorder } from '../../trace';
import { callServer, Internet, jsonRequest } from '../internet';
import { luhnValid, PAYMENTS_SECRET_KEY, PaymentApi, TEST_CARDS } from './index';

function charge(api: PaymentApi, body: unknown, headers: Array<[string, string]>) {
	return callServer(jsonRequest('POST', 'https://api.payments.test/v1/charges', body, headers), {
		internet: new Internet([api]),
		recorder: new TraceRecorder(),
		now: () => 0,
		timeoutS: 5,
		summary: 'charge'
	});
}

const auth: [string, string] = ['Authorization', `Bearer ${PAYMENTS_SECRET_KEY}`];
const body = (number: string) => ({ amount: 1250, currency: 'eur', card: { number } });

describe('the payment API', () => {
	it('charges the good test card, declines the other with 402 and card_declined', async () => {
		const api = new PaymentApi();
		const ok = await charge(api, body(TEST_CARDS.paid), [auth]);
		expect(ok.status).toBe(200);
		expect(JSON.parse(ok.body)).toMatchObject({ object: 'charge', amount: 1250, paid: true });
		const no = await charge(api, body(TEST_CARDS.declined), [auth]);
		expect(no.status).toBe(402);
		expect(JSON.parse(no.body)).toEqual({
			error: {
				type: 'card_error',
				code: 'card_declined',
				decline_code: 'generic_decline',
				message: 'Your card was declined.'
			}
		});
		expect(api.charges).toHaveLength(1);
	});

	it('refuses a wrong or missing key with 401', async () => {
		const api = new PaymentApi();
		const wrong = await charge(api, body(TEST_CARDS.paid), [
			['Authorization', 'Bearer sk_test_nope']
		]);
		expect(wrong.status).toBe(401);
		expect(JSON.parse(wrong.body).error.type).toBe('invalid_request_error');
		expect((await charge(api, body(TEST_CARDS.paid), [])).status).toBe(401);
		expect(api.charges).toHaveLength(0);
	});

	it('answers the first answer again for the same Idempotency-Key, and refuses other parameters', async () => {
		const api = new PaymentApi();
		const key: [string, string] = ['Idempotency-Key', 'checkout-1-abc'];
		const first = await charge(api, body(TEST_CARDS.paid), [auth, key]);
		const again = await charge(api, body(TEST_CARDS.paid), [auth, key]);
		expect(again.body).toBe(first.body);
		expect(again.headers).toContainEqual(['Idempotent-Replayed', 'true']);
		expect(api.charges).toHaveLength(1);
		const other = await charge(api, { ...body(TEST_CARDS.paid), amount: 999 }, [auth, key]);
		expect(other.status).toBe(400);
		expect(JSON.parse(other.body).error.type).toBe('idempotency_error');
		api.reset();
		expect(api.charges).toHaveLength(0);
	});

	it('checks card numbers with Luhn', async () => {
		expect(luhnValid('4242424242424242')).toBe(true);
		expect(luhnValid('4242424242424241')).toBe(false);
		const bad = await charge(new PaymentApi(), body('1234 5678 9012 3456'), [auth]);
		expect(bad.status).toBe(402);
		expect(JSON.parse(bad.body).error.code).toBe('incorrect_number');
	});
});
