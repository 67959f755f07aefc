/**
 * `django.views.i18n.JavaScriptCatalog` (Django 5.2): a script that defines `gettext()`,
 * `ngettext()`, `interpolate()`, `get_format()`… for the admin's JavaScript, with the catalog of
 * the active language. mysite runs in English (`LANGUAGE_CODE = "en-us"`), whose catalog is empty,
 * so the script carries only the plural rule and the English formats. The template below is
 * `js_catalog_template` from django/views/i18n.py, rendered for that case.
 */
import { HttpResponse, type HttpRequest } from '../http';
import { step } from './runtime';

/** `get_formats()` for English (django/conf/locale/en/formats.py, with the ISO input formats). */
export const ENGLISH_FORMATS: Readonly<Record<string, string | number | string[]>> = {
	DATETIME_FORMAT: 'N j, Y, P',
	DATETIME_INPUT_FORMATS: [
		'%Y-%m-%d %H:%M:%S',
		'%Y-%m-%d %H:%M:%S.%f',
		'%Y-%m-%d %H:%M',
		'%m/%d/%Y %H:%M:%S',
		'%m/%d/%Y %H:%M:%S.%f',
		'%m/%d/%Y %H:%M',
		'%m/%d/%y %H:%M:%S',
		'%m/%d/%y %H:%M:%S.%f',
		'%m/%d/%y %H:%M',
		'%Y-%m-%d'
	],
	DATE_FORMAT: 'N j, Y',
	DATE_INPUT_FORMATS: [
		'%Y-%m-%d',
		'%m/%d/%Y',
		'%m/%d/%y',
		'%b %d %Y',
		'%b %d, %Y',
		'%d %b %Y',
		'%d %b, %Y',
		'%B %d %Y',
		'%B %d, %Y',
		'%d %B %Y',
		'%d %B, %Y'
	],
	DECIMAL_SEPARATOR: '.',
	FIRST_DAY_OF_WEEK: 0,
	MONTH_DAY_FORMAT: 'F j',
	NUMBER_GROUPING: 3,
	SHORT_DATETIME_FORMAT: 'm/d/Y P',
	SHORT_DATE_FORMAT: 'm/d/Y',
	THOUSAND_SEPARATOR: ',',
	TIME_FORMAT: 'P',
	TIME_INPUT_FORMATS: ['%H:%M:%S', '%H:%M:%S.%f', '%H:%M']
};

/** English's `Plural-Forms: nplurals=2; plural=(n != 1);`. */
const ENGLISH_PLURAL = '(n != 1)';

/** `json.dumps(value, sort_keys=True, indent=2)`, indented once more as the view does. */
function jsonIndented(value: Record<string, unknown>): string {
	const sorted = Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1)));
	return JSON.stringify(sorted, null, 2).replaceAll('\n', '\n  ');
}

/** The script, for a language with an empty catalog and a plural rule. */
export function javascriptCatalog(
	formats: Record<string, unknown> = ENGLISH_FORMATS,
	plural: string = ENGLISH_PLURAL
): string {
	return `

'use strict';
{
  const globals = this;
  const django = globals.django || (globals.django = {});

  
  django.pluralidx = function(n) {
    const v = ${plural};
    if (typeof v === 'boolean') {
      return v ? 1 : 0;
    } else {
      return v;
    }
  };
  

  /* gettext library */

  django.catalog = django.catalog || {};
  

  if (!django.jsi18n_initialized) {
    django.gettext = function(msgid) {
      const value = django.catalog[msgid];
      if (typeof value === 'undefined') {
        return msgid;
      } else {
        return (typeof value === 'string') ? value : value[0];
      }
    };

    django.ngettext = function(singular, plural, count) {
      const value = django.catalog[singular];
      if (typeof value === 'undefined') {
        return (count == 1) ? singular : plural;
      } else {
        return value.constructor === Array ? value[django.pluralidx(count)] : value;
      }
    };

    django.gettext_noop = function(msgid) { return msgid; };

    django.pgettext = function(context, msgid) {
      let value = django.gettext(context + '\\x04' + msgid);
      if (value.includes('\\x04')) {
        value = msgid;
      }
      return value;
    };

    django.npgettext = function(context, singular, plural, count) {
      let value = django.ngettext(context + '\\x04' + singular, context + '\\x04' + plural, count);
      if (value.includes('\\x04')) {
        value = django.ngettext(singular, plural, count);
      }
      return value;
    };

    django.interpolate = function(fmt, obj, named) {
      if (named) {
        return fmt.replace(/%\\(\\w+\\)s/g, function(match){return String(obj[match.slice(2,-2)])});
      } else {
        return fmt.replace(/%s/g, function(match){return String(obj.shift())});
      }
    };


    /* formatting library */

    django.formats = ${jsonIndented(formats)};

    django.get_format = function(format_type) {
      const value = django.formats[format_type];
      if (typeof value === 'undefined') {
        return format_type;
      } else {
        return value;
      }
    };

    /* add to global namespace */
    globals.pluralidx = django.pluralidx;
    globals.gettext = django.gettext;
    globals.ngettext = django.ngettext;
    globals.gettext_noop = django.gettext_noop;
    globals.pgettext = django.pgettext;
    globals.npgettext = django.npgettext;
    globals.interpolate = django.interpolate;
    globals.get_format = django.get_format;

    django.jsi18n_initialized = true;
  }
};

`;
}

/** `JavaScriptCatalog.as_view(packages=["django.contrib.admin"])(request)`. */
export function javascript_catalog(request: HttpRequest): HttpResponse {
	step(
		request,
		'JavaScriptCatalog: the translations of django.contrib.admin for the active language (en-us: none), the plural rule and the date and number formats, as a script.'
	);
	return new HttpResponse(javascriptCatalog(), {
		content_type: 'text/javascript; charset="utf-8"'
	});
}
