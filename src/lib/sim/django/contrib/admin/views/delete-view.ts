/**
 * Deleting in the admin: `delete_view` for one object and the "Delete selected" action for
 * several. Both first list everything the deletion would take with it (`get_deleted_objects`:
 * a post, then its comments, as a nested list), refuse when a protected row points at it
 * (an order's product) or when the user may not delete some of those types, and only a
 * confirmed POST (`post=yes`) deletes, logs a DELETION per object and says so in a message.
 */
import { capfirst } from '../../../db/meta';
import type { Model, ModelClass } from '../../../db/model';
import type { QuerySet } from '../../../db/queryset';
import { reverseRelations } from '../../../db/relations';
import { PermissionDenied } from '../../../exceptions';
import {
	HttpResponseRedirect,
	type HttpRequest,
	type HttpResponse,
	type ViewKwargs
} from '../../../http';
import { render } from '../../../shortcuts';
import { escapeHtml, markSafe, type SafeString } from '../../../template/safe';
import { reverseOf, step } from '../../../views/runtime';
import { success } from '../../messages/api';
import { log_deletion } from '../log-entries';
import type { ModelAdmin } from '../options';
import type { AdminSite } from '../sites';
import { doesNotExistRedirect, getObject, modelContext, postSaveUrl } from './common';

type Nested = Array<SafeString | string | Nested>;

interface DeletedObjects {
	deleted: Nested;
	model_count: Array<[string, number]>;
	perms_needed: string[];
	protected: Array<SafeString | string>;
}

/** `get_deleted_objects(objs, request)`, with NestedObjects' walk over ON DELETE rules. */
export function getDeletedObjects(
	site: AdminSite,
	request: HttpRequest,
	objs: readonly Model[]
): DeletedObjects {
	const reverse = reverseOf(request);
	const counts = new Map<string, number>();
	const permsNeeded = new Set<string>();
	const protectedObjs: Array<SafeString | string> = [];

	const describe = (obj: Model): SafeString | string => {
		const meta = obj.meta;
		const label = capfirst(meta.verboseName);
		const admin = [...site.registry.entries()].find(([m]) => m._meta.label === meta.label)?.[1];
		if (!admin) return `${label}: ${String(obj)}`;
		if (!admin.has_delete_permission(request, obj)) permsNeeded.add(meta.verboseName);
		const url = reverse(admin.url_name('change'), { args: [obj.pk] });
		return markSafe(
			`${escapeHtml(label)}: <a href="${escapeHtml(url)}">${escapeHtml(String(obj))}</a>`
		);
	};

	const walk = (obj: Model): Nested => {
		const meta = obj.meta;
		counts.set(meta.verboseNamePlural, (counts.get(meta.verboseNamePlural) ?? 0) + 1);
		const out: Nested = [describe(obj)];
		const children: Nested = [];
		const db = (obj.constructor as ModelClass)._db;
		if (!db) return out;
		for (const relation of reverseRelations(db, meta)) {
			const rule = relation.field.onDelete;
			if (rule !== 'CASCADE' && rule !== 'PROTECT') continue;
			const related = relation.model.objects
				.filter({ [relation.field.name]: obj.pk })
				.withOrm(
					`${relation.model._meta.objectName}.objects.filter(${relation.field.name}=${String(obj.pk)})`
				)
				.list();
			for (const child of related) {
				if (rule === 'PROTECT') protectedObjs.push(describe(child));
				else children.push(...walk(child));
			}
		}
		if (children.length) out.push(children);
		return out;
	};

	const deleted: Nested = objs.flatMap((obj) => walk(obj));
	return {
		deleted,
		model_count: [...counts.entries()].map(([name, n]) => [capfirst(name), n]),
		perms_needed: [...permsNeeded],
		protected: protectedObjs
	};
}

export function deleteView(site: AdminSite, admin: ModelAdmin) {
	return (request: HttpRequest, kwargs: ViewKwargs): HttpResponse => {
		const objectId = String(kwargs.object_id);
		const obj = getObject(admin, objectId);
		if (!admin.has_delete_permission(request, obj)) {
			step(request, `No ${admin.perm('delete')} permission: 403.`);
			throw new PermissionDenied();
		}
		if (!obj) return doesNotExistRedirect(request, admin, objectId);
		const found = getDeletedObjects(site, request, [obj]);
		const name = admin.opts.verboseName;
		if (request.method === 'POST' && !found.protected.length) {
			if (found.perms_needed.length) throw new PermissionDenied();
			const display = String(obj);
			log_deletion(request, obj);
			obj.delete();
			success(request, `The ${name} “${display}” was deleted successfully.`);
			const to = postSaveUrl(request, admin);
			step(
				request,
				`Deleted ${display} and what depended on it; logged (DELETION); redirects to ${to}.`
			);
			return new HttpResponseRedirect(to);
		}
		const refused = found.perms_needed.length > 0 || found.protected.length > 0;
		step(
			request,
			refused
				? `Cannot delete ${display(obj)}: ${found.protected.length ? 'protected rows point at it' : 'no permission for some related types'}.`
				: `Lists what deleting ${display(obj)} would delete too, and asks to confirm.`
		);
		return render(request, 'admin/delete_confirmation.html', {
			...site.each_context(request),
			...modelContext(request, admin, obj),
			title: refused ? `Cannot delete ${name}` : 'Delete',
			subtitle: null,
			object_name: name,
			object: obj,
			deleted_objects: found.deleted,
			model_count: found.model_count,
			perms_lacking: found.perms_needed,
			protected: found.protected,
			changelist_url: reverseOf(request)(admin.url_name('changelist')),
			change_url: reverseOf(request)(admin.url_name('change'), { args: [obj.pk] })
		});
	};
}

function display(obj: Model): string {
	return `“${String(obj)}”`;
}

/** The action `delete_selected`: a confirmation page, then (with `post=yes`) the deletion. */
export async function deleteSelected(
	site: AdminSite,
	admin: ModelAdmin,
	request: HttpRequest,
	queryset: QuerySet<Model>
): Promise<HttpResponse | null> {
	const objs = queryset.list();
	const found = getDeletedObjects(site, request, objs);
	const plural = (n: number) => (n === 1 ? admin.opts.verboseName : admin.opts.verboseNamePlural);
	if (request.POST.get('post') && !found.protected.length) {
		if (found.perms_needed.length) throw new PermissionDenied();
		const n = objs.length;
		if (n) {
			for (const obj of objs) log_deletion(request, obj);
			for (const obj of objs) obj.delete();
			success(request, `Successfully deleted ${n} ${plural(n)}.`);
		}
		step(request, `delete_selected: ${n} ${plural(n)} deleted and logged; back to the list.`);
		return null;
	}
	const refused = found.perms_needed.length > 0 || found.protected.length > 0;
	step(request, 'delete_selected: lists everything that would be deleted, and asks to confirm.');
	return render(request, 'admin/delete_selected_confirmation.html', {
		...site.each_context(request),
		...modelContext(request, admin),
		title: refused ? `Cannot delete ${plural(objs.length)}` : 'Delete multiple objects',
		subtitle: null,
		objects_name: plural(objs.length),
		deletable_objects: found.deleted.map((item) => item),
		model_count: found.model_count,
		queryset: objs,
		perms_lacking: found.perms_needed,
		protected: found.protected,
		changelist_url: reverseOf(request)(admin.url_name('changelist')),
		action_checkbox_name: '_selected_action'
	});
}
