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
