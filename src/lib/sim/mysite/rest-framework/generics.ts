/**
 * DRF's generic views (`rest_framework.generics` and the mixins): `GenericAPIView` with a
 * queryset, a serializer class and `get_object()` by `pk`, and the list / create / retrieve /
 * update / destroy actions with DRF's status codes (201 with `Location` from the `url` field,
 * 204 with no body).
 */
import type { Model, QuerySet } from '../../django/db';
import type { HttpResponse } from '../../django/http';
import { get_object_or_404 } from '../../django/shortcuts';
import { reverseOf } from '../../django/views/runtime';
import type { ModelSerializer, SerializerContext } from './serializers';
import { APIView, Response } from './views';

type SerializerClass<I extends Model> = new (
	instance: I | null,
	context: SerializerContext,
	data?: Record<string, unknown>,
	partial?: boolean
) => ModelSerializer<I>;

/** `GenericAPIView`: a queryset, a serializer class, `get_object()` by `pk`. */
export class GenericAPIView<I extends Model = Model> extends APIView {
	queryset?: QuerySet<I>;
	serializer_class?: SerializerClass<I>;

	get_queryset(): QuerySet<I> {
		if (!this.queryset)
			throw new Error(`'${this.constructor.name}' should include a queryset attribute.`);
		return this.queryset.all();
	}

	get_serializer_context(): SerializerContext {
		const reverse = reverseOf(this.request);
		return { request: this.request, reverse: (name, args) => reverse(name, { args }) };
	}

	get_serializer(
		instance: I | null,
		data?: Record<string, unknown>,
		partial = false
	): ModelSerializer<I> {
		if (!this.serializer_class)
			throw new Error(`'${this.constructor.name}' should include a serializer_class.`);
		return new this.serializer_class(instance, this.get_serializer_context(), data, partial);
	}

	get_object(): I {
		const obj = get_object_or_404(this.get_queryset(), { pk: this.kwargs.pk });
		this.check_object_permissions(this.request, obj);
		return obj;
	}
}

/** `ListModelMixin` + `CreateModelMixin` + `RetrieveModelMixin` + ... as methods to share. */
export class ModelAPIView<I extends Model = Model> extends GenericAPIView<I> {
	list(): HttpResponse {
		const rows = this.get_queryset().list();
		const serializer = this.get_serializer(null);
		return Response(rows.map((row) => serializer.toRepresentation(row)));
	}

	create(): HttpResponse {
		const serializer = this.get_serializer(null, this.data as Record<string, unknown>);
		serializer.is_valid({ raise_exception: true });
		this.perform_create(serializer);
		const data = serializer.data;
		const headers: Record<string, string> = {};
		if (typeof data.url === 'string') headers.Location = data.url;
		return Response(data, 201, headers);
	}

	perform_create(serializer: ModelSerializer<I>): void {
		serializer.save();
	}

	retrieve(): HttpResponse {
		const instance = this.get_object();
		return Response(this.get_serializer(instance).data);
	}

	update(partial: boolean): HttpResponse {
		const instance = this.get_object();
		const serializer = this.get_serializer(instance, this.data as Record<string, unknown>, partial);
		serializer.is_valid({ raise_exception: true });
		serializer.save();
		return Response(serializer.data);
	}

	destroy(): HttpResponse {
		const instance = this.get_object();
		instance.delete();
		return Response(undefined, 204);
	}
}

export class ListAPIView<I extends Model = Model> extends ModelAPIView<I> {
	get(): HttpResponse {
		return this.list();
	}
}

export class ListCreateAPIView<I extends Model = Model> extends ModelAPIView<I> {
	get(): HttpResponse {
		return this.list();
	}
	post(): HttpResponse {
		return this.create();
	}
}

export class RetrieveUpdateDestroyAPIView<I extends Model = Model> extends ModelAPIView<I> {
	get(): HttpResponse {
		return this.retrieve();
	}
	put(): HttpResponse {
		return this.update(false);
	}
	patch(): HttpResponse {
		return this.update(true);
	}
	delete(): HttpResponse {
		return this.destroy();
	}
}
