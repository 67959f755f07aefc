/**
 * shop/checkout.py, line by line (the full project only): the order is placed and the card
 * charged in one transaction, so a declined card or a provider that does not answer leaves no
 * order and the stock as it was; the hidden `checkout_id` makes the idempotency key, so sending
 * the form twice (or again after a timeout) never charges twice; the confirmation email goes out
 * through the mail server after the order is paid.
 */
import type { User } from '../../django/auth/models';
import { send_mail } from '../../django/core/mail';
import { defineView, type HttpRequest } from '../../django/http';
import { QueryDict } from '../../django/query-dict';
import { redirect, render, renderToString } from '../../django/shortcuts';
import { login_required } from '../../django/views';
import { ran } from '../../django/views/runtime';
import { pySource } from '../sources';
import { CheckoutForm } from './forms';
import { Order, OutOfStock, place_order, type Product } from './models';
import { CardDeclined, charge, PaymentUnavailable } from './payments';

const code = pySource('shop/checkout.py', 'checkout');

type Session = {
	get(name: string, fallback?: unknown): unknown;
	set(name: string, value: unknown): void;
};

function sessionOf(request: HttpRequest): Session {
	return request.session as unknown as Session;
}

/** `uuid.uuid4().hex`. */
function uuid4hex(): string {
	return crypto.randomUUID().replace(/-/g, '');
}

/** `int(product.price * quantity * 100)`: cents, from the Decimal price. */
function cents(product: Product, quantity: number): number {
	const [whole, fraction = ''] = String(product.price).split('.');
	return (Number(whole) * 100 + Number((fraction + '00').slice(0, 2))) * quantity;
}

export const checkout = login_required(
	defineView(
		'shop.checkout.checkout',
		async (request) => {
			ran(
				request,
				code.ref('paid = request.session.get("paid_checkouts", {})', 'status = 200'),
				'Reads which checkouts this session has paid already.'
			);
			const paid = {
				...((sessionOf(request).get('paid_checkouts', {}) ?? {}) as Record<string, number>)
			};
			let status = 200;
			let form: CheckoutForm;
			if (request.method === 'POST') {
				ran(
					request,
					code.ref(
						'if request.method == "POST":',
						'form = CheckoutForm(request.POST)',
						'if form.is_valid():'
					),
					'Fills a CheckoutForm with the POST data and checks it.'
				);
				form = new CheckoutForm({ data: request.POST });
				if (form.is_valid()) {
					const checkoutId = String(form.cleaned_data.checkout_id);
					ran(
						request,
						code.ref(
							'checkout_id = form.cleaned_data["checkout_id"]',
							'if checkout_id in paid:  # the same form sent twice: it is paid already'
						),
						`Checkout ${checkoutId}: ${checkoutId in paid ? 'paid already' : 'not paid yet'}.`
					);
					if (checkoutId in paid) {
						ran(
							request,
							code.ref('return redirect("shop:order_confirmation", pk=paid[checkout_id])'),
							`This form was sent before and order ${paid[checkoutId]} is paid: no second order, no second charge.`
						);
						return redirect(request, 'shop:order_confirmation', {
							kwargs: { pk: paid[checkoutId] }
						});
					}
					const product = form.cleaned_data.product as Product;
					const quantity = form.cleaned_data.quantity as number;
					const user = request.user as User;
					let order: Order | undefined;
					let paidCharge: Record<string, unknown> | undefined;
					ran(
						request,
						code.ref(
							'with transaction.atomic():  # a declined card undoes the order and the stock',
							'order = place_order(request.user, product, quantity)'
						),
						`In one transaction: places the order (${quantity} × ${String(product)}) and takes it from stock…`
					);
					try {
						await Order.objects.db.atomicAsync(async () => {
							order = place_order(user, product, quantity);
							ran(
								request,
								code.ref(
									'charge = payments.charge(',
									'amount=int(product.price * quantity * 100),',
									'idempotency_key=f"checkout-{request.user.pk}-{checkout_id}",'
								),
								'…then charges the card through the payment API.'
							);
							paidCharge = await charge(request, {
								amount: cents(product, quantity),
								card_number: String(form.cleaned_data.card_number),
								description: `${quantity} × ${product.name}`,
								idempotency_key: `checkout-${user.pk}-${checkoutId}`
							});
							ran(
								request,
								code.ref('order.status = "paid"', 'order.save(update_fields=["status"])'),
								'Paid: the order is marked paid, and the transaction commits.'
							);
							order.status = 'paid';
							order.save({ updateFields: ['status'], orm: 'order.save(update_fields=["status"])' });
						});
					} catch (error) {
						if (error instanceof OutOfStock) {
							ran(
								request,
								code.ref('except OutOfStock as error:', 'form.add_error("quantity", str(error))'),
								'Not enough stock: nothing was charged; the error goes under the quantity.'
							);
							form.add_error('quantity', error.message);
						} else if (error instanceof CardDeclined) {
							ran(
								request,
								code.ref(
									'except payments.CardDeclined as error:',
									'form.add_error("card_number", str(error))',
									'form.data = form.data.copy()  # this attempt is over: the next one gets a new key',
									'form.data["checkout_id"] = uuid.uuid4().hex'
								),
								'Declined: the transaction is rolled back (no order, stock as it was), the provider’s message goes under the card number, and the next attempt gets a new checkout id (the provider remembers this key’s answer).'
							);
							form.add_error('card_number', error.message);
							const data = QueryDict.fromEntries(request.POST.items());
							data.setlist('checkout_id', [uuid4hex()]);
							(form as { data: unknown }).data = data;
						} else if (error instanceof PaymentUnavailable) {
							ran(
								request,
								code.ref(
									'except payments.PaymentUnavailable:',
									'form.add_error(None, PAYMENT_UNAVAILABLE)',
									'status = 503'
								),
								'No answer from the provider: the order is rolled back and the form comes back with 503; sending it again reuses the same idempotency key.'
							);
							form.add_error(
								null,
								'The payment service did not answer. Your card has not been charged: please try again.'
							);
							status = 503;
						} else throw error;
					}
					if (order && paidCharge) {
						const placed = order as Order;
						ran(
							request,
							code.ref(
								'request.session["paid_checkouts"] = {**paid, checkout_id: order.pk}',
								'url = request.build_absolute_uri(order.get_absolute_url())',
								'body = render_to_string("shop/order_email.txt", {"order": order, "charge": charge, "url": url})'
							),
							'Remembers the paid checkout in the session and writes the confirmation email.'
						);
						sessionOf(request).set('paid_checkouts', { ...paid, [checkoutId]: placed.pk });
						const body = renderToString(request, 'shop/order_email.txt', {
							order: placed,
							charge: paidCharge,
							url: request.build_absolute_uri(placed.get_absolute_url())
						});
						ran(
							request,
							code.ref(
								'send_mail(f"Your order {order.pk} at mysite", body, None, [request.user.email], fail_silently=True)'
							),
							`send_mail(): the confirmation goes to ${user.email} through the mail server.`
						);
						try {
							send_mail(request.sim, `Your order ${placed.pk} at mysite`, body, null, [user.email]);
						} catch {
							// fail_silently=True: the order is paid whether or not the mail went.
						}
						ran(request, code.ref('return redirect(order)'), 'Redirects to the confirmation.');
						return redirect(request, placed);
					}
				}
			} else {
				ran(
					request,
					code.ref(
						'initial = {"product": request.GET.get("product"), "quantity": 1, "checkout_id": uuid.uuid4().hex}',
						'form = CheckoutForm(initial=initial)'
					),
					'A new checkout form, with a fresh checkout id in a hidden field.'
				);
				form = new CheckoutForm({
					initial: { product: request.GET.get('product'), quantity: 1, checkout_id: uuid4hex() }
				});
			}
			ran(
				request,
				code.ref('return render(request, "shop/checkout.html", {"form": form}, status=status)'),
				status === 503
					? 'Renders the checkout form again, status 503.'
					: 'Renders the checkout form.'
			);
			return render(request, 'shop/checkout.html', { form }, { status });
		},
		{ source: code.header }
	)
);
