from django.urls import path

from . import views

app_name = "shop"
urlpatterns = [
    path("", views.ProductListView.as_view(), name="product_list"),
    path("products/<slug:slug>/", views.ProductDetailView.as_view(), name="product_detail"),
    path("order/", views.order_form, name="order_form"),
    path("orders/<int:pk>/", views.order_confirmation, name="order_confirmation"),
]
