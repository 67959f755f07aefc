from rest_framework import permissions


class IsOwner(permissions.BasePermission):
    """Only the customer who placed an order may see or change it."""

    def has_object_permission(self, request, view, obj):
        return obj.user == request.user


class IsAuthorOrReadOnly(permissions.BasePermission):
    """Anyone may read a post; only its author may change or delete it."""

    def has_object_permission(self, request, view, obj):
        if request.method in permissions.SAFE_METHODS:
            return True
        return obj.author == request.user
