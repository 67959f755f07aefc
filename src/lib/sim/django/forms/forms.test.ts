import { describe, expect, it } from 'vitest';
import { QueryDict } from '../query-dict';
import { ValidationError } from './errors';
import { CharField, EmailField, IntegerField, ModelChoiceField, PasswordField } from './fields';
import { Form, type FormOptions } from './forms';
import { Textarea } from './widgets';

class ContactForm extends Form {
	constructor(options: FormOptions = {}) {
		super(
			{
				name: new CharField({ maxLength: 20 }),
				email: new EmailField(),
				age: new IntegerField({ minValue: 0, required: false }),
				message: new CharField({}, new Textarea())
			},
			options
		);
	}

	override clean() {
		if (this.cleaned_data.name === 'admin' && this.cleaned_data.message === 'sudo') {
			throw new ValidationError('Nice try.');
		}
		return this.cleaned_data;
	}
}

const data = (fields: Record<string, string>) => QueryDict.fromEntries(Object.entries(fields));

describe('Form', () => {
	it('is not bound, valid or erroneous without data', () => {
		const form = new ContactForm();
		expect(form.is_bound).toBe(false);
		expect(form.is_valid()).toBe(false);
		expect(form.errors).toEqual({});
	});

	it('cleans valid data into Python values', () => {
		const form = new ContactForm({
			data: data({ name: '  Ann ', email: 'ann@example.test', age: '42', message: 'Hi' })
		});
		expect(form.is_valid()).toBe(true);
		expect(form.cleaned_data).toEqual({
			name: 'Ann',
			email: 'ann@example.test',
			age: 42,
			message: 'Hi'
		});
	});

	it("collects Django's messages per field", () => {
		const form = new ContactForm({
			data: data({ name: 'x'.repeat(21), email: 'nope', age: '-1', message: '' })
		});
		expect(form.is_valid()).toBe(false);
		const messages = Object.fromEntries(Object.entries(form.errors).map(([k, v]) => [k, [...v]]));
		expect(messages).toEqual({
			name: ['Ensure this value has at most 20 characters (it has 21).'],
			email: ['Enter a valid email address.'],
			age: ['Ensure this value is greater than or equal to 0.'],
			message: ['This field is required.']
		});
		expect(new ContactForm({ data: data({ age: 'ten' }) }).errors.age.messages).toEqual([
			'Enter a whole number.'
		]);
	});

	it('puts errors from clean() in non_field_errors', () => {
		const form = new ContactForm({
			data: data({ name: 'admin', email: 'a@b.test', message: 'sudo' })
		});
		expect(form.is_valid()).toBe(false);
		expect(form.non_field_errors.value).toBe(
			'<ul class="errorlist nonfield"><li>Nice try.</li></ul>'
		);
	});

	it('add_error() moves a value out of cleaned_data', () => {
		const form = new ContactForm({ data: data({ name: 'Ann', email: 'a@b.test', message: 'Hi' }) });
		expect(form.is_valid()).toBe(true);
		form.add_error('name', 'Taken.');
		expect(form.is_valid()).toBe(false);
		expect('name' in form.cleaned_data).toBe(false);
		expect(form.errors.name.value).toBe(
			'<ul class="errorlist" id="id_name_error"><li>Taken.</li></ul>'
		);
	});

	it('renders as_p as Django 5.2 does: label, widget, errors above with aria links', () => {
		const form = new ContactForm({ data: data({ name: '', email: 'a@b.test', message: 'Hi' }) });
		const html = form.as_p.value;
		expect(html).toContain(
			'<ul class="errorlist" id="id_name_error"><li>This field is required.</li></ul>'
		);
		expect(html).toContain('<label for="id_name">Name:</label>');
		expect(html).toContain(
			'<input type="text" name="name" maxlength="20" required aria-invalid="true" aria-describedby="id_name_error" id="id_name">'
		);
		expect(html).toContain(
			'<input type="email" name="email" value="a@b.test" maxlength="254" required id="id_email">'
		);
		expect(html).toContain('<input type="number" name="age" min="0" id="id_age">');
		expect(html).toContain(
			'<textarea name="message" cols="40" rows="10" required id="id_message">\nHi</textarea>'
		);
	});

	it('escapes what the user typed when it draws the form again', () => {
		const form = new ContactForm({ data: data({ name: '"><script>x</script>' }) });
		expect(form.field('name').value).toContain('value="&quot;&gt;&lt;script&gt;x&lt;/script&gt;"');
	});

	it('gives bound fields as attributes, with label_tag and errors', () => {
		const form = new ContactForm({ data: data({}) }) as ContactForm & Record<string, unknown>;
		const name = form.name as ReturnType<Form['field']>;
		expect(name.label_tag.value).toBe('<label for="id_name">Name:</label>');
		expect(name.errors.length).toBe(1);
		expect([...name.errors]).toEqual(['This field is required.']);
	});

	it('puts required_css_class on the labels and rows of required fields only', () => {
		class Marked extends ContactForm {
			override readonly required_css_class = 'required';
		}
		const form = new Marked();
		expect(form.field('name').label_tag.value).toBe(
			'<label for="id_name" class="required">Name:</label>'
		);
		expect(form.field('age').label_tag.value).toBe('<label for="id_age">Age:</label>');
		expect(form.as_div.value).toContain(
			'<div class="required">\n    <label for="id_name" class="required">'
		);
		expect(form.as_div.value).toContain('<div>\n    <label for="id_age">Age:</label>');
		expect(form.as_p.value).toContain(
			'<p class="required">\n    <label for="id_email" class="required">'
		);
		// Without ids django/forms/label.html draws the label's text alone.
		expect(new Marked({ auto_id: false }).field('name').label_tag.value).toBe('Name:');
	});

	it('never prints a password back', () => {
		const form = new Form(
			{ password: new PasswordField() },
			{ data: data({ password: 'secret' }) }
		);
		expect(form.field('password').value).toBe(
			'<input type="password" name="password" required id="id_password">'
		);
	});

	it('draws a ModelChoiceField as a select and cleans to the chosen object', () => {
		const rows = [
			{ pk: 1, label: 'Mug' },
			{ pk: 2, label: 'Teapot' }
		];
		const field = new ModelChoiceField({
			choices: () => rows.map((r) => [String(r.pk), r.label] as const),
			lookup: (value) => rows.find((r) => String(r.pk) === value)
		});
		const form = new Form({ product: field }, { initial: { product: 2 } });
		expect(form.field('product').value).toBe(
			'<select name="product" required id="id_product">\n  <option value="">---------</option>\n\n  <option value="1">Mug</option>\n\n  <option value="2" selected>Teapot</option>\n\n</select>'
		);
		const bound = new Form({ product: field }, { data: data({ product: '1' }) });
		expect(bound.is_valid()).toBe(true);
		expect(bound.cleaned_data.product).toBe(rows[0]);
		const wrong = new Form({ product: field }, { data: data({ product: '7' }) });
		expect(wrong.errors.product.messages).toEqual([
			'Select a valid choice. That choice is not one of the available choices.'
		]);
	});
});
