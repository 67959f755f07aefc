/**
 * How long a typical list page takes to render once compiled (run: npx vitest bench --run
 * src/lib/sim/django/template). Prints figures; asserts nothing about time.
 */
import { bench, describe } from 'vitest';
import { createTemplateEngine } from './index';

const templates: Record<string, string> = {
	'base.html': `{% load static %}<!DOCTYPE html><html><head><title>{% block title %}mysite{% endblock %}</title>
<link rel="stylesheet" href="{% static 'css/site.css' %}"></head><body><nav><a href="{% url 'home' %}">Home</a></nav>
<main>{% block content %}{% endblock %}</main></body></html>`,
	'blog/post_list.html': `{% extends "base.html" %}{% block title %}Blog - {{ block.super }}{% endblock %}
{% block content %}<h1>Blog</h1><ul>{% for post in posts %}
<li class="{% cycle 'odd' 'even' %}"><a href="{% url 'blog:post_detail' post.pk %}">{{ post.title|title }}</a>
by {{ post.author.username }} on {{ post.created|date:"N j, Y" }}: {{ post.body|truncatewords:12 }}
{% if post.comments|length %}({{ post.comments|length }} comment{{ post.comments|length|pluralize }}){% endif %}</li>
{% empty %}<li>No posts yet.</li>{% endfor %}</ul>{% endblock %}`
};

const posts = Array.from({ length: 10 }, (_, i) => ({
	pk: i + 1,
	title: `post number ${i + 1}`,
	author: { username: i % 2 ? 'alice' : 'bob' },
	created: new Date(Date.UTC(2024, 0, i + 1)),
	body: 'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore',
	comments: i % 3 ? [] : ['a', 'b']
}));

const engine = createTemplateEngine({
	loader: (name) => templates[name],
	reverse: (name, args) => (name === 'home' ? '/' : `/blog/${args[0]}/`)
});
engine.render('blog/post_list.html', { posts });

describe('template engine', () => {
	bench('render blog/post_list.html (10 posts, compiled)', () => {
		engine.render('blog/post_list.html', { posts });
	});
	bench('compile and render blog/post_list.html', () => {
		engine.clearCache();
		engine.render('blog/post_list.html', { posts });
	});
});
