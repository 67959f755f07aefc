from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.views.generic import DetailView, ListView

from .forms import OrderForm
from .models import Order, OutOfStock, Product, place_order


class ProductListView(ListView):
    model = Product


class ProductDetailView(DetailView):
    model = Product  # finds the product by the slug in the URL


@login_required
def order_form(request):
    if request.method == "POST":
        form = OrderForm(request.POST)
        if form.is_valid():
            product = form.cleaned_data["product"]
            quantity = form.cleaned_data["quantity"]
            try:
                order = place_order(request.user, product, quantity)
            except OutOfStock as error:
                form.add_error("quantity", str(error))
            else:
                return redirect(order)
    else:
        form = OrderForm(initial={"product": request.GET.get("product"), "quantity": 1})
    return render(request, "shop/order_form.html", {"form": form})


@login_required
def order_confirmation(request, pk):
    order = get_object_or_404(Order, pk=pk)
    if order.user != request.user:
        raise PermissionDenied
    return render(request, "shop/order_confirmation.html", {"order": order})
