"""The full project's URLconf: everything in urls.py, and the pages of the full project."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import path

from accounts import oidc
from shop import checkout

from .urls import urlpatterns as site_urlpatterns

urlpatterns = [
    path("admin/", admin.site.urls),
    *site_urlpatterns,
    # Log in with Example ID (OpenID Connect)
    path("accounts/oidc/login/", oidc.oidc_login, name="oidc_login"),
    path("accounts/oidc/callback/", oidc.oidc_callback, name="oidc_callback"),
    # Mail server: password reset by email (the names django.contrib.auth.urls gives them).
    path("accounts/password_reset/", auth_views.PasswordResetView.as_view(), name="password_reset"),
    path("accounts/password_reset/done/", auth_views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path("accounts/reset/<uidb64>/<token>/", auth_views.PasswordResetConfirmView.as_view(), name="password_reset_confirm"),
    path("accounts/reset/done/", auth_views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
    # Payment API: paying for an order with a card.
    path("shop/checkout/", checkout.checkout, name="checkout"),
]
