"""The full project's URLconf: everything in urls.py, and the pages of the full project."""

from .urls import urlpatterns as site_urlpatterns

urlpatterns = [
    *site_urlpatterns,
]
