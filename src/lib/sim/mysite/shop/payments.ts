/**
 * shop/payments.py, line by line: `charge()` sends the charge to the payment API from the view
 * (server to server, `callServer`), with the secret key in `Authorization` and the idempotency
 * key; a 402 becomes `CardDeclined` with the provider's message, no answer `PaymentUnavailable`.
 */
import type { HttpRequest } from '../../django/http';
import { ran } from '../../django/views/runtime';
import { callServer, jsonRequest, OutsideUnavailable } from '../../outside/internet';
import { pySource } from '../sources';

const FILE = 'shop/payments.py';
const code = pySource(FILE, 'charge');

export class CardDeclined extends Error {
	override name = 'CardDeclined';
}

export class PaymentUnavailable extends Error {
	override name = 'PaymentUnavailable';
}

/** settings_full.py's payment settings, as the view reads them from `django.conf.settings`. */
declare module '../../django/settings' {
	interface Settings {
		PAYMENTS_API_URL?: string;
		PAYMENTS_SECRET_KEY?: string;
		PAYMENTS_TIMEOUT?: number;
	}
}

export interface ChargeRequest {
	amount: number;
	card_number: string;
	description: string;
	idempotency_key: string;
}

export async function charge(
	request: HttpRequest,
	args: ChargeRequest
): Promise<Record<string, unknown>> {
	const settings = request.sim.settings;
	const internet = request.sim.internet;
	const url = `${settings.PAYMENTS_API_URL}/v1/charges`;
	const timeoutS = settings.PAYMENTS_TIMEOUT ?? 5;
	ran(
		request,
		code.ref(
			'response = requests.post(',
			'f"{settings.PAYMENTS_API_URL}/v1/charges",',
			'"Authorization": f"Bearer {settings.PAYMENTS_SECRET_KEY}",',
			'"Idempotency-Key": idempotency_key,',
			'timeout=settings.PAYMENTS_TIMEOUT,'
		),
		`requests.post() sends the charge to ${url} from the server, with the secret key and the idempotency key ${args.idempotency_key}.`
	);
	if (!internet) throw new PaymentUnavailable('This project has no payment provider.');
	let response;
	try {
		response = await callServer(
			jsonRequest(
				'POST',
				url,
				{
					amount: args.amount,
					currency: 'eur',
					card: { number: args.card_number },
					description: args.description
				},
				[
					['Authorization', `Bearer ${settings.PAYMENTS_SECRET_KEY}`],
					['Idempotency-Key', args.idempotency_key]
				]
			),
			{
				internet,
				recorder: request.sim.recorder,
				now: () => request.sim.now().getTime(),
				timeoutS,
				summary: `The view asks the payment API to charge ${(args.amount / 100).toFixed(2)} EUR (${args.description}), server to server: the browser never sees this request or its key.`
			}
		);
	} catch (error) {
		if (!(error instanceof OutsideUnavailable)) throw error;
		ran(
			request,
			code.ref(
				'except (requests.exceptions.Timeout, requests.exceptions.ConnectionError) as error:',
				'raise PaymentUnavailable(str(error)) from error'
			),
			`${error.pythonName}: no answer, so PaymentUnavailable.`
		);
		throw new PaymentUnavailable(error.message);
	}
	const body = JSON.parse(String(response.body)) as Record<string, unknown>;
	if (response.status === 402) {
		const message = String((body.error as Record<string, unknown>).message);
		ran(
			request,
			code.ref(
				'if response.status_code == 402:',
				'raise CardDeclined(response.json()["error"]["message"])'
			),
			`402 from the provider: CardDeclined("${message}").`
		);
		throw new CardDeclined(message);
	}
	if (response.status >= 400) {
		ran(
			request,
			code.ref(
				'response.raise_for_status()  # 401 (a wrong key) or 400: a mistake of ours, a 500 page'
			),
			`${response.status} from the provider: raise_for_status() raises HTTPError.`
		);
		const kind = response.status < 500 ? 'Client' : 'Server';
		throw new Error(
			`requests.exceptions.HTTPError: ${response.status} ${kind} Error: ${response.statusText} for url: ${url}`
		);
	}
	ran(request, code.ref('return response.json()'), `The charge ${String(body.id)} succeeded.`);
	return body;
}
