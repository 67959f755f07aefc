/** shop/views.py, line by line (see blog/views.ts for how `ran()` ties TypeScript to Python). */
import type { User } from '../../django/auth/models';
import { defineView, PermissionDenied, type HttpRequest, type ViewKwargs } from '../../django/http';
import { get_object_or_404, redirect, render } from '../../django/shortcuts';
import { DetailView, ListView, login_required } from '../../django/views';
import { ran } from '../../django/views/runtime';
import { pySource } from '../sources';
import { OrderForm } from './forms';
import { Order, OutOfStock, Product, place_order } from './models';

const FILE = 'shop/views.py';

const listCode = pySource(FILE, 'ProductListView');

export class ProductListView extends ListView<Product> {
	override model = Product;

	override get(request: HttpRequest, kwargs: ViewKwargs) {
		ran(request, listCode.ref('model = Product'), 'ListView lists every Product.');
		return super.get(request, kwargs);
	}
}

const detailCode = pySource(FILE, 'ProductDetailView');

export class ProductDetailView extends DetailView<Product> {
	override model = Product;

	override get(request: HttpRequest, kwargs: ViewKwargs) {
		ran(
			request,
			detailCode.ref('model = Product  # finds the product by the slug in the URL'),
			`DetailView finds the Product whose slug is "${kwargs.slug}", or answers 404.`
		);
		return super.get(request, kwargs);
	}
}

const orderCode = pySource(FILE, 'order_form');
const placeCode = pySource('shop/models.py', 'place_order');

export const order_form = login_required(
	defineView(
		'shop.views.order_form',
		(request) => {
			let form: OrderForm;
			if (request.method === 'POST') {
				ran(
					request,
					orderCode.ref(
						'if request.method == "POST":',
						'form = OrderForm(request.POST)',
						'if form.is_valid():'
					),
					'Fills an OrderForm with the POST data and checks it.'
				);
				form = new OrderForm({ data: request.POST });
				if (form.is_valid()) {
					const product = form.cleaned_data.product as Product;
					const quantity = form.cleaned_data.quantity as number;
					ran(
						request,
						orderCode.ref(
							'product = form.cleaned_data["product"]',
							'quantity = form.cleaned_data["quantity"]',
							'order = place_order(request.user, product, quantity)'
						),
						`Places the order: ${quantity} × ${String(product)}.`
					);
					ran(
						request,
						placeCode.ref(
							'with transaction.atomic():',
							'order = Order.objects.create(user=user, product=product, quantity=quantity)',
							'taken = Product.objects.filter(pk=product.pk, stock__gte=quantity).update(stock=F("stock") - quantity)'
						),
						'In one transaction: creates the order, then takes the items from stock.'
					);
					try {
						const order = place_order(request.user as User, product, quantity);
						ran(request, orderCode.ref('return redirect(order)'), 'Redirects to the confirmation.');
						return redirect(request, order);
					} catch (error) {
						if (!(error instanceof OutOfStock)) throw error;
						ran(
							request,
							placeCode.ref(
								'product.refresh_from_db()',
								'raise OutOfStock(f"Only {product.stock} left in stock.")'
							),
							'Not enough stock: the transaction is rolled back, so the order is gone too.'
						);
						ran(
							request,
							orderCode.ref(
								'except OutOfStock as error:',
								'form.add_error("quantity", str(error))'
							),
							'The error goes under the quantity field.'
						);
						form.add_error('quantity', error.message);
					}
				}
			} else {
				ran(
					request,
					orderCode.ref(
						'form = OrderForm(initial={"product": request.GET.get("product"), "quantity": 1})'
					),
					'A new order form, with the product from ?product= chosen.'
				);
				form = new OrderForm({ initial: { product: request.GET.get('product'), quantity: 1 } });
			}
			ran(
				request,
				orderCode.ref('return render(request, "shop/order_form.html", {"form": form})'),
				'Renders the order form.'
			);
			return render(request, 'shop/order_form.html', { form });
		},
		{ source: orderCode.header }
	)
);

const confirmCode = pySource(FILE, 'order_confirmation');

export const order_confirmation = login_required(
	defineView(
		'shop.views.order_confirmation',
		(request, { pk }) => {
			ran(
				request,
				confirmCode.ref('order = get_object_or_404(Order, pk=pk)'),
				`Looks up order ${pk}.`
			);
			const order = get_object_or_404(Order, { pk });
			ran(request, confirmCode.ref('if order.user != request.user:'), 'Checks whose order it is.');
			if (order.user.pk !== request.user.pk) {
				ran(request, confirmCode.ref('raise PermissionDenied'), "Someone else's order: 403.");
				throw new PermissionDenied();
			}
			ran(
				request,
				confirmCode.ref('return render(request, "shop/order_confirmation.html", {"order": order})'),
				'Renders the confirmation.'
			);
			return render(request, 'shop/order_confirmation.html', { order });
		},
		{ source: confirmCode.header }
	)
);

export const views = {
	ProductListView: ProductListView.as_view({
		viewName: 'shop.views.ProductListView',
		source: listCode.header
	}),
	ProductDetailView: ProductDetailView.as_view({
		viewName: 'shop.views.ProductDetailView',
		source: detailCode.header
	}),
	order_form,
	order_confirmation
};
