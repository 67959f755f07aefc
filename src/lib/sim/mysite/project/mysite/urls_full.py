"""The full project's URLconf: everything in urls.py, and the pages of the full project."""

from django.contrib import admin
from django.urls import path

from .urls import urlpatterns as site_urlpatterns

urlpatterns = [
    path("admin/", admin.site.urls),
    *site_urlpatterns,
]
