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

# Mail server: Django's SMTP backend sends password reset links and order emails.
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = "mail.mysite.test"
EMAIL_PORT = 25
DEFAULT_FROM_EMAIL = "mysite <noreply@mysite.test>"
# A reset link works for three days (in seconds), as Django's default.
PASSWORD_RESET_TIMEOUT = 259200

# Payment API: the shop charges cards with Example Pay. The secret key stays on the server;
# a real project reads it from the environment (os.environ["PAYMENTS_SECRET_KEY"]).
PAYMENTS_API_URL = "https://api.payments.test"
PAYMENTS_SECRET_KEY = "sk_test_mysite_demo_key_not_secret"
# Seconds the checkout view waits for the payment API before it gives up.
PAYMENTS_TIMEOUT = 5
