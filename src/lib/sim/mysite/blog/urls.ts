/** blog/urls.py. */
import { path } from '../../django/urls';
import { views } from './views';

export const app_name = 'blog';

export const urlpatterns = [
	path('', views.PostListView, { name: 'post_list' }),
	path('new/', views.PostCreateView, { name: 'post_create' }),
	path('latest/', views.LatestPostView, { name: 'latest' }),
	path('<int:pk>/', views.post_detail, { name: 'post_detail' }),
	path('<int:pk>/comment/', views.add_comment, { name: 'add_comment' }),
	path('<int:pk>/edit/', views.post_edit, { name: 'post_edit' }),
	path('<int:pk>/delete/', views.post_delete, { name: 'post_delete' }),
	path('archive/<int:year>/', views.archive_year, { name: 'archive_year' })
];
