"""The full project's URLconf: everything in urls.py, and the pages of the full project."""

from django.urls import path

from accounts import oidc

from .urls import urlpatterns as site_urlpatterns

urlpatterns = [
    *site_urlpatterns,
    # Log in with Example ID (OpenID Connect)
    path("accounts/oidc/login/", oidc.oidc_login, name="oidc_login"),
    path("accounts/oidc/callback/", oidc.oidc_callback, name="oidc_callback"),
]
