"""The root URLconf: Django tries these patterns in order, top to bottom."""

from django.urls import include, path

from reports import views as report_views

from . import views

urlpatterns = [
    path("", views.home, name="home"),
    path("blog/", include("blog.urls")),
    path("shop/", include("shop.urls")),
    path("accounts/", include("accounts.urls")),
    path("api/", include("api.urls")),
    path("reports/slow/", report_views.slow_report, name="slow_report"),
    path("boom/", views.boom, name="boom"),
]
