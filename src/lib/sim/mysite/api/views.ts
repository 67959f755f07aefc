/** api/views.py: Django REST framework views over the shop and the blog. */
import type { User } from '../../django/auth';
import type { HttpRequest, HttpResponse, ViewKwargs } from '../../django/http';
import { ran } from '../../django/views/runtime';
import { Post } from '../blog/models';
import type { ModelSerializer } from '../rest-framework/serializers';
import {
	AllowAny,
	IsAuthenticated,
	IsAuthenticatedOrReadOnly
} from '../rest-framework/permissions';
import {
	ListAPIView,
	ListCreateAPIView,
	RetrieveUpdateDestroyAPIView
} from '../rest-framework/generics';
import { Order, Product } from '../shop/models';
import { pySource, type PySource } from '../sources';
import { IsAuthorOrReadOnly, IsOwner } from './permissions';
import { OrderSerializer, PostSerializer, ProductSerializer } from './serializers';

const FILE = 'api/views.py';

/** Records the class's attribute lines before DRF's dispatch runs. */
function classLines(request: HttpRequest, code: PySource, lines: string[], summary: string): void {
	ran(request, code.ref(...lines), summary);
}

const productCode = pySource(FILE, 'ProductList');

export class ProductList extends ListAPIView<Product> {
	override queryset = Product.objects.all();
	override serializer_class = ProductSerializer;
	override permission_classes = [AllowAny];

	override dispatch(request: HttpRequest, kwargs: ViewKwargs): Promise<HttpResponse> {
		classLines(
			request,
			productCode,
			[
				'queryset = Product.objects.all()',
				'serializer_class = ProductSerializer',
				'permission_classes = [permissions.AllowAny]'
			],
			'Anyone may list the products, as JSON.'
		);
		return super.dispatch(request, kwargs);
	}
}

const orderListCode = pySource(FILE, 'OrderList');

export class OrderList extends ListCreateAPIView<Order> {
	override serializer_class = OrderSerializer;
	override permission_classes = [IsAuthenticated];

	override dispatch(request: HttpRequest, kwargs: ViewKwargs): Promise<HttpResponse> {
		classLines(
			request,
			orderListCode,
			['serializer_class = OrderSerializer', 'permission_classes = [permissions.IsAuthenticated]'],
			'Only a logged-in customer (by token or session) may list or place orders.'
		);
		return super.dispatch(request, kwargs);
	}

	override get_queryset() {
		ran(
			this.request,
			orderListCode.ref('return Order.objects.filter(user=self.request.user)'),
			'Only your own orders.'
		);
		return Order.objects.filter({ user: this.request.user as User });
	}

	override perform_create(serializer: ModelSerializer<Order>): void {
		ran(
			this.request,
			orderListCode.ref('serializer.save(user=self.request.user)'),
			'Saves the order for you; place_order() takes the items from stock in one transaction.'
		);
		serializer.save({ user: this.request.user as User });
	}
}

const orderDetailCode = pySource(FILE, 'OrderDetail');

export class OrderDetail extends RetrieveUpdateDestroyAPIView<Order> {
	override queryset = Order.objects.all();
	override serializer_class = OrderSerializer;
	override permission_classes = [IsAuthenticated, IsOwner];

	override dispatch(request: HttpRequest, kwargs: ViewKwargs): Promise<HttpResponse> {
		classLines(
			request,
			orderDetailCode,
			[
				'queryset = Order.objects.all()',
				'permission_classes = [permissions.IsAuthenticated, IsOwner]'
			],
			'One order: only its owner may see, change or delete it.'
		);
		return super.dispatch(request, kwargs);
	}
}

const postListCode = pySource(FILE, 'PostList');

export class PostList extends ListCreateAPIView<Post> {
	override queryset = Post.objects.all();
	override serializer_class = PostSerializer;
	override permission_classes = [IsAuthenticatedOrReadOnly];

	override dispatch(request: HttpRequest, kwargs: ViewKwargs): Promise<HttpResponse> {
		classLines(
			request,
			postListCode,
			[
				'queryset = Post.objects.all()',
				'permission_classes = [permissions.IsAuthenticatedOrReadOnly]'
			],
			'Anyone may read posts; only a logged-in user may write one.'
		);
		return super.dispatch(request, kwargs);
	}

	override perform_create(serializer: ModelSerializer<Post>): void {
		ran(
			this.request,
			postListCode.ref('serializer.save(author=self.request.user)'),
			'You become the author of the new post.'
		);
		serializer.save({ author: this.request.user as User });
	}
}

const postDetailCode = pySource(FILE, 'PostDetail');

export class PostDetail extends RetrieveUpdateDestroyAPIView<Post> {
	override queryset = Post.objects.all();
	override serializer_class = PostSerializer;
	override permission_classes = [IsAuthenticatedOrReadOnly, IsAuthorOrReadOnly];

	override dispatch(request: HttpRequest, kwargs: ViewKwargs): Promise<HttpResponse> {
		classLines(
			request,
			postDetailCode,
			[
				'queryset = Post.objects.all()',
				'permission_classes = [permissions.IsAuthenticatedOrReadOnly, IsAuthorOrReadOnly]'
			],
			'One post: anyone may read it; only its author may change or delete it.'
		);
		return super.dispatch(request, kwargs);
	}
}

export const views = {
	ProductList: ProductList.as_view({
		viewName: 'api.views.ProductList',
		source: productCode.header
	}),
	OrderList: OrderList.as_view({ viewName: 'api.views.OrderList', source: orderListCode.header }),
	OrderDetail: OrderDetail.as_view({
		viewName: 'api.views.OrderDetail',
		source: orderDetailCode.header
	}),
	PostList: PostList.as_view({ viewName: 'api.views.PostList', source: postListCode.header }),
	PostDetail: PostDetail.as_view({
		viewName: 'api.views.PostDetail',
		source: postDetailCode.header
	})
};
