"""
The WSGI entry point: gunicorn loads `application` from here.

    gunicorn mysite.wsgi:application --workers 3 --timeout 30
"""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mysite.settings")

application = get_wsgi_application()
