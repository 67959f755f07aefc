/** blog/forms.py: PostForm and CommentForm. */
import { ModelForm } from '../../django/forms';
import { Comment, Post } from './models';

export class PostForm extends ModelForm<Post> {
	static override python_name = 'PostForm';
	static override model = Post;
	static override fields = ['title', 'body'];
}

export class CommentForm extends ModelForm<Comment> {
	static override python_name = 'CommentForm';
	static override model = Comment;
	static override fields = ['name', 'body'];
}
