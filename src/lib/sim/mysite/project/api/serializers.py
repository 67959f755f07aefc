from rest_framework import serializers

from blog.models import Post
from shop.models import Order, OutOfStock, Product, place_order


class ProductSerializer(serializers.ModelSerializer):
    class Meta:
        model = Product
        fields = ["id", "name", "slug", "price", "stock", "description"]


class OrderSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:order_detail")

    class Meta:
        model = Order
        fields = ["id", "url", "product", "quantity", "status", "created"]
        read_only_fields = ["status"]

    def create(self, validated_data):
        try:
            return place_order(**validated_data)
        except OutOfStock as error:
            raise serializers.ValidationError({"quantity": [str(error)]})


class PostSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:post_detail")
    author = serializers.ReadOnlyField(source="author.username")

    class Meta:
        model = Post
        fields = ["id", "url", "title", "body", "author", "created"]
