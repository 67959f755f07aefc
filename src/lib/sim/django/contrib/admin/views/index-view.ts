/**
 * The admin index and an app's index (`AdminSite.index`, `AdminSite.app_index`): the apps and
 * models this user may see (`_build_app_dict`: an app only with some permission in it, a model
 * only with view, change or add permission), and the user's recent actions.
 */
import { capfirst } from '../../../db/meta';
import { Http404, type HttpRequest, type ViewKwargs } from '../../../http';
import { render } from '../../../shortcuts';
import { reverseOf, step } from '../../../views/runtime';
import { LogEntry } from '../models';
import type { AdminSite } from '../sites';

export interface AdminModelEntry {
	name: string;
	object_name: string;
	perms: { add: boolean; change: boolean; delete: boolean; view: boolean };
	admin_url: string | null;
	add_url: string | null;
	view_only: boolean;
}

export interface AdminAppEntry {
	name: string;
	app_label: string;
	app_url: string;
	has_module_perms: boolean;
	models: AdminModelEntry[];
}

/** `get_app_list(request, app_label=None)`: sorted by app name, then model name. */
export function getAppList(site: AdminSite, request: HttpRequest, label?: string): AdminAppEntry[] {
	const reverse = reverseOf(request);
	const apps = new Map<string, AdminAppEntry>();
	for (const [model, admin] of site.registry) {
		const meta = model._meta;
		if (label && meta.appLabel !== label) continue;
		if (!admin.has_module_permission(request)) continue;
		const perms = {
			add: admin.has_add_permission(request),
			change: admin.has_change_permission(request),
			delete: admin.has_delete_permission(request),
			view: admin.has_view_permission(request)
		};
		if (!Object.values(perms).some(Boolean)) continue;
		const info = `${meta.appLabel}_${meta.modelName}`;
		const entry: AdminModelEntry = {
			name: capfirst(meta.verboseNamePlural),
			object_name: meta.objectName,
			perms,
			admin_url: perms.change || perms.view ? reverse(`admin:${info}_changelist`) : null,
			add_url: perms.add ? reverse(`admin:${info}_add`) : null,
			view_only: !perms.change && !perms.add
		};
		let app = apps.get(meta.appLabel);
		if (!app) {
			app = {
				name: capfirst(meta.appLabel),
				app_label: meta.appLabel,
				app_url: reverse('admin:app_list', { kwargs: { app_label: meta.appLabel } }),
				has_module_perms: true,
				models: []
			};
			apps.set(meta.appLabel, app);
		}
		app.models.push(entry);
	}
	const list = [...apps.values()].sort((a, b) =>
		a.name.toLowerCase().localeCompare(b.name.toLowerCase())
	);
	for (const app of list) app.models.sort((a, b) => a.name.localeCompare(b.name));
	return list;
}

/** The 10 latest LogEntry rows of this user (the index's "Recent actions"). */
function recentActions(request: HttpRequest) {
	return LogEntry.objects
		.filter({ user: request.user.pk })
		.select_related('content_type')
		.withOrm('LogEntry.objects.filter(user=request.user).select_related("content_type")[:10]')
		.list()
		.slice(0, 10);
}

export function indexView(site: AdminSite) {
	return (request: HttpRequest) => {
		const app_list = getAppList(site, request);
		step(
			request,
			`AdminSite.index lists the apps ${request.user.username} has permissions in: ${app_list.map((a) => a.name).join(', ') || 'none'}.`
		);
		return render(request, 'admin/index.html', {
			...site.each_context(request),
			title: site.index_title,
			subtitle: null,
			app_list,
			admin_log: recentActions(request)
		});
	};
}

export function appIndexView(site: AdminSite) {
	return (request: HttpRequest, kwargs: ViewKwargs) => {
		const label = String(kwargs.app_label);
		const app_list = getAppList(site, request, label);
		if (!app_list.length) throw new Http404('The requested admin page does not exist.');
		step(request, `AdminSite.app_index lists the models of ${app_list[0].name}.`);
		return render(request, 'admin/app_index.html', {
			...site.each_context(request),
			title: `${app_list[0].name} administration`,
			subtitle: null,
			app_list,
			app_label: label
		});
	};
}
