/**
 * `F()` and `Q()`: a column used as a value (`F('stock') - 1`) and conditions combined with
 * `|`, `&` and `~`. JavaScript has no operator overloading, so the operators are methods:
 * `F('stock').sub(1)`, `Q({...}).or(Q({...}))`, `Q({...}).not()`. Each knows its Python text.
 */
import { pyArgs, pyKwargs, pyRepr } from './python-repr';

export type Operator = '+' | '-' | '*' | '/';

/** A reference to a field of the row being queried or updated. */
export class FRef {
	constructor(readonly name: string) {}
	add(value: unknown): Combined {
		return new Combined(this, '+', value);
	}
	sub(value: unknown): Combined {
		return new Combined(this, '-', value);
	}
	mul(value: unknown): Combined {
		return new Combined(this, '*', value);
	}
	div(value: unknown): Combined {
		return new Combined(this, '/', value);
	}
	toPython(): string {
		return `F(${pyRepr(this.name)})`;
	}
}

/** `F('stock') - 1`: Django's CombinedExpression. */
export class Combined {
	constructor(
		readonly lhs: FRef | Combined,
		readonly operator: Operator,
		readonly rhs: unknown
	) {}
	add(value: unknown): Combined {
		return new Combined(this, '+', value);
	}
	sub(value: unknown): Combined {
		return new Combined(this, '-', value);
	}
	mul(value: unknown): Combined {
		return new Combined(this, '*', value);
	}
	div(value: unknown): Combined {
		return new Combined(this, '/', value);
	}
	toPython(): string {
		// Python needs brackets where the operators would bind otherwise: (F('a') + 1) * 2.
		const left =
			this.lhs instanceof Combined && /[*/]/.test(this.operator) && /[+-]/.test(this.lhs.operator)
				? `(${this.lhs.toPython()})`
				: this.lhs.toPython();
		return `${left} ${this.operator} ${pyRepr(this.rhs)}`;
	}
}

export type Expression = FRef | Combined;

export function isExpression(value: unknown): value is Expression {
	return value instanceof FRef || value instanceof Combined;
}

/** One `name__lookup=value` condition. */
export interface Condition {
	path: string;
	value: unknown;
}

/** A tree of conditions, as Django's `Q` and `WhereNode`. */
export class QNode {
	readonly children: ReadonlyArray<Condition | QNode>;
	private readonly kwargsText: string;
	constructor(
		kwargs: Readonly<Record<string, unknown>> = {},
		readonly connector: 'AND' | 'OR' = 'AND',
		readonly negated = false,
		children?: ReadonlyArray<Condition | QNode>,
		kwargsText?: string
	) {
		// Django sorts keyword arguments: Q(**kwargs) builds children from sorted(kwargs.items()).
		this.children =
			children ??
			Object.keys(kwargs)
				.sort()
				.map((path) => ({ path, value: kwargs[path] }));
		this.kwargsText = kwargsText ?? pyKwargs(kwargs);
	}

	/** True for `Q(a=1, b=2)`, false for a node that combines other nodes. */
	get isLeaf(): boolean {
		return this.children.every((child) => !(child instanceof QNode));
	}

	private combine(other: QNode, connector: 'AND' | 'OR'): QNode {
		return new QNode({}, connector, false, [this, other]);
	}
	or(other: QNode): QNode {
		return this.combine(other, 'OR');
	}
	and(other: QNode): QNode {
		return this.combine(other, 'AND');
	}
	/** `~q`: as Django's `Q.__invert__`, the same children, negated. */
	not(): QNode {
		return new QNode({}, this.connector, !this.negated, this.children, this.kwargsText);
	}

	toPython(): string {
		if (this.negated) {
			const plain = this.not();
			return plain.isLeaf ? `~${plain.toPython()}` : `~(${plain.toPython()})`;
		}
		if (this.isLeaf) return `Q(${this.kwargsText})`;
		const operator = this.connector === 'OR' ? ' | ' : ' & ';
		return this.children
			.map((child) => {
				const text = (child as QNode).toPython();
				const child_ = child as QNode;
				const needsParens =
					!child_.isLeaf && !child_.negated && child_.connector !== this.connector;
				return needsParens ? `(${text})` : text;
			})
			.join(operator);
	}
}

/** `Q(title__icontains='x')`, written `Q({ title__icontains: 'x' })`. */
export function Q(kwargs: Readonly<Record<string, unknown>> = {}): QNode {
	return new QNode(kwargs);
}

/** `F('stock')`. */
export function F(name: string): FRef {
	return new FRef(name);
}

/** What filter(), exclude() and get() accept: Q objects and keyword-argument objects. */
export type Filter = QNode | Readonly<Record<string, unknown>>;

/** The arguments of one filter() call as one Q (Django: `Q(*args, **kwargs)`). */
export function toQ(args: readonly Filter[]): QNode {
	const nodes = args.map((arg) => (arg instanceof QNode ? arg : new QNode(arg)));
	return nodes.length === 1 ? nodes[0] : new QNode({}, 'AND', false, nodes);
}

/** Python arguments for filter(): Q objects first, then keyword arguments. */
export function filterArgs(args: readonly Filter[]): string {
	const qs = args.filter((arg): arg is QNode => arg instanceof QNode);
	const kwargs = Object.assign({}, ...args.filter((arg) => !(arg instanceof QNode)));
	return pyArgs(qs, kwargs);
}
