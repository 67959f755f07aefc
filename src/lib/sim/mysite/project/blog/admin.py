from django.contrib import admin

from .models import Comment, Post


class CommentInline(admin.TabularInline):
    model = Comment
    fields = ["name", "body"]
    extra = 0


@admin.register(Post)
class PostAdmin(admin.ModelAdmin):
    list_display = ["title", "author", "created"]
    list_filter = ["author"]
    search_fields = ["title", "body"]
    readonly_fields = ["created"]
    inlines = [CommentInline]
