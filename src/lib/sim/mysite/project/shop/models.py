from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models, transaction
from django.db.models import F
from django.urls import reverse


class Product(models.Model):
    name = models.CharField(max_length=100)
    slug = models.SlugField(unique=True)
    price = models.DecimalField(max_digits=8, decimal_places=2)
    stock = models.PositiveIntegerField(default=0)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("shop:product_detail", args=[self.slug])


class Order(models.Model):
    STATUS_CHOICES = [("new", "New"), ("paid", "Paid"), ("shipped", "Shipped")]

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="orders")
    product = models.ForeignKey(Product, on_delete=models.PROTECT, related_name="orders")
    quantity = models.PositiveIntegerField(validators=[MinValueValidator(1)])
    created = models.DateTimeField(auto_now_add=True)
    status = models.CharField(max_length=20, choices=STATUS_CHOICES, default="new")

    class Meta:
        ordering = ["-created"]

    def __str__(self):
        return f"Order {self.pk}: {self.quantity} × {self.product}"

    def get_absolute_url(self):
        return reverse("shop:order_confirmation", args=[self.pk])


class OutOfStock(Exception):
    """The shop has fewer items than the order asks for."""


def place_order(user, product, quantity):
    """Create the order and take the items from stock: both happen, or neither does."""
    with transaction.atomic():
        order = Order.objects.create(user=user, product=product, quantity=quantity)
        # One UPDATE that only succeeds while enough items are left, even if two
        # customers order the last item at the same moment.
        taken = Product.objects.filter(pk=product.pk, stock__gte=quantity).update(stock=F("stock") - quantity)
        if not taken:
            product.refresh_from_db()
            raise OutOfStock(f"Only {product.stock} left in stock.")
    return order
