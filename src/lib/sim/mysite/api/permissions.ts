/** api/permissions.py. */
import type { Order } from '../shop/models';
import type { Post } from '../blog/models';
import { SAFE_METHODS, type BasePermission } from '../rest-framework/permissions';
import { pySource } from '../sources';

const code = (name: string) => pySource('api/permissions.py', name);

export const IsOwner: BasePermission = {
	name: 'IsOwner',
	source: code('IsOwner').ref(
		'def has_object_permission(self, request, view, obj):',
		'return obj.user == request.user'
	),
	has_object_permission: (request, obj) => (obj as Order).user.pk === request.user.pk
};

export const IsAuthorOrReadOnly: BasePermission = {
	name: 'IsAuthorOrReadOnly',
	source: code('IsAuthorOrReadOnly').ref(
		'def has_object_permission(self, request, view, obj):',
		'if request.method in permissions.SAFE_METHODS:',
		'return obj.author == request.user'
	),
	has_object_permission: (request, obj) =>
		SAFE_METHODS.includes(request.method) || (obj as Post).author.pk === request.user.pk
};
