/** accounts/views.py, line by line; login and logout are Django's own views (see accounts/urls.ts). */
import { User } from '../../django/auth';
import { defineView, PermissionDenied } from '../../django/http';
import { get_object_or_404, redirect, render } from '../../django/shortcuts';
import { login_required } from '../../django/views';
import { ran } from '../../django/views/runtime';
import type { Post } from '../blog/models';
import type { Manager } from '../../django/db';
import { pySource } from '../sources';
import { ProfileForm } from './forms';

const FILE = 'accounts/views.py';

/** `user.posts`: the reverse side of Post.author (related_name="posts"). */
function postsOf(user: User): Manager<Post> {
	return (user as unknown as { posts: Manager<Post> }).posts;
}

const profileCode = pySource(FILE, 'profile');

export const profile = login_required(
	defineView(
		'accounts.views.profile',
		(request) => {
			const user = request.user as User;
			ran(request, profileCode.ref('posts = request.user.posts.all()'), 'Gets your posts.');
			const posts = postsOf(user).all();
			ran(
				request,
				profileCode.ref(
					'return render(request, "accounts/profile.html", {"profile_user": request.user, "posts": posts})'
				),
				'Renders your profile.'
			);
			return render(request, 'accounts/profile.html', { profile_user: user, posts });
		},
		{ source: profileCode.header }
	)
);

const detailCode = pySource(FILE, 'user_detail');

export const user_detail = defineView(
	'accounts.views.user_detail',
	(request, { username }) => {
		ran(
			request,
			detailCode.ref('profile_user = get_object_or_404(User, username=username)'),
			`Looks up the user "${username}".`
		);
		const profile_user = get_object_or_404(User.objects, { username });
		ran(request, detailCode.ref('posts = profile_user.posts.all()'), 'Gets their posts.');
		const posts = postsOf(profile_user).all();
		ran(
			request,
			detailCode.ref(
				'return render(request, "accounts/profile.html", {"profile_user": profile_user, "posts": posts})'
			),
			'Renders the profile.'
		);
		return render(request, 'accounts/profile.html', { profile_user, posts });
	},
	{ source: detailCode.header }
);

const editCode = pySource(FILE, 'user_edit');

export const user_edit = login_required(
	defineView(
		'accounts.views.user_edit',
		(request, { username }) => {
			ran(
				request,
				editCode.ref('profile_user = get_object_or_404(User, username=username)'),
				`Looks up the user "${username}".`
			);
			const profile_user = get_object_or_404(User.objects, { username });
			ran(request, editCode.ref('if profile_user != request.user:'), 'Is this your own profile?');
			if (profile_user.pk !== request.user.pk) {
				ran(request, editCode.ref('raise PermissionDenied'), "Someone else's profile: 403.");
				throw new PermissionDenied();
			}
			let form: ProfileForm;
			if (request.method === 'POST') {
				ran(
					request,
					editCode.ref(
						'if request.method == "POST":',
						'form = ProfileForm(request.POST, instance=profile_user)',
						'if form.is_valid():'
					),
					'Fills the form with the POST data and checks it.'
				);
				form = new ProfileForm({ data: request.POST, instance: profile_user });
				if (form.is_valid()) {
					ran(
						request,
						editCode.ref(
							'form.save()',
							'return redirect("user_detail", username=profile_user.username)'
						),
						'Saves and goes back to the profile.'
					);
					form.save();
					return redirect(request, 'user_detail', { kwargs: { username: profile_user.username } });
				}
			} else {
				ran(
					request,
					editCode.ref('form = ProfileForm(instance=profile_user)'),
					'A form filled with your details.'
				);
				form = new ProfileForm({ instance: profile_user });
			}
			ran(
				request,
				editCode.ref(
					'return render(request, "accounts/profile_form.html", {"form": form, "profile_user": profile_user})'
				),
				'Renders the form.'
			);
			return render(request, 'accounts/profile_form.html', { form, profile_user });
		},
		{ source: editCode.header }
	)
);
