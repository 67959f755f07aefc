/** api/serializers.py. */
import type { User } from '../../django/auth';
import type { ModelClass } from '../../django/db';
import { Post } from '../blog/models';
import {
	HyperlinkedIdentityField,
	ModelSerializer,
	ReadOnlyField
} from '../rest-framework/serializers';
import { ValidationError } from '../rest-framework/exceptions';
import { Order, OutOfStock, Product, place_order } from '../shop/models';
import { ran } from '../../django/views/runtime';
import { pySource } from '../sources';

const orderCode = pySource('api/serializers.py', 'OrderSerializer');
const placeCode = pySource('shop/models.py', 'place_order');

export class ProductSerializer extends ModelSerializer<Product> {
	static override model = Product as unknown as ModelClass;
	static override fields = ['id', 'name', 'slug', 'price', 'stock', 'description'];
}

export class OrderSerializer extends ModelSerializer<Order> {
	static override model = Order as unknown as ModelClass;
	static override fields = ['id', 'url', 'product', 'quantity', 'status', 'created'];
	static override read_only_fields = ['status'];
	static override declared = { url: new HyperlinkedIdentityField('api:order_detail') };

	override create(validated: Record<string, unknown>): Order {
		const request = this.context.request;
		ran(
			request,
			orderCode.ref('return place_order(**validated_data)'),
			'The serializer hands the order to place_order().'
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
			return place_order(
				validated.user as User,
				validated.product as Product,
				validated.quantity as number
			);
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
					'raise serializers.ValidationError({"quantity": [str(error)]})'
				),
				'DRF answers 400 with the message under "quantity".'
			);
			throw new ValidationError({ quantity: [error.message] });
		}
	}
}

export class PostSerializer extends ModelSerializer<Post> {
	static override model = Post as unknown as ModelClass;
	static override fields = ['id', 'url', 'title', 'body', 'author', 'created'];
	static override declared = {
		url: new HyperlinkedIdentityField('api:post_detail'),
		author: new ReadOnlyField('author.username')
	};
}
