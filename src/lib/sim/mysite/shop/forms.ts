/** shop/forms.py: OrderForm. */
import { ModelForm } from '../../django/forms';
import { Order } from './models';

export class OrderForm extends ModelForm<Order> {
	static override python_name = 'OrderForm';
	static override model = Order;
	static override fields = ['product', 'quantity'];
}
