// Sends the order form to the API as JSON in the background, then opens the confirmation page.
// Django's CSRF protection wants the token in the X-CSRFToken header for a JSON request.

/** @param {HTMLFormElement} form  @param {HTMLElement} statusLine */
function sendOrderAsJson(form, statusLine) {
	form.addEventListener('submit', async (event) => {
		event.preventDefault();
		const data = new FormData(form);
		statusLine.textContent = 'Placing your order…';
		const response = await fetch(form.dataset.apiUrl ?? '/api/orders/', {
			method: 'POST',
			credentials: 'same-origin',
			headers: {
				'Content-Type': 'application/json',
				Accept: 'application/json',
				'X-CSRFToken': String(data.get('csrfmiddlewaretoken'))
			},
			body: JSON.stringify({
				product: Number(data.get('product')),
				quantity: Number(data.get('quantity'))
			})
		});
		const body = await response.json();
		if (response.status === 201) {
			const next = form.dataset.successUrl ?? '/shop/orders/{id}/';
			window.location.assign(next.replace('{id}', body.id));
		} else {
			// DRF answers 400 with {"field": ["message", …]}; show each message.
			statusLine.textContent = Object.entries(body)
				.map(([field, errors]) => `${field}: ${[errors].flat().join(' ')}`)
				.join('\n');
		}
	});
}

const orderForm = document.getElementById('order-form');
const orderStatus = document.getElementById('order-status');
if (orderForm instanceof HTMLFormElement && orderStatus) sendOrderAsJson(orderForm, orderStatus);
