/**
 * `AdminSite` (django/contrib/admin/sites.py): the registry of ModelAdmins and `site.urls`, the
 * URLconf `path("admin/", admin.site.urls)` includes under the namespace `admin`. Every page but
 * the login page goes through `admin_view()`: someone who is not active staff is sent to
 * `/admin/login/?next=…` (302), and no answer may be cached.
 */
import { add_never_cache_headers } from '../../cache';
import type { ModelClass } from '../../db/model';
import {
	Http404,
	HttpResponsePermanentRedirect,
	HttpResponseRedirect,
	defineView
} from '../../http';
import type { HttpRequest, HttpResponse, View, ViewKwargs } from '../../http';
import { include, path, rePath, type UrlEntry } from '../../urls';
import { LoginView, LogoutView } from '../../views/auth';
import { redirect_to_login } from '../../views/decorators';
import { reverseOf, step } from '../../views/runtime';
import { AdminAuthenticationForm } from './forms';
import type { ModelAdmin } from './options';
import { is_active_staff } from './permissions';
import { modelAdminUrls } from './model-urls';
import { autocompleteView } from './views/autocomplete';
import { appIndexView, indexView } from './views/index-view';
import { passwordChangeDoneView, passwordChangeView } from './views/password-change';
import { javascript_catalog } from '../../views/i18n';
import { viewOnSite } from './views/view-on-site';

type Handler = (request: HttpRequest, kwargs: ViewKwargs) => HttpResponse | Promise<HttpResponse>;

export class AdminSite {
	readonly name = 'admin';
	site_title = 'Django site admin';
	site_header = 'Django administration';
	index_title = 'Site administration';
	site_url = '/';
	readonly registry = new Map<ModelClass, ModelAdmin>();

	/** `admin.site.register(Post, PostAdmin)`. */
	register<M extends ModelAdmin>(model: ModelClass, admin: new (model: ModelClass) => M): void {
		if (this.registry.has(model)) {
			throw new Error(
				`AlreadyRegistered: The model ${model._meta.objectName} is already registered`
			);
		}
		this.registry.set(model, new admin(model));
	}

	/** `has_permission(request)`: an active member of staff. */
	has_permission(request: HttpRequest): boolean {
		return is_active_staff(request.user as Parameters<typeof is_active_staff>[0]);
	}

	/** `admin_view(view, cacheable=False)`: staff only; never cached unless `cacheable`. */
	admin_view(name: string, handler: Handler, cacheable = false): View {
		// Names are the admin's own (`sites.AdminSite.index`) unless given in full (`django.….shortcut`).
		const viewName = name.startsWith('django.') ? name : `django.contrib.admin.${name}`;
		return defineView(viewName, async (request, kwargs) => {
			const reverse = reverseOf(request);
			let response: HttpResponse;
			if (!this.has_permission(request)) {
				if (request.path === reverse('admin:logout')) {
					response = new HttpResponseRedirect(reverse('admin:index'));
				} else {
					step(
						request,
						'admin_view(): the user is not active staff, so the admin sends them to its login page.'
					);
					response = redirect_to_login(request, request.get_full_path(), reverse('admin:login'));
				}
			} else {
				response = await handler(request, kwargs);
			}
			// never_cache() wraps the whole view: the redirect to the login page is not cached either.
			if (!cacheable) add_never_cache_headers(response);
			return response;
		});
	}

	/** `each_context(request)`: what every admin page's template sees. */
	each_context(request: HttpRequest): Record<string, unknown> {
		return {
			site_title: this.site_title,
			site_header: this.site_header,
			site_url: this.site_url,
			has_permission: this.has_permission(request),
			is_popup: false,
			is_nav_sidebar_enabled: false
		};
	}

	private login(): View {
		return defineView('django.contrib.admin.sites.AdminSite.login', (request, kwargs) => {
			const reverse = reverseOf(request);
			if (request.method === 'GET' && this.has_permission(request)) {
				step(request, 'Already logged in as staff: redirects to the admin index.');
				const response = new HttpResponseRedirect(reverse('admin:index'));
				add_never_cache_headers(response);
				return response;
			}
			const context: Record<string, unknown> = {
				...this.each_context(request),
				title: 'Log in',
				subtitle: null,
				app_path: request.get_full_path(),
				username: request.user.username
			};
			if (!request.GET.has('next') && !request.POST.has('next')) {
				context.next = reverse('admin:index');
			}
			const view = LoginView.as_view(
				{ viewName: 'django.contrib.admin.sites.AdminSite.login' },
				{
					template_name: 'admin/login.html',
					authentication_form: AdminAuthenticationForm,
					extra_context: context
				}
			);
			return view(request, kwargs);
		});
	}

	/**
	 * `catch_all_view`: with APPEND_SLASH, a URL without its slash is sent to the same URL with
	 * one (every path under admin/ resolves, to this view at least); anything else is a 404.
	 */
	private catchAll(): Handler {
		return (request) => {
			if (request.sim.settings.APPEND_SLASH && !request.path_info.endsWith('/')) {
				return new HttpResponsePermanentRedirect(request.get_full_path(true));
			}
			throw new Http404('');
		};
	}

	/** `site.urls`: what `include()` gets, with the app namespace `admin`. */
	get urls() {
		const appLabels = [...new Set([...this.registry.keys()].map((m) => m._meta.appLabel))];
		const patterns: UrlEntry<View>[] = [
			path('', this.admin_view('sites.AdminSite.index', indexView(this)), { name: 'index' }),
			path('login/', this.login(), { name: 'login' }),
			path(
				'logout/',
				this.admin_view(
					'sites.AdminSite.logout',
					LogoutView.as_view({ viewName: 'django.contrib.admin.sites.AdminSite.logout' }) as Handler
				),
				{ name: 'logout' }
			),
			path(
				'password_change/',
				this.admin_view('sites.AdminSite.password_change', passwordChangeView(this), true),
				{ name: 'password_change' }
			),
			path(
				'password_change/done/',
				this.admin_view('sites.AdminSite.password_change_done', passwordChangeDoneView(this), true),
				{ name: 'password_change_done' }
			),
			path(
				'autocomplete/',
				this.admin_view('sites.AdminSite.autocomplete_view', autocompleteView(this)),
				{ name: 'autocomplete' }
			),
			path(
				'jsi18n/',
				this.admin_view('sites.AdminSite.i18n_javascript', javascript_catalog, true),
				{ name: 'jsi18n' }
			),
			path(
				'r/<int:content_type_id>/<path:object_id>/',
				this.admin_view('django.contrib.contenttypes.views.shortcut', viewOnSite),
				{ name: 'view_on_site' }
			)
		];
		for (const [model, admin] of this.registry) {
			const meta = model._meta;
			patterns.push(
				path(`${meta.appLabel}/${meta.modelName}/`, include(modelAdminUrls(this, admin)))
			);
		}
		if (appLabels.length) {
			patterns.push(
				rePath(
					`^(?P<app_label>${appLabels.join('|')})/$`,
					this.admin_view('sites.AdminSite.app_index', appIndexView(this)),
					{ name: 'app_list' }
				)
			);
		}
		patterns.push(
			rePath('(?P<url>.*)$', this.admin_view('sites.AdminSite.catch_all_view', this.catchAll()))
		);
		return include(patterns, { namespace: 'admin', appName: 'admin' });
	}
}

/** `django.contrib.admin.site`. */
export const site = new AdminSite();
