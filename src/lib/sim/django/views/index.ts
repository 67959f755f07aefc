/**
 * `django.views.generic` and the view decorators, as a Django project imports them.
 */
export { RedirectView, TemplateView, View, type AsViewOptions } from './base';
export { ListView, DetailView, SingleObjectView } from './list-detail';
export { CreateView, DeleteView, FormView, UpdateView, type FormClass } from './edit';
export {
	LoginRequiredMixin,
	login_required,
	permission_required,
	redirect_to_login,
	require_GET,
	require_POST,
	require_http_methods,
	require_safe,
	user_passes_test
} from './decorators';
