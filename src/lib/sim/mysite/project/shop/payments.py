"""Charging a card with Example Pay's JSON API, server to server.

The browser never talks to the provider here: the view sends the charge from the server,
with the secret key from settings_full.py in the Authorization header, so the key never
reaches a page. (A real shop would not let card numbers touch its server at all: the
provider's own form would turn the card into a token in the browser. The test card field
keeps the example short.)
"""

import requests
from django.conf import settings


class CardDeclined(Exception):
    """The provider refused the card; the message is the provider's, for the customer."""


class PaymentUnavailable(Exception):
    """The provider did not answer in time (or at all): the customer may try again."""


def charge(amount, card_number, description, idempotency_key):
    """Charge `amount` cents; the same idempotency key never charges twice."""
    try:
        response = requests.post(
            f"{settings.PAYMENTS_API_URL}/v1/charges",
            json={
                "amount": amount,
                "currency": "eur",
                "card": {"number": card_number},
                "description": description,
            },
            headers={
                "Authorization": f"Bearer {settings.PAYMENTS_SECRET_KEY}",
                "Idempotency-Key": idempotency_key,
            },
            timeout=settings.PAYMENTS_TIMEOUT,
        )
    except (requests.exceptions.Timeout, requests.exceptions.ConnectionError) as error:
        raise PaymentUnavailable(str(error)) from error
    if response.status_code == 402:
        raise CardDeclined(response.json()["error"]["message"])
    response.raise_for_status()  # 401 (a wrong key) or 400: a mistake of ours, a 500 page
    return response.json()
