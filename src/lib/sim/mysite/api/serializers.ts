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
		try {
			return place_order(
				validated.user as User,
				validated.product as Product,
				validated.quantity as number
			);
		} catch (error) {
			if (error instanceof OutOfStock) throw new ValidationError({ quantity: [error.message] });
			throw error;
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
