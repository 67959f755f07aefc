import uuid

from django.contrib.auth.decorators import login_required
from django.core.mail import send_mail
from django.db import transaction
from django.shortcuts import redirect, render
from django.template.loader import render_to_string

from . import payments
from .forms import CheckoutForm
from .models import OutOfStock, place_order

PAYMENT_UNAVAILABLE = "The payment service did not answer. Your card has not been charged: please try again."


@login_required
def checkout(request):
    paid = request.session.get("paid_checkouts", {})
    status = 200
    if request.method == "POST":
        form = CheckoutForm(request.POST)
        if form.is_valid():
            checkout_id = form.cleaned_data["checkout_id"]
            if checkout_id in paid:  # the same form sent twice: it is paid already
                return redirect("shop:order_confirmation", pk=paid[checkout_id])
            product = form.cleaned_data["product"]
            quantity = form.cleaned_data["quantity"]
            try:
                with transaction.atomic():  # a declined card undoes the order and the stock
                    order = place_order(request.user, product, quantity)
                    charge = payments.charge(
                        amount=int(product.price * quantity * 100),
                        card_number=form.cleaned_data["card_number"],
                        description=f"{quantity} × {product.name}",
                        idempotency_key=f"checkout-{request.user.pk}-{checkout_id}",
                    )
                    order.status = "paid"
                    order.save(update_fields=["status"])
            except OutOfStock as error:
                form.add_error("quantity", str(error))
            except payments.CardDeclined as error:
                form.add_error("card_number", str(error))
                form.data = form.data.copy()  # this attempt is over: the next one gets a new key
                form.data["checkout_id"] = uuid.uuid4().hex
            except payments.PaymentUnavailable:
                form.add_error(None, PAYMENT_UNAVAILABLE)
                status = 503
            else:
                request.session["paid_checkouts"] = {**paid, checkout_id: order.pk}
                url = request.build_absolute_uri(order.get_absolute_url())
                body = render_to_string("shop/order_email.txt", {"order": order, "charge": charge, "url": url})
                send_mail(f"Your order {order.pk} at mysite", body, None, [request.user.email], fail_silently=True)
                return redirect(order)
    else:
        initial = {"product": request.GET.get("product"), "quantity": 1, "checkout_id": uuid.uuid4().hex}
        form = CheckoutForm(initial=initial)
    return render(request, "shop/checkout.html", {"form": form}, status=status)
