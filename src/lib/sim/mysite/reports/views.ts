/** reports/views.py: a report that takes 45 seconds of (simulated) work. */
import { defineView, HttpResponse } from '../../django/http';
import { ran, recorderOf } from '../../django/views/runtime';
import { pySource } from '../sources';

/** How long the report takes, in simulated milliseconds: longer than gunicorn's 30 s timeout. */
export const SLOW_REPORT_MS = 45_000;

const code = pySource('reports/views.py', 'slow_report');

export const slow_report = defineView(
	'reports.views.slow_report',
	(request) => {
		ran(
			request,
			code.ref('time.sleep(45)  # stands in for 45 seconds of heavy number crunching'),
			'The view works for 45 seconds before it can answer.'
		);
		recorderOf(request).spend('view', SLOW_REPORT_MS);
		ran(
			request,
			code.ref(
				'return HttpResponse("The yearly sales report is ready.", content_type="text/plain")'
			),
			'The report is ready.'
		);
		return new HttpResponse('The yearly sales report is ready.', {
			content_type: 'text/plain'
		});
	},
	{ source: code.header }
);
