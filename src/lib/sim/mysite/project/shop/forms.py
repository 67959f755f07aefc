from django import forms

from .models import Order, Product


class OrderForm(forms.ModelForm):
    class Meta:
        model = Order
        fields = ["product", "quantity"]


class CheckoutForm(forms.Form):
    product = forms.ModelChoiceField(queryset=Product.objects.all())
    quantity = forms.IntegerField(min_value=1)
    card_number = forms.CharField(
        max_length=23, help_text="Test cards: 4242 4242 4242 4242 is paid, 4000 0000 0000 0002 is declined."
    )
    # Made once per checkout page: sending the form twice charges once (the idempotency key).
    checkout_id = forms.CharField(widget=forms.HiddenInput)
