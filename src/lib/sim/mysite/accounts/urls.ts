/** accounts/urls.py: Django's LoginView and LogoutView, and mysite's profile views. */
import { path } from '../../django/urls';
import { LoginView, LogoutView } from '../../django/views/auth';
import { fileLine } from '../sources';
import { profile, user_detail, user_edit } from './views';

const FILE = 'accounts/urls.py';

export const urlpatterns = [
	path(
		'login/',
		LoginView.as_view({
			viewName: 'django.contrib.auth.views.LoginView',
			source: fileLine(FILE, 'path("login/", auth_views.LoginView.as_view(), name="login"),')
		}),
		{ name: 'login' }
	),
	path(
		'logout/',
		LogoutView.as_view({
			viewName: 'django.contrib.auth.views.LogoutView',
			source: fileLine(FILE, 'path("logout/", auth_views.LogoutView.as_view(), name="logout"),')
		}),
		{ name: 'logout' }
	),
	path('profile/', profile, { name: 'profile' }),
	path('users/<str:username>/', user_detail, { name: 'user_detail' }),
	path('users/<str:username>/edit/', user_edit, { name: 'user_edit' })
];
