/** blog/models.py: Post and Comment. */
import {
	CharField,
	DateTimeField,
	defineModel,
	ForeignKey,
	TextField,
	type Manager
} from '../../django/db';
import type { User } from '../../django/auth/models';
import { reverse } from '../reverse';

export class Post extends defineModel({
	app: 'blog',
	name: 'Post',
	fields: {
		title: CharField({ maxLength: 200 }),
		body: TextField(),
		author: ForeignKey<User>('auth.User', {
			onDelete: 'CASCADE',
			relatedName: 'posts'
		}),
		created: DateTimeField({ autoNowAdd: true })
	},
	meta: { ordering: ['-created'] },
	str: (post) => post.title
}) {
	declare static objects: Manager<Post>;
	/** `post.comments`, the reverse side of Comment.post (related_name="comments"). */
	declare comments: Manager<Comment>;

	get_absolute_url(): string {
		return reverse('blog:post_detail', { args: [this.pk] });
	}
}

export class Comment extends defineModel({
	app: 'blog',
	name: 'Comment',
	fields: {
		post: ForeignKey<Post>(() => Post, { onDelete: 'CASCADE', relatedName: 'comments' }),
		name: CharField({ maxLength: 80 }),
		body: TextField(),
		created: DateTimeField({ autoNowAdd: true })
	},
	meta: { ordering: ['created'] },
	str: (comment) => `Comment by ${comment.name} on ${String(comment.post)}`
}) {
	declare static objects: Manager<Comment>;
}
