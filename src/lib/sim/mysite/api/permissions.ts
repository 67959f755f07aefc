/** api/permissions.py. */
import type { Order } from '../shop/models';
import type { Post } from '../blog/models';
import { SAFE_METHODS, type BasePermission } from '../rest-framework/permissions';

export const IsOwner: BasePermission = {
	name: 'IsOwner',
	has_object_permission: (request, obj) => (obj as Order).user.pk === request.user.pk
};

export const IsAuthorOrReadOnly: BasePermission = {
	name: 'IsAuthorOrReadOnly',
	has_object_permission: (request, obj) =>
		SAFE_METHODS.includes(request.method) || (obj as Post).author.pk === request.user.pk
};
