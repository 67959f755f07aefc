/**
 * Django's ORM over a real SQLite database (sql.js): the public face of `django/db`.
 *
 *     const db = openDatabase(await initSqlJs());
 *     migrate(db, [User, Post]);
 *     db.onQuery((q) => trace.push(q));
 *     Post.objects.filter({ author__username: 'alice' }).order_by('-created').slice(0, 5).list();
 */
export {
	Database,
	openDatabase,
	type QueryListener,
	type RunResult,
	type SqlValue
} from './database';
export {
	FieldError,
	IntegrityError,
	MultipleObjectsReturned,
	NON_FIELD_ERRORS,
	ObjectDoesNotExist,
	ValidationError
} from './errors';
export { F, Q, FRef, QNode, Combined } from './expressions';
export {
	AutoField,
	BooleanField,
	CharField,
	DateTimeField,
	DecimalField,
	EmailField,
	ForeignKey,
	ForeignKeyField,
	IntegerField,
	PositiveIntegerField,
	SlugField,
	TextField,
	UUIDField,
	type OnDelete
} from './field-constructors';
export { Field, formatDatetime, parseDatetime, type FieldOptions } from './fields';
export { ModelMeta } from './meta';
export { migrate, sqlForModel } from './migrate';
export {
	defineModel,
	Model,
	type DefinedModel,
	type Instance,
	type ModelClass,
	type ModelSpec,
	type Values
} from './model';
export { ProtectedError } from './deletion';
export { RelatedObjectDoesNotExist } from './related';
export { reverseRelations, targetModel, type Reverse } from './relations';
export { Manager, QuerySet, type Filter } from './queryset';
export { pyRepr } from './python-repr';
export {
	MaxLengthValidator,
	MaxValueValidator,
	MinValueValidator,
	validateEmail,
	validateSlug,
	type Validator
} from './validators';
