/** shop/admin.py: the shop's models in Django's admin (the full project only). */
import { ModelAdmin, site } from '../../django/contrib/admin';
import type { ModelClass } from '../../django/db';
import { Order, Product } from './models';

export class ProductAdmin extends ModelAdmin<Product> {
	override python_name = 'shop.admin.ProductAdmin';
	override list_display = ['name', 'price', 'stock'];
	override list_editable = ['stock'];
	override prepopulated_fields = { slug: ['name'] };
	override search_fields = ['name', 'description'];
}

export class OrderAdmin extends ModelAdmin<Order> {
	override python_name = 'shop.admin.OrderAdmin';
	override list_display = ['__str__', 'user', 'status', 'created'];
	override list_filter = ['status'];
	override readonly_fields = ['user', 'product', 'quantity', 'created'];
}

site.register(Product as unknown as ModelClass, ProductAdmin as never);
site.register(Order as unknown as ModelClass, OrderAdmin as never);
