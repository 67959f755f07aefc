/** shop/urls.py. */
import { path } from '../../django/urls';
import { views } from './views';

export const app_name = 'shop';

export const urlpatterns = [
	path('', views.ProductListView, { name: 'product_list' }),
	path('products/<slug:slug>/', views.ProductDetailView, { name: 'product_detail' }),
	path('order/', views.order_form, { name: 'order_form' }),
	path('orders/<int:pk>/', views.order_confirmation, { name: 'order_confirmation' })
];
