/** blog/admin.py: the blog's models in Django's admin (the full project only). */
import { ModelAdmin, site, TabularInline } from '../../django/contrib/admin';
import type { ModelClass } from '../../django/db';
import { Comment, Post } from './models';

export class CommentInline extends TabularInline {
	override model = Comment as unknown as ModelClass;
	override fk_name = 'post';
	override fields = ['name', 'body'];
	override extra = 0;
}

export class PostAdmin extends ModelAdmin<Post> {
	override python_name = 'blog.admin.PostAdmin';
	override list_display = ['title', 'author', 'created'];
	override list_filter = ['author'];
	override search_fields = ['title', 'body'];
	override readonly_fields = ['created'];
	override inlines = [CommentInline];
}

site.register(Post as unknown as ModelClass, PostAdmin as never);
