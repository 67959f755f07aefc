/**
 * The views mysite's urls.py files can name, by module, as the TypeScript beside the Python plays
 * them. Whether a name is a function or a class comes from the Python file itself (`def` or
 * `class`), so `views.post_detail.as_view()` fails as it does in Python.
 */
import type { View } from '../django/http';
import { LoginView, LogoutView } from '../django/views/auth';
import * as accounts from '../mysite/accounts/views';
import { views as api } from '../mysite/api/views';
import { views as blog } from '../mysite/blog/views';
import { boom, home } from '../mysite/mysite/views';
import { slow_report } from '../mysite/reports/views';
import { projectSources } from '../mysite/sources';
import { views as shop } from '../mysite/shop/views';
import type { ViewEntry, ViewModules } from './urlconf-reader';

function table(file: string, views: Record<string, View>): Record<string, ViewEntry> {
	const text = projectSources[file] ?? '';
	const out: Record<string, ViewEntry> = {};
	for (const [name, view] of Object.entries(views)) {
		const isClass = new RegExp(`^class\\s+${name}\\b`, 'm').test(text);
		out[name] = isClass ? { kind: 'class', asView: () => view } : { kind: 'function', view };
	}
	return out;
}

export const MYSITE_VIEW_MODULES: ViewModules = {
	'mysite.views': table('mysite/views.py', { home, boom }),
	'reports.views': table('reports/views.py', { slow_report }),
	'blog.views': table('blog/views.py', blog),
	'shop.views': table('shop/views.py', shop),
	'api.views': table('api/views.py', api),
	'accounts.views': table('accounts/views.py', {
		profile: accounts.profile,
		user_detail: accounts.user_detail,
		user_edit: accounts.user_edit
	}),
	'django.contrib.auth.views': {
		LoginView: {
			kind: 'class',
			asView: (source) =>
				LoginView.as_view({ viewName: 'django.contrib.auth.views.LoginView', source })
		},
		LogoutView: {
			kind: 'class',
			asView: (source) =>
				LogoutView.as_view({ viewName: 'django.contrib.auth.views.LogoutView', source })
		}
	}
};

/** The urls.py files mysite has, by module name. */
export const MYSITE_URL_MODULES = [
	'mysite.urls',
	'blog.urls',
	'shop.urls',
	'accounts.urls',
	'api.urls'
];
