"""
Settings for the full mysite: everything in settings.py, and Django's admin site, logging in with
an outside identity provider, a mail server and a payment provider.

The server uses this module when it starts with DJANGO_SETTINGS_MODULE=mysite.settings_full
(for example: gunicorn --env DJANGO_SETTINGS_MODULE=mysite.settings_full mysite.wsgi).
"""

from .settings import *  # noqa: F401,F403
from .settings import INSTALLED_APPS

INSTALLED_APPS = ["django.contrib.admin", *INSTALLED_APPS]

ROOT_URLCONF = "mysite.urls_full"

# Log in with Example ID (OpenID Connect): mysite as registered with the provider.
OIDC_ISSUER = "https://id.example.test"
OIDC_AUTHORIZATION_ENDPOINT = "https://id.example.test/authorize"
OIDC_TOKEN_ENDPOINT = "https://id.example.test/token"
OIDC_JWKS_URL = "https://id.example.test/jwks.json"
OIDC_CLIENT_ID = "mysite"
OIDC_CLIENT_SECRET = "mysite-example-id-secret-7d1f3a"
