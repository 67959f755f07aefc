from django.contrib import admin

from .models import Order, Product


@admin.register(Product)
class ProductAdmin(admin.ModelAdmin):
    list_display = ["name", "price", "stock"]
    list_editable = ["stock"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name", "description"]


@admin.register(Order)
class OrderAdmin(admin.ModelAdmin):
    list_display = ["__str__", "user", "status", "created"]
    list_filter = ["status"]
    readonly_fields = ["user", "product", "quantity", "created"]
