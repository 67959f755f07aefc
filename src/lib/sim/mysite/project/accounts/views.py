from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render

from .forms import ProfileForm

User = get_user_model()


@login_required
def profile(request):
    posts = request.user.posts.all()
    return render(request, "accounts/profile.html", {"profile_user": request.user, "posts": posts})


def user_detail(request, username):
    profile_user = get_object_or_404(User, username=username)
    posts = profile_user.posts.all()
    return render(request, "accounts/profile.html", {"profile_user": profile_user, "posts": posts})


@login_required
def user_edit(request, username):
    profile_user = get_object_or_404(User, username=username)
    if profile_user != request.user:
        raise PermissionDenied
    if request.method == "POST":
        form = ProfileForm(request.POST, instance=profile_user)
        if form.is_valid():
            form.save()
            return redirect("user_detail", username=profile_user.username)
    else:
        form = ProfileForm(instance=profile_user)
    return render(request, "accounts/profile_form.html", {"form": form, "profile_user": profile_user})
