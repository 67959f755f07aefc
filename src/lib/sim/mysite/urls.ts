/**
 * mysite/urls.py: the root URLconf, with each app's patterns included under its prefix and
 * namespace (`app_name` in the app's urls.py), exactly as the Python files say.
 */
import type { View } from '../django/http';
import { createResolver, include, path } from '../django/urls';
import * as accounts from './accounts/urls';
import * as api from './api/urls';
import * as blog from './blog/urls';
import { boom, home } from './mysite/views';
import { slow_report } from './reports/views';
import { setRootUrlconf } from './reverse';
import * as shop from './shop/urls';

export const urlpatterns = [
	path('', home, { name: 'home' }),
	path('blog/', include(blog.urlpatterns, { namespace: blog.app_name })),
	path('shop/', include(shop.urlpatterns, { namespace: shop.app_name })),
	path('accounts/', include(accounts.urlpatterns)),
	path('api/', include(api.urlpatterns, { namespace: api.app_name })),
	path('reports/slow/', slow_report, { name: 'slow_report' }),
	path('boom/', boom, { name: 'boom' })
];

export const urlconf = createResolver<View>(urlpatterns);
setRootUrlconf(urlconf);
