/**
 * The admin's history: `log_addition`, `log_change`, `log_deletion` write one `django_admin_log`
 * row per change, with `change_message` as Django's `construct_change_message()` builds it, JSON
 * such as `[{"changed": {"fields": ["Title"]}}]` (Python's `json.dumps`: `", "` and `": "`), and
 * `LogEntry.get_change_message()` turns it back into "Changed Title." for the history page.
 */
import type { Model } from '../../db/model';
import type { Form } from '../../forms/forms';
import type { HttpRequest } from '../../http-request';
import { ADDITION, CHANGE, ContentType, DELETION, LogEntry } from './models';

type ChangeMessage = Array<Record<string, Record<string, unknown>>>;

/** `form.changed_data`: the fields whose cleaned value differs from the initial one. */
export function changedData(form: Form): string[] {
	const asValue = (value: unknown): string => {
		if (value === null || value === undefined) return '';
		if (typeof value === 'object' && 'pk' in value) return String((value as Model).pk);
		return String(value);
	};
	return Object.keys(form.fields).filter((name) => {
		const before = asValue(form.initial[name]);
		const after = asValue(form.cleaned_data[name]);
		const numeric = /^-?\d+(\.\d+)?$/;
		if (numeric.test(before) && numeric.test(after)) return Number(before) !== Number(after);
		return before !== after;
	});
}

/** `construct_change_message(form, formsets, add)`. */
export function constructChangeMessage(
	form: Form,
	add: boolean,
	inlineChanges: ChangeMessage = []
): ChangeMessage {
	const message: ChangeMessage = [];
	const changed = changedData(form);
	if (add) message.push({ added: {} });
	else if (changed.length) {
		message.push({ changed: { fields: changed.map((name) => form.fields[name].label ?? name) } });
	}
	return [...message, ...inlineChanges];
}

/** Python's `json.dumps(value)` with its default separators, ASCII only. */
export function pyJsonDumpsSpaced(value: unknown): string {
	const ascii = (text: string) =>
		JSON.stringify(text).replace(
			/[\u007f-\uffff]/g,
			(ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`
		);
	if (typeof value === 'string') return ascii(value);
	if (Array.isArray(value)) return `[${value.map(pyJsonDumpsSpaced).join(', ')}]`;
	if (value && typeof value === 'object') {
		const items = Object.entries(value).map(([k, v]) => `${ascii(k)}: ${pyJsonDumpsSpaced(v)}`);
		return `{${items.join(', ')}}`;
	}
	return JSON.stringify(value);
}

function contentTypeFor(obj: Model): ContentType {
	const meta = obj.meta;
	return ContentType.objects
		.filter({ app_label: meta.appLabel, model: meta.modelName })
		.withOrm(`ContentType.objects.get_for_model(${meta.objectName})`)
		.get();
}

function log(request: HttpRequest, obj: Model, flag: number, message: string): LogEntry {
	const verb = { [ADDITION]: 'log_addition', [CHANGE]: 'log_change', [DELETION]: 'log_deletion' };
	const entry = new LogEntry({
		action_time: request.sim.now(),
		user: request.user as never,
		content_type: contentTypeFor(obj),
		object_id: String(obj.pk),
		object_repr: String(obj).slice(0, 200),
		action_flag: flag,
		change_message: message
	});
	entry.save({ orm: `self.${verb[flag as 1 | 2 | 3]}(request, obj, message)` });
	return entry;
}

export function log_addition(request: HttpRequest, obj: Model, message: ChangeMessage): LogEntry {
	return log(request, obj, ADDITION, pyJsonDumpsSpaced(message));
}

export function log_change(request: HttpRequest, obj: Model, message: ChangeMessage): LogEntry {
	return log(request, obj, CHANGE, message.length ? pyJsonDumpsSpaced(message) : '');
}

export function log_deletion(request: HttpRequest, obj: Model): LogEntry {
	return log(request, obj, DELETION, '');
}

/** `LogEntry.get_change_message()`: the JSON in words, as the history page shows it. */
export function changeMessageText(entry: LogEntry): string {
	const raw = entry.change_message;
	if (!raw || !raw.startsWith('[')) return raw ?? '';
	const parts: string[] = [];
	for (const sub of JSON.parse(raw) as ChangeMessage) {
		if ('added' in sub) {
			const added = sub.added as { name?: string; object?: string };
			parts.push(added.name ? `Added ${added.name} “${added.object}”.` : 'Added.');
		} else if ('changed' in sub) {
			const changed = sub.changed as { name?: string; object?: string; fields: string[] };
			const fields = joinAnd(changed.fields);
			parts.push(
				changed.name
					? `Changed ${fields} for ${changed.name} “${changed.object}”.`
					: `Changed ${fields}.`
			);
		} else if ('deleted' in sub) {
			const deleted = sub.deleted as { name: string; object: string };
			parts.push(`Deleted ${deleted.name} “${deleted.object}”.`);
		}
	}
	return parts.join(' ') || 'No fields changed.';
}

/** `get_text_list(list, "and")`: "Title, Body and Author". */
function joinAnd(items: readonly string[]): string {
	if (items.length <= 1) return items.join('');
	return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
