/** Every built-in filter, by name, as `django.template.defaultfilters` registers them. */
import type { FilterSpec } from '../variable';
import { DATE_FILTERS } from './dates';
import { MORE_FILTERS } from './more';
import { TEXT_FILTERS } from './text';
import { VALUE_FILTERS } from './values';

export const BUILTIN_FILTERS: Readonly<Record<string, FilterSpec>> = {
	...TEXT_FILTERS,
	...VALUE_FILTERS,
	...DATE_FILTERS,
	...MORE_FILTERS
};
