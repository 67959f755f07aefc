from django.contrib.auth import views as auth_views
from django.urls import path

from . import views

urlpatterns = [
    path("login/", auth_views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("profile/", views.profile, name="profile"),
    path("users/<str:username>/", views.user_detail, name="user_detail"),
    path("users/<str:username>/edit/", views.user_edit, name="user_edit"),
]
