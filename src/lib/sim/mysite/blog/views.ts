/**
 * blog/views.py, line by line. Each `ran()` names the Python line it plays (by its text, checked
 * against the file when the view first runs), so the inspector highlights what really ran.
 */
import { defineView, PermissionDenied, type HttpRequest, type ViewKwargs } from '../../django/http';
import { get_object_or_404, redirect, render } from '../../django/shortcuts';
import {
	CreateView,
	ListView,
	LoginRequiredMixin,
	RedirectView,
	login_required,
	require_POST
} from '../../django/views';
import { ran } from '../../django/views/runtime';
import type { User } from '../../django/auth/models';
import { pySource } from '../sources';
import { CommentForm, PostForm } from './forms';
import { Post } from './models';

const FILE = 'blog/views.py';

const listCode = pySource(FILE, 'PostListView');

/** Line `n` (1-based) of `text`, found without splitting the whole file on every request. */
function lineOf(text: string | undefined, n: number): string | undefined {
	if (text === undefined) return undefined;
	let start = 0;
	for (let i = 1; i < n; i++) {
		start = text.indexOf('\n', start) + 1;
		if (start === 0) return undefined;
	}
	const end = text.indexOf('\n', start);
	return end < 0 ? text.slice(start) : text.slice(start, end);
}

export class PostListView extends ListView<Post> {
	override model = Post;

	override get(request: HttpRequest, kwargs: ViewKwargs) {
		const line = listCode.ref('model = Post  # newest first, as Post.Meta.ordering says');
		// The one view line a student may change in the editor (project-files/load-project.ts).
		const edited = lineOf(request.sim.projectFile?.(FILE), line.lines[0])?.trim();
		if (edited === 'queryset = Post.objects.select_related("author")') {
			this.queryset = Post.objects.select_related('author');
			ran(
				request,
				line,
				'ListView lists every Post, newest first, each with its author from the same query (a JOIN).'
			);
		} else {
			ran(request, line, 'ListView lists every Post, newest first, in blog/post_list.html.');
		}
		return super.get(request, kwargs);
	}
}

const detailCode = pySource(FILE, 'post_detail');

export const post_detail = defineView(
	'blog.views.post_detail',
	(request, { pk }) => {
		ran(request, detailCode.ref('post = get_object_or_404(Post, pk=pk)'), `Looks up post ${pk}.`);
		const post = get_object_or_404(Post, { pk });
		ran(request, detailCode.ref('comments = post.comments.all()'), 'Gets the comments.');
		const comments = post.comments.all();
		ran(request, detailCode.ref('form = CommentForm()'), 'Makes an empty comment form.');
		const form = new CommentForm();
		ran(
			request,
			detailCode.ref(
				'return render(request, "blog/post_detail.html", {"post": post, "comments": comments, "form": form})'
			),
			'Renders the page.'
		);
		return render(request, 'blog/post_detail.html', { post, comments, form });
	},
	{ source: detailCode.header }
);

const commentCode = pySource(FILE, 'add_comment');

export const add_comment = require_POST(
	defineView(
		'blog.views.add_comment',
		(request, { pk }) => {
			ran(
				request,
				commentCode.ref('post = get_object_or_404(Post, pk=pk)'),
				`Looks up post ${pk}.`
			);
			const post = get_object_or_404(Post, { pk });
			ran(
				request,
				commentCode.ref('form = CommentForm(request.POST)', 'if form.is_valid():'),
				'Fills a CommentForm with the POST data and checks it.'
			);
			const form = new CommentForm({ data: request.POST });
			if (form.is_valid()) {
				ran(
					request,
					commentCode.ref(
						'comment = form.save(commit=False)',
						'comment.post = post',
						'comment.save()'
					),
					'The form is valid: saves the comment for this post.'
				);
				const comment = form.save(false);
				comment.post = post;
				comment.save();
				ran(request, commentCode.ref('return redirect(post)'), 'Redirects back to the post.');
				return redirect(request, post);
			}
			ran(
				request,
				commentCode.ref(
					'comments = post.comments.all()',
					'return render(request, "blog/post_detail.html", {"post": post, "comments": comments, "form": form})'
				),
				'The form has errors: shows the page again with them.'
			);
			const comments = post.comments.all();
			return render(request, 'blog/post_detail.html', { post, comments, form });
		},
		{ source: commentCode.header }
	)
);

const createCode = pySource(FILE, 'PostCreateView');

export class PostCreateView extends LoginRequiredMixin(CreateView<Post>) {
	override model = Post;
	override form_class = PostForm;

	override form_valid(form: PostForm) {
		ran(
			this.request,
			createCode.ref('form.instance.author = self.request.user', 'return super().form_valid(form)'),
			'The logged-in user becomes the author; CreateView saves the post.'
		);
		form.instance.author = this.request.user as User;
		return super.form_valid(form);
	}
}

const editCode = pySource(FILE, 'post_edit');

export const post_edit = login_required(
	defineView(
		'blog.views.post_edit',
		(request, { pk }) => {
			ran(request, editCode.ref('post = get_object_or_404(Post, pk=pk)'), `Looks up post ${pk}.`);
			const post = get_object_or_404(Post, { pk });
			ran(request, editCode.ref('if post.author != request.user:'), 'Checks who wrote it.');
			if (post.author.pk !== request.user.pk) {
				ran(request, editCode.ref('raise PermissionDenied'), 'Not the author: 403 Forbidden.');
				throw new PermissionDenied();
			}
			let form: PostForm;
			if (request.method === 'POST') {
				ran(
					request,
					editCode.ref(
						'if request.method == "POST":',
						'form = PostForm(request.POST, instance=post)',
						'if form.is_valid():'
					),
					'Fills the form with the POST data and checks it.'
				);
				form = new PostForm({ data: request.POST, instance: post });
				if (form.is_valid()) {
					ran(
						request,
						editCode.ref('form.save()', 'return redirect(post)'),
						'Saves and redirects.'
					);
					form.save();
					return redirect(request, post);
				}
			} else {
				ran(
					request,
					editCode.ref('form = PostForm(instance=post)'),
					'A form filled with the post.'
				);
				form = new PostForm({ instance: post });
			}
			ran(
				request,
				editCode.ref('return render(request, "blog/post_form.html", {"form": form, "post": post})'),
				'Renders the form.'
			);
			return render(request, 'blog/post_form.html', { form, post });
		},
		{ source: editCode.header }
	)
);

const deleteCode = pySource(FILE, 'post_delete');

export const post_delete = login_required(
	defineView(
		'blog.views.post_delete',
		(request, { pk }) => {
			ran(request, deleteCode.ref('post = get_object_or_404(Post, pk=pk)'), `Looks up post ${pk}.`);
			const post = get_object_or_404(Post, { pk });
			ran(request, deleteCode.ref('if post.author != request.user:'), 'Checks who wrote it.');
			if (post.author.pk !== request.user.pk) {
				ran(request, deleteCode.ref('raise PermissionDenied'), 'Not the author: 403 Forbidden.');
				throw new PermissionDenied();
			}
			if (request.method === 'POST') {
				ran(
					request,
					deleteCode.ref(
						'if request.method == "POST":',
						'post.delete()',
						'return redirect("blog:post_list")'
					),
					'Deletes the post (and its comments) and goes back to the list.'
				);
				post.delete();
				return redirect(request, 'blog:post_list');
			}
			ran(
				request,
				deleteCode.ref('return render(request, "blog/post_confirm_delete.html", {"post": post})'),
				'A GET only asks "are you sure?".'
			);
			return render(request, 'blog/post_confirm_delete.html', { post });
		},
		{ source: deleteCode.header }
	)
);

const archiveCode = pySource(FILE, 'archive_year');

export const archive_year = defineView(
	'blog.views.archive_year',
	(request, { year }) => {
		ran(
			request,
			archiveCode.ref('posts = Post.objects.filter(created__year=year)'),
			`The <int:year> converter gave year=${year} as a number.`
		);
		const posts = Post.objects.filter({ created__year: year });
		ran(
			request,
			archiveCode.ref(
				'return render(request, "blog/post_archive_year.html", {"year": year, "posts": posts})'
			),
			'Renders the archive page.'
		);
		return render(request, 'blog/post_archive_year.html', { year, posts });
	},
	{ source: archiveCode.header }
);

const latestCode = pySource(FILE, 'LatestPostView');

export class LatestPostView extends RedirectView {
	override get_redirect_url(): string | null {
		ran(
			this.request,
			latestCode.ref(
				'post = Post.objects.first()',
				'return post.get_absolute_url() if post else None'
			),
			'Finds the newest post and redirects to it.'
		);
		const post = Post.objects.first();
		return post ? post.get_absolute_url() : null;
	}
}

export const views = {
	PostListView: PostListView.as_view({
		viewName: 'blog.views.PostListView',
		source: listCode.header
	}),
	PostCreateView: PostCreateView.as_view({
		viewName: 'blog.views.PostCreateView',
		source: createCode.header
	}),
	LatestPostView: LatestPostView.as_view({
		viewName: 'blog.views.LatestPostView',
		source: latestCode.header
	}),
	post_detail,
	add_comment,
	post_edit,
	post_delete,
	archive_year
};
