/**
 * django.contrib.admin's `templatetags/` package: the libraries `{% load %}` finds in a project
 * that installs the admin (the full project), and only there, as Django registers the tag
 * libraries of INSTALLED_APPS.
 */
import type { Library } from '../../../template/parser';
import { ADMIN_LIST } from './admin-list';
import { ADMIN_MODIFY } from './admin-modify';
import { ADMIN_URLS } from './admin-urls';

export const adminTemplateLibraries: Readonly<Record<string, Library>> = {
	admin_list: ADMIN_LIST,
	admin_modify: ADMIN_MODIFY,
	admin_urls: ADMIN_URLS
};
