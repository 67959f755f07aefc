/** api/urls.py. */
import { path } from '../../django/urls';
import { views } from './views';

export const app_name = 'api';

export const urlpatterns = [
	path('products/', views.ProductList, { name: 'product_list' }),
	path('orders/', views.OrderList, { name: 'order_list' }),
	path('orders/<int:pk>/', views.OrderDetail, { name: 'order_detail' }),
	path('posts/', views.PostList, { name: 'post_list' }),
	path('posts/<int:pk>/', views.PostDetail, { name: 'post_detail' })
];
