/** shop/models.py: Product, Order, and place_order(), which sells stock in one transaction. */
import type { User } from '../../django/auth/models';
import {
	CharField,
	DateTimeField,
	DecimalField,
	defineModel,
	F,
	ForeignKey,
	MinValueValidator,
	PositiveIntegerField,
	SlugField,
	TextField,
	type Manager
} from '../../django/db';
import { reverse } from '../reverse';

export class Product extends defineModel({
	app: 'shop',
	name: 'Product',
	fields: {
		name: CharField({ maxLength: 100 }),
		slug: SlugField({ unique: true }),
		price: DecimalField({ maxDigits: 8, decimalPlaces: 2 }),
		stock: PositiveIntegerField({ default: 0 }),
		description: TextField({ blank: true })
	},
	meta: { ordering: ['name'] },
	str: (product) => product.name
}) {
	declare static objects: Manager<Product>;

	get_absolute_url(): string {
		return reverse('shop:product_detail', { args: [this.slug] });
	}
}

export const STATUS_CHOICES = [
	['new', 'New'],
	['paid', 'Paid'],
	['shipped', 'Shipped']
] as const;

export class Order extends defineModel({
	app: 'shop',
	name: 'Order',
	fields: {
		user: ForeignKey<User>('auth.User', { onDelete: 'CASCADE', relatedName: 'orders' }),
		product: ForeignKey<Product>(() => Product, { onDelete: 'PROTECT', relatedName: 'orders' }),
		quantity: PositiveIntegerField({ validators: [MinValueValidator(1)] }),
		created: DateTimeField({ autoNowAdd: true }),
		status: CharField({ maxLength: 20, choices: STATUS_CHOICES, default: 'new' })
	},
	meta: { ordering: ['-created'] },
	str: (order) => `Order ${order.pk}: ${order.quantity} × ${String(order.product)}`
}) {
	declare static objects: Manager<Order>;

	get_absolute_url(): string {
		return reverse('shop:order_confirmation', { args: [this.pk] });
	}

	/** Django gives every field with choices a `get_<field>_display()`. */
	get_status_display(): string {
		return STATUS_CHOICES.find(([key]) => key === this.status)?.[1] ?? this.status;
	}
}

/** The shop has fewer items than the order asks for. */
export class OutOfStock extends Error {
	static readonly pythonName = 'shop.models.OutOfStock';
	override name = 'OutOfStock';
}

/**
 * Create the order and take the items from stock: both happen, or neither does. The UPDATE only
 * matches while enough items are left, so two customers can never both buy the last one; when it
 * matches no row, raising inside `atomic()` rolls the INSERT back.
 */
export function place_order(user: User, product: Product, quantity: number): Order {
	return Order.objects.db.atomic(() => {
		const order = Order.objects.create({ user, product, quantity });
		const taken = Product.objects
			.filter({ pk: product.pk, stock__gte: quantity })
			.update({ stock: F('stock').sub(quantity) });
		if (!taken) {
			product.refresh_from_db();
			throw new OutOfStock(`Only ${product.stock} left in stock.`);
		}
		return order;
	});
}
