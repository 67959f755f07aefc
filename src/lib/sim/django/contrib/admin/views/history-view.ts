/**
 * `ModelAdmin.history_view`: the `django_admin_log` rows of one object, oldest first, with the
 * change message in words ("Changed Title."). View or change permission needed, else 403.
 */
import { PermissionDenied } from '../../../exceptions';
import type { HttpRequest, HttpResponse, ViewKwargs } from '../../../http';
import { render } from '../../../shortcuts';
import { step } from '../../../views/runtime';
import { changeMessageText } from '../log-entries';
import { ContentType, LogEntry } from '../models';
import type { ModelAdmin } from '../options';
import type { AdminSite } from '../sites';
import { doesNotExistRedirect, getObject, modelContext } from './common';

export function historyView(site: AdminSite, admin: ModelAdmin) {
	return (request: HttpRequest, kwargs: ViewKwargs): HttpResponse => {
		const objectId = String(kwargs.object_id);
		const obj = getObject(admin, objectId);
		if (!obj) return doesNotExistRedirect(request, admin, objectId);
		if (!admin.has_view_or_change_permission(request, obj)) throw new PermissionDenied();
		const ct = ContentType.objects
			.filter({ app_label: admin.opts.appLabel, model: admin.opts.modelName })
			.withOrm(`get_content_type_for_model(${admin.opts.objectName})`)
			.get();
		const entries = LogEntry.objects
			.filter({ object_id: objectId, content_type: ct.pk })
			.select_related('user')
			.order_by('action_time')
			.withOrm(
				`LogEntry.objects.filter(object_id=${JSON.stringify(objectId)}, content_type=get_content_type_for_model(model)).select_related().order_by("action_time")`
			)
			.list();
		step(request, `History of ${String(obj)}: ${entries.length} LogEntry row(s).`);
		return render(request, 'admin/object_history.html', {
			...site.each_context(request),
			...modelContext(request, admin, obj),
			title: `Change history: ${String(obj)}`,
			subtitle: null,
			object: obj,
			action_list: entries.map((entry) => ({
				action_time: entry.action_time,
				user: entry.user,
				change_message: changeMessageText(entry)
			}))
		});
	};
}
