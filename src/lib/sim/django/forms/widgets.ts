/**
 * Widgets: how a form field becomes HTML, with the markup Django's own widget templates produce
 * (`django/forms/widgets/*.html`), so the page source matches what a real Django site sends.
 */
import { escapeHtml, flatatt } from './html';

export type Attrs = Record<string, string | number | boolean | null | undefined>;

export type Choice = readonly [value: string, label: string];

export abstract class Widget {
	attrs: Attrs;
	isHidden = false;
	constructor(attrs: Attrs = {}) {
		this.attrs = { ...attrs };
	}

	/** `format_value()`: what goes into `value="…"`; null for nothing. */
	formatValue(value: unknown): string | null {
		if (value === null || value === undefined || value === '') return null;
		return String(value);
	}

	abstract render(name: string, value: unknown, attrs: Attrs): string;
}

export class Input extends Widget {
	inputType = 'text';
	render(name: string, value: unknown, attrs: Attrs): string {
		const formatted = this.formatValue(value);
		const valueAttr = formatted === null ? '' : ` value="${escapeHtml(formatted)}"`;
		const all = flatatt({ ...this.attrs, ...attrs });
		return `<input type="${this.inputType}" name="${escapeHtml(name)}"${valueAttr}${all}>`;
	}
}

export class TextInput extends Input {
	override inputType = 'text';
}

export class NumberInput extends Input {
	override inputType = 'number';
}

export class EmailInput extends Input {
	override inputType = 'email';
}

export class HiddenInput extends Input {
	override inputType = 'hidden';
	override isHidden = true;
}

/** Never prints the password back into the page (Django's `render_value=False`). */
export class PasswordInput extends Input {
	override inputType = 'password';
	override formatValue(): string | null {
		return null;
	}
}

export class Textarea extends Widget {
	constructor(attrs: Attrs = {}) {
		super({ cols: '40', rows: '10', ...attrs });
	}
	render(name: string, value: unknown, attrs: Attrs): string {
		const text = this.formatValue(value) ?? '';
		const all = flatatt({ ...this.attrs, ...attrs });
		return `<textarea name="${escapeHtml(name)}"${all}>\n${escapeHtml(text)}</textarea>`;
	}
}

export class Select extends Widget {
	choices: readonly Choice[] = [];
	render(name: string, value: unknown, attrs: Attrs): string {
		const selected = value === null || value === undefined ? '' : String(value);
		const all = flatatt({ ...this.attrs, ...attrs });
		const options = this.choices
			.map(([optionValue, label]) => {
				const mark = optionValue === selected ? ' selected' : '';
				return `  <option value="${escapeHtml(optionValue)}"${mark}>${escapeHtml(label)}</option>\n\n`;
			})
			.join('');
		return `<select name="${escapeHtml(name)}"${all}>\n${options}</select>`;
	}
}
