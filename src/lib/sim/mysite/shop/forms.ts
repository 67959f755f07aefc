/** shop/forms.py: OrderForm. */
import {
	CharField,
	Form,
	HiddenInput,
	IntegerField,
	ModelChoiceField,
	ModelForm,
	type FormOptions
} from '../../django/forms';
import { Order, Product } from './models';

export class OrderForm extends ModelForm<Order> {
	static override python_name = 'OrderForm';
	static override model = Order;
	static override fields = ['product', 'quantity'];
}

/** shop/forms.py: CheckoutForm (the full project's checkout, paid with a card). */
export class CheckoutForm extends Form {
	static override python_name = 'CheckoutForm';

	constructor(options: FormOptions = {}) {
		super(
			{
				product: new ModelChoiceField<Product>({
					choices: () => [...Product.objects.all()].map((p) => [String(p.pk), String(p)] as const),
					lookup: (value) =>
						/^\d+$/.test(value.trim())
							? [...Product.objects.filter({ pk: Number(value) })][0]
							: undefined
				}),
				quantity: new IntegerField({ minValue: 1 }),
				card_number: new CharField({
					maxLength: 23,
					helpText: 'Test cards: 4242 4242 4242 4242 is paid, 4000 0000 0000 0002 is declined.'
				}),
				checkout_id: new CharField({ widget: new HiddenInput() })
			},
			options
		);
	}
}
