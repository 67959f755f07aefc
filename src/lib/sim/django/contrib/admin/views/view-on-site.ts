/**
 * `django.contrib.contenttypes.views.shortcut`, which the admin includes as
 * `r/<int:content_type_id>/<path:object_id>/` (name `view_on_site`): the change form's "View on
 * site" link goes through it. It finds the object from its content type and id and redirects
 * to its `get_absolute_url()`, on the request's own host (no `django.contrib.sites` here, so
 * `get_current_site()` is a RequestSite); a 404 says what was missing.
 */
import { Http404 } from '../../../exceptions';
import {
	HttpResponseRedirect,
	type HttpRequest,
	type HttpResponse,
	type ViewKwargs
} from '../../../http';
import { step } from '../../../views/runtime';
import { ContentType } from '../models';

export function viewOnSite(request: HttpRequest, kwargs: ViewKwargs): HttpResponse {
	const contentTypeId = String(kwargs.content_type_id);
	const objectId = String(kwargs.object_id);
	const missing = () =>
		new Http404(`Content type ${contentTypeId} object ${objectId} doesn’t exist`);
	const contentType = ContentType.objects.filter({ pk: Number(contentTypeId) }).list()[0];
	if (!contentType) throw missing();
	const model = contentType.model_class();
	if (!model) {
		throw new Http404(`Content type ${contentTypeId} object has no associated model`);
	}
	if (!/^\d+$/.test(objectId)) throw missing();
	const obj = model.objects.filter({ pk: Number(objectId) }).list()[0];
	if (!obj) throw missing();
	const getAbsoluteUrl = (obj as unknown as { get_absolute_url?: () => string }).get_absolute_url;
	if (typeof getAbsoluteUrl !== 'function') {
		throw new Http404(`${contentType.model} objects don’t have a get_absolute_url() method`);
	}
	const absurl = getAbsoluteUrl.call(obj);
	const to = /^(https?:)?\/\//.test(absurl)
		? absurl
		: `${request.scheme}://${request.get_host()}${absurl}`;
	step(request, `View on site: ${String(obj)} → get_absolute_url() = ${absurl}.`);
	return new HttpResponseRedirect(to);
}
