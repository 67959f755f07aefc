/**
 * mysite, the demo Django project, as `createSite({ project: mysite })` runs it: settings, the
 * root URLconf, the tables and demo data, the templates, the static files nginx serves, and every
 * source file for the inspector and the DEBUG pages.
 *
 * Seed users: alice / wonderland (posts 1 and 2) and bob / builder (post 3); their API tokens are
 * in `USERS`.
 */
import type { DjangoProject } from '../django/project';
import { MODELS, seed } from './seed';
import { settings } from './settings';
import { projectSources, templateSources } from './sources';
import { staticFiles } from './static-files';
import { urlconf } from './urls';

export const mysite: DjangoProject = {
	name: 'mysite',
	settings,
	urlconf,
	setUp: seed,
	models: MODELS,
	staticFiles,
	templates: templateSources,
	sources: projectSources
};

export { MODELS, USERS } from './seed';
export { projectSources, staticSources, templateSources } from './sources';
export { staticFiles } from './static-files';
export { urlconf, urlpatterns } from './urls';
