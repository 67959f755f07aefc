from django.urls import path

from . import views

app_name = "api"
urlpatterns = [
    path("products/", views.ProductList.as_view(), name="product_list"),
    path("orders/", views.OrderList.as_view(), name="order_list"),
    path("orders/<int:pk>/", views.OrderDetail.as_view(), name="order_detail"),
    path("posts/", views.PostList.as_view(), name="post_list"),
    path("posts/<int:pk>/", views.PostDetail.as_view(), name="post_detail"),
]
