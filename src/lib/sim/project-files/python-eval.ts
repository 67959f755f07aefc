/**
 * Runs a parsed settings.py or urls.py as Python would import it, over values this simulation
 * understands: constants, lists, tuples, dicts, and objects a reader provides (a module, a view,
 * `path`, a `Path`). Nothing here runs JavaScript from the file: every name and attribute is
 * looked up in tables the reader hands in. Errors are Python's (NameError, AttributeError…).
 */
import type { Expr, PyConstType, Statement } from './python-parse';
import { PythonError, SimulationReadsOnly, type PyLocation } from './python-errors';
import { READS_ONLY } from './python-parse';

export type PyValue =
	| { t: 'const'; py: PyConstType; v: string | number | boolean | null }
	| { t: 'list' | 'tuple'; items: PyValue[] }
	| { t: 'dict'; entries: [PyValue, PyValue][] }
	| PyObject;

/** Anything else: a module, a function, a class, a view, a `Path`. */
export interface PyObject {
	t: 'object';
	/** Python's type name, for error messages: `module`, `function`, `PosixPath`… */
	typeName: string;
	/** `repr()`-ish name: `'blog.views'` for a module. */
	label: string;
	attr?(name: string): PyValue | undefined;
	call?(args: PyValue[], kwargs: Record<string, PyValue>, line: number): PyValue;
	/** `self / other` (pathlib). */
	divide?(other: PyValue): PyValue;
	/** For readers: what this object stands for. */
	payload?: unknown;
}

export const NONE: PyValue = { t: 'const', py: 'NoneType', v: null };
export const str = (v: string): PyValue => ({ t: 'const', py: 'str', v });

export function typeName(value: PyValue): string {
	if (value.t === 'const') return value.py;
	if (value.t === 'object') return value.typeName;
	return value.t;
}

/** Python's `repr()` of a plain value (for messages). */
export function pyRepr(value: PyValue): string {
	switch (value.t) {
		case 'const':
			if (value.py === 'str')
				return `'${String(value.v).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
			if (value.py === 'bool') return value.v ? 'True' : 'False';
			if (value.py === 'NoneType') return 'None';
			return String(value.v);
		case 'list':
			return `[${value.items.map(pyRepr).join(', ')}]`;
		case 'tuple':
			return `(${value.items.map(pyRepr).join(', ')}${value.items.length === 1 ? ',' : ''})`;
		case 'dict':
			return `{${value.entries.map(([k, v]) => `${pyRepr(k)}: ${pyRepr(v)}`).join(', ')}}`;
		default:
			return value.label;
	}
}

export interface ModuleRun {
	/** Module-level names after the import, in the order first assigned. */
	names: Map<string, PyValue>;
	/** The line each name was (last) assigned on. */
	lines: Map<string, number>;
}

export interface EvalOptions {
	file: string;
	source: string;
	/** Module names the file may import (`django.urls`), by dotted name; `level` for `from . import`. */
	importModule(module: string, level: number, line: number): PyValue;
	/** Names available without import (`__file__`). */
	builtins?: Record<string, PyValue>;
}

export function runModule(statements: Statement[], options: EvalOptions): ModuleRun {
	const lines = options.source.split('\n');
	const names = new Map<string, PyValue>();
	const assigned = new Map<string, number>();
	const loc = (line: number): PyLocation => ({ file: options.file, line, text: lines[line - 1] });
	const fail = (type: string, message: string, line: number) =>
		new PythonError(type, message, loc(line));

	function evaluate(expr: Expr): PyValue {
		switch (expr.kind) {
			case 'const':
				return { t: 'const', py: expr.py, v: expr.value };
			case 'name': {
				const found = names.get(expr.name) ?? options.builtins?.[expr.name];
				if (!found) throw fail('NameError', `name '${expr.name}' is not defined`, expr.line);
				return found;
			}
			case 'attr': {
				const object = evaluate(expr.object);
				const found = object.t === 'object' ? object.attr?.(expr.name) : undefined;
				if (!found) {
					const what =
						object.t === 'object' && object.typeName === 'module'
							? `module ${object.label} has no attribute '${expr.name}'`
							: `'${typeName(object)}' object has no attribute '${expr.name}'`;
					throw fail('AttributeError', what, expr.line);
				}
				return found;
			}
			case 'call': {
				const func = evaluate(expr.func);
				const args = expr.args.map(evaluate);
				const kwargs: Record<string, PyValue> = {};
				for (const { name, value } of expr.kwargs) {
					if (name in kwargs)
						throw fail('SyntaxError', `keyword argument repeated: ${name}`, expr.line);
					kwargs[name] = evaluate(value);
				}
				if (func.t !== 'object' || !func.call)
					throw fail('TypeError', `'${typeName(func)}' object is not callable`, expr.line);
				try {
					return func.call(args, kwargs, expr.line);
				} catch (error) {
					if (error instanceof PythonError || error instanceof SimulationReadsOnly) {
						if (!error.location) Object.assign(error, { location: loc(expr.line) });
						throw error;
					}
					if (error instanceof Error) {
						// A Django check raised by the call (ImproperlyConfigured, TypeError).
						const type =
							error.name === 'ImproperlyConfigured'
								? 'django.core.exceptions.ImproperlyConfigured'
								: error.name;
						throw fail(type, error.message, expr.line);
					}
					throw error;
				}
			}
			case 'list':
			case 'tuple':
				return { t: expr.kind, items: expr.items.map(evaluate) };
			case 'dict':
				return {
					t: 'dict',
					entries: expr.entries.map(({ key, value }) => [evaluate(key), evaluate(value)])
				};
			case 'unary': {
				const operand = evaluate(expr.operand);
				if (operand.t === 'const' && typeof operand.v === 'number')
					return { ...operand, v: expr.op === '-' ? -operand.v : operand.v };
				throw fail(
					'TypeError',
					`bad operand type for unary ${expr.op}: '${typeName(operand)}'`,
					expr.line
				);
			}
			case 'binop':
				return binop(expr.op, evaluate(expr.left), evaluate(expr.right), expr.line);
		}
	}

	function binop(op: string, left: PyValue, right: PyValue, line: number): PyValue {
		if (op === '/' && left.t === 'object' && left.divide) return left.divide(right);
		const num = (v: PyValue) =>
			v.t === 'const' && (v.py === 'int' || v.py === 'float' || v.py === 'bool');
		if (num(left) && num(right)) {
			const a = Number((left as { v: number }).v);
			const b = Number((right as { v: number }).v);
			const float =
				op === '/' ||
				(left as { py: string }).py === 'float' ||
				(right as { py: string }).py === 'float';
			if ((op === '/' || op === '//' || op === '%') && b === 0)
				throw fail('ZeroDivisionError', 'division by zero', line);
			const value =
				op === '+'
					? a + b
					: op === '-'
						? a - b
						: op === '*'
							? a * b
							: op === '/'
								? a / b
								: op === '//'
									? Math.floor(a / b)
									: ((a % b) + b) % b;
			return { t: 'const', py: float ? 'float' : 'int', v: value };
		}
		if (
			op === '+' &&
			left.t === 'const' &&
			left.py === 'str' &&
			right.t === 'const' &&
			right.py === 'str'
		)
			return str(String(left.v) + String(right.v));
		if (op === '+' && left.t === right.t && (left.t === 'list' || left.t === 'tuple'))
			return { t: left.t, items: [...left.items, ...(right as { items: PyValue[] }).items] };
		if (op === '*' && (left.t === 'list' || (left.t === 'const' && left.py === 'str')))
			throw new SimulationReadsOnly(`${READS_ONLY} It does not read repetition with *.`, loc(line));
		throw fail(
			'TypeError',
			`unsupported operand type(s) for ${op}: '${typeName(left)}' and '${typeName(right)}'`,
			line
		);
	}

	for (const statement of statements) {
		if (statement.kind === 'docstring') continue;
		if (statement.kind === 'import') {
			const module = options.importModule(statement.module, 0, statement.line);
			const bound = statement.alias ?? statement.module.split('.')[0];
			names.set(bound, statement.alias ? module : options.importModule(bound, 0, statement.line));
			assigned.set(bound, statement.line);
			continue;
		}
		if (statement.kind === 'from') {
			for (const { name, alias } of statement.names) {
				const module = options.importModule(statement.module, statement.level, statement.line);
				let value = module.t === 'object' ? module.attr?.(name) : undefined;
				if (!value && module.t === 'object') {
					const dotted = statement.module ? `${statement.module}.${name}` : name;
					// `from . import views`: a submodule.
					value = tryImport(() => options.importModule(dotted, statement.level, statement.line));
				}
				if (!value) {
					const from =
						module.t === 'object' ? module.label.replace(/^'|'$/g, '') : statement.module;
					throw fail('ImportError', `cannot import name '${name}' from '${from}'`, statement.line);
				}
				names.set(alias ?? name, value);
				assigned.set(alias ?? name, statement.line);
			}
			continue;
		}
		names.set(statement.target, evaluate(statement.value));
		assigned.set(statement.target, statement.line);
	}
	return { names, lines: assigned };
}

function tryImport(load: () => PyValue): PyValue | undefined {
	try {
		return load();
	} catch (error) {
		if (error instanceof PythonError && error.type === 'ModuleNotFoundError') return undefined;
		throw error;
	}
}

/** A plain Python value as JSON-like JavaScript (lists and tuples as arrays, dicts as objects). */
export function toPlain(value: PyValue): unknown {
	switch (value.t) {
		case 'const':
			return value.v;
		case 'list':
		case 'tuple':
			return value.items.map(toPlain);
		case 'dict':
			return Object.fromEntries(value.entries.map(([k, v]) => [String(toPlain(k)), toPlain(v)]));
		default:
			return value;
	}
}
