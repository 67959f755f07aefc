/**
 * `ModelAdmin.get_urls()`: the five pages of one model under `<app_label>/<model_name>/`, named
 * as Django names them (`blog_post_changelist`, `blog_post_add`, `blog_post_history`,
 * `blog_post_delete`, `blog_post_change`), and the old change URL without `change/`, which
 * redirects.
 */
import type { View } from '../../http';
import { path, type UrlEntry } from '../../urls';
import { RedirectView } from '../../views/base';
import type { ModelAdmin } from './options';
import type { AdminSite } from './sites';
import { changelistView } from './views/changelist';
import { addView, changeView } from './views/change-form';
import { deleteView } from './views/delete-view';
import { historyView } from './views/history-view';

export function modelAdminUrls(site: AdminSite, admin: ModelAdmin): UrlEntry<View>[] {
	const { appLabel, modelName } = admin.opts;
	const info = `${appLabel}_${modelName}`;
	const wrap = (method: string, handler: Parameters<AdminSite['admin_view']>[1]) =>
		site.admin_view(`options.ModelAdmin.${method}`, handler);
	return [
		path('', wrap('changelist_view', changelistView(site, admin)), { name: `${info}_changelist` }),
		path('add/', wrap('add_view', addView(site, admin)), { name: `${info}_add` }),
		path('<path:object_id>/history/', wrap('history_view', historyView(site, admin)), {
			name: `${info}_history`
		}),
		path('<path:object_id>/delete/', wrap('delete_view', deleteView(site, admin)), {
			name: `${info}_delete`
		}),
		path('<path:object_id>/change/', wrap('change_view', changeView(site, admin)), {
			name: `${info}_change`
		}),
		// "For backwards compatibility (was the change url before 1.9)".
		path(
			'<path:object_id>/',
			wrap(
				'RedirectView',
				ChangeRedirect.as_view(
					{ viewName: 'django.views.generic.base.RedirectView' },
					{ pattern_name: `admin:${info}_change` }
				) as Parameters<AdminSite['admin_view']>[1]
			)
		)
	];
}

/** `RedirectView.as_view(pattern_name=…)`: reverses the name with the same arguments. */
class ChangeRedirect extends RedirectView {
	pattern_name = '';
	override get_redirect_url(kwargs: Record<string, string | number>): string | null {
		const url = this.request.sim as unknown as {
			reverse(name: string, o: { kwargs: Record<string, unknown> }): string;
		};
		return url.reverse(this.pattern_name, { kwargs: { ...kwargs } });
	}
}
