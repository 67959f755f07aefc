/**
 * The generic views and decorators, served by a site that runs mysite plus a few extra URLs under
 * /g/ that use the views mysite itself does not (TemplateView, UpdateView, DeleteView, FormView).
 */
import initSqlJs from 'sql.js';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mysite, templateSources, urlpatterns } from '../../mysite';
import { PostForm } from '../../mysite/blog/forms';
import { Post } from '../../mysite/blog/models';
import { Visitor } from '../../mysite/test-site';
import { createSite, type Site } from '../../site';
import { CharField, EmailField } from '../forms/fields';
import { Form, type FormOptions } from '../forms/forms';
import { defineView, HttpResponse, type View as ViewFunction } from '../http';
import { createResolver, path } from '../urls';
import {
	DeleteView,
	DetailView,
	FormView,
	ListView,
	RedirectView,
	TemplateView,
	UpdateView,
	login_required,
	permission_required,
	require_http_methods
} from './index';

class ContactForm extends Form {
	constructor(options: FormOptions = {}) {
		super({ name: new CharField({ maxLength: 50 }), email: new EmailField() }, options);
	}
}

class ContactView extends FormView<ContactForm> {
	override template_name = 'contact.html';
	override form_class = ContactForm;
	override success_url = '/g/thanks/';
}

class EditPost extends UpdateView<Post> {
	override model = Post;
	override form_class = PostForm;
}

class RemovePost extends DeleteView<Post> {
	override model = Post;
	override success_url = '/blog/';
}

class Posts extends ListView<Post> {
	override model = Post;
	override context_object_name = 'posts';
	override template_name = 'titles.html';
}

const plain = defineView('g.views.plain', () => new HttpResponse('plain'));
const g = (name: string, view: ViewFunction) => path(`g/${name}/`, view, { name: `g_${name}` });

const patterns = [
	g('about', TemplateView.as_view({ viewName: 'g.About' }, { template_name: 'about.html' })),
	g('gone', RedirectView.as_view({ viewName: 'g.Gone' })),
	g(
		'moved',
		RedirectView.as_view(
			{ viewName: 'g.Moved' },
			{ url: '/blog/', permanent: true, query_string: true }
		)
	),
	g('posts', Posts.as_view({ viewName: 'g.Posts' })),
	path(
		'g/post/<int:pk>/',
		DetailView.as_view({ viewName: 'g.PostDetail' }, { model: Post } as never)
	),
	path('g/post/<int:pk>/edit/', EditPost.as_view({ viewName: 'g.EditPost' })),
	path('g/post/<int:pk>/delete/', RemovePost.as_view({ viewName: 'g.RemovePost' })),
	g('contact', ContactView.as_view({ viewName: 'g.Contact' })),
	g('thanks', plain),
	g('methods', require_http_methods(['GET', 'POST'])(plain)),
	g('private', login_required(plain)),
	g('staff', permission_required('blog.delete_post', { raise_exception: true })(plain)),
	...urlpatterns
];

let site: Site;
beforeAll(async () => {
	site = await createSite({
		sqlJs: await initSqlJs(),
		project: {
			...mysite,
			urlconf: createResolver<ViewFunction>(patterns),
			templates: {
				...templateSources,
				'about.html': '{% extends "base.html" %}{% block content %}<h1>About</h1>{% endblock %}',
				'titles.html': '{% for post in posts %}[{{ post.title }}]{% endfor %}',
				'contact.html': '<form method="post">{% csrf_token %}{{ form.as_p }}</form>'
			}
		}
	});
});
beforeEach(async () => {
	await site.reset();
});

describe('View and TemplateView', () => {
	it('renders the template for GET and HEAD, 405 with Allow for POST, Allow for OPTIONS', async () => {
		const visitor = new Visitor(site);
		const page = await visitor.get('/g/about/');
		expect(page.status).toBe(200);
		await visitor.get('/accounts/login/'); // for the csrftoken cookie: CSRF is checked first
		expect(page.body).toContain('<h1>About</h1>');
		expect((await visitor.send('HEAD', '/g/about/')).status).toBe(200);
		const post = await visitor.post('/g/about/', {});
		expect(post.status).toBe(405);
		expect(post.header('Allow')).toBe('GET, HEAD, OPTIONS');
		const options = await visitor.send('OPTIONS', '/g/about/');
		expect(options.status).toBe(200);
		expect(options.header('Allow')).toBe('GET, HEAD, OPTIONS');
	});
});

describe('RedirectView', () => {
	it('answers 410 Gone with no URL, 301 with the query string kept when permanent', async () => {
		const visitor = new Visitor(site);
		expect((await visitor.get('/g/gone/')).status).toBe(410);
		const moved = await visitor.get('/g/moved/?page=2');
		expect(moved.status).toBe(301);
		expect(moved.header('Location')).toBe('/blog/?page=2');
	});
});

describe('ListView and DetailView', () => {
	it('puts the rows under context_object_name, in Meta.ordering', async () => {
		const page = await new Visitor(site).get('/g/posts/');
		expect(page.body).toBe(
			'[Building a shop with forms][How a request finds its view][Hello, Django]'
		);
	});

	it("finds by pk, with DetailView's own 404 message", async () => {
		const visitor = new Visitor(site);
		const found = await visitor.get('/g/post/1/');
		expect(found.status).toBe(200);
		expect(found.body).toContain('<h1>Hello, Django</h1>');
		const missing = await visitor.get('/g/post/42/');
		expect(missing.status).toBe(404);
		expect(missing.body).toContain('No post found matching the query');
	});
});

describe('UpdateView and DeleteView', () => {
	it('UpdateView fills the form from the object, re-renders errors, saves and redirects', async () => {
		const visitor = new Visitor(site);
		const form = await visitor.get('/g/post/2/edit/');
		expect(form.status).toBe(200);
		expect(form.body).toContain('value="How a request finds its view"');
		const invalid = await visitor.post('/g/post/2/edit/', { title: '', body: 'x' });
		expect(invalid.status).toBe(200);
		expect(invalid.body).toContain('This field is required.');
		const saved = await visitor.post('/g/post/2/edit/', { title: 'Routing', body: 'x' });
		expect(saved.status).toBe(302);
		expect(saved.header('Location')).toBe('/blog/2/');
		expect(Post.objects.get({ pk: 2 }).title).toBe('Routing');
	});

	it('DeleteView confirms on GET and deletes on POST', async () => {
		const visitor = new Visitor(site);
		const confirm = await visitor.get('/g/post/2/delete/');
		expect(confirm.status).toBe(200);
		expect(confirm.body).toContain('Delete “How a request finds its view”?');
		const deleted = await visitor.post('/g/post/2/delete/', {});
		expect(deleted.status).toBe(302);
		expect(deleted.header('Location')).toBe('/blog/');
		expect(Post.objects.filter({ pk: 2 }).exists()).toBe(false);
	});
});

describe('FormView', () => {
	it('shows the form, re-renders errors with 200, redirects to success_url when valid', async () => {
		const visitor = new Visitor(site);
		const form = await visitor.get('/g/contact/');
		expect(form.body).toContain('<label for="id_email">Email:</label>');
		const invalid = await visitor.post('/g/contact/', { name: 'Ann', email: 'nope' });
		expect(invalid.status).toBe(200);
		expect(invalid.body).toContain('Enter a valid email address.');
		expect(invalid.body).toContain('value="Ann"');
		const valid = await visitor.post('/g/contact/', { name: 'Ann', email: 'ann@example.test' });
		expect(valid.status).toBe(302);
		expect(valid.header('Location')).toBe('/g/thanks/');
	});
});

describe('decorators', () => {
	it('require_http_methods answers 405 with Allow', async () => {
		const visitor = new Visitor(site);
		expect((await visitor.get('/g/methods/')).status).toBe(200);
		await visitor.get('/accounts/login/'); // for the csrftoken cookie: CSRF is checked first
		const put = await visitor.send('PUT', '/g/methods/', {
			headers: {
				Origin: 'https://mysite.test',
				'X-CSRFToken': visitor.cookies.get('csrftoken') ?? ''
			}
		});
		expect(put.status).toBe(405);
		expect(put.header('Allow')).toBe('GET, POST');
	});

	it('login_required redirects to LOGIN_URL with next, and lets a user in', async () => {
		const visitor = new Visitor(site);
		const anonymous = await visitor.get('/g/private/');
		expect(anonymous.status).toBe(302);
		expect(anonymous.header('Location')).toBe('/accounts/login/?next=/g/private/');
		await visitor.login('bob');
		expect((await visitor.get('/g/private/')).body).toBe('plain');
	});

	it('permission_required(raise_exception) is 403 for a user without the permission', async () => {
		const visitor = new Visitor(site);
		await visitor.login('bob');
		expect((await visitor.get('/g/staff/')).status).toBe(403);
	});
});
