/** mysite/views.py: the home page, and a view with a bug on purpose. */
import { defineView } from '../../django/http';
import { render } from '../../django/shortcuts';
import { ran } from '../../django/views/runtime';
import { pySource } from '../sources';

const homeCode = pySource('mysite/views.py', 'home');

export const home = defineView(
	'mysite.views.home',
	(request) => {
		ran(request, homeCode.ref('return render(request, "home.html")'), 'Renders home.html.');
		return render(request, 'home.html');
	},
	{ source: homeCode.header }
);

/** Python's ZeroDivisionError, as the traceback on the DEBUG page names it. */
export class ZeroDivisionError extends Error {
	static readonly pythonName = 'ZeroDivisionError';
	override name = 'ZeroDivisionError';
}

const boomCode = pySource('mysite/views.py', 'boom');

export const boom = defineView(
	'mysite.views.boom',
	(request) => {
		ran(request, boomCode.ref('orders_today = 0'), 'Sets orders_today to 0.');
		ran(
			request,
			boomCode.ref(
				'average = 100 / orders_today  # a bug on purpose: dividing by zero raises an error'
			),
			'Divides by zero: Python raises ZeroDivisionError, and nothing catches it.'
		);
		throw new ZeroDivisionError('division by zero');
	},
	{ source: boomCode.header }
);
