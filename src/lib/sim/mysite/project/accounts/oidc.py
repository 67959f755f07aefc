"""
Log in with Example ID: OpenID Connect, the authorization code flow with PKCE.

oidc_login sends the browser to the identity provider; the provider sends it back to
oidc_callback with a one-time code, which the server exchanges for an ID token (server to
server: the browser never sees the client secret, the code_verifier or the token).
"""

import base64
import hashlib
import secrets
from urllib.parse import urlencode

import jwt
import requests
from django.conf import settings
from django.contrib.auth import get_user_model, login
from django.core.exceptions import SuspiciousOperation
from django.shortcuts import redirect, render
from django.urls import reverse

User = get_user_model()

# Fetches the provider's public keys once and keeps them (cache_keys=True).
jwks_client = jwt.PyJWKClient(settings.OIDC_JWKS_URL, cache_keys=True)


def oidc_login(request):
    state = secrets.token_urlsafe(32)
    nonce = secrets.token_urlsafe(32)
    code_verifier = secrets.token_urlsafe(64)
    digest = hashlib.sha256(code_verifier.encode("ascii")).digest()
    code_challenge = base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")
    request.session["oidc"] = {"state": state, "nonce": nonce, "code_verifier": code_verifier}
    params = {
        "response_type": "code",
        "client_id": settings.OIDC_CLIENT_ID,
        "redirect_uri": request.build_absolute_uri(reverse("oidc_callback")),
        "scope": "openid profile email",
        "state": state,
        "nonce": nonce,
        "code_challenge": code_challenge,
        "code_challenge_method": "S256",
    }
    return redirect(f"{settings.OIDC_AUTHORIZATION_ENDPOINT}?{urlencode(params)}")


def oidc_callback(request):
    flow = request.session.pop("oidc", None)
    if flow is None or request.GET.get("state") != flow["state"]:
        raise SuspiciousOperation("OpenID Connect callback: state mismatch")
    if "error" in request.GET:
        context = {"error": request.GET["error"], "description": request.GET.get("error_description", "")}
        return render(request, "accounts/oidc_error.html", context, status=403)

    try:
        response = requests.post(
            settings.OIDC_TOKEN_ENDPOINT,
            data={
                "grant_type": "authorization_code",
                "code": request.GET.get("code", ""),
                "redirect_uri": request.build_absolute_uri(reverse("oidc_callback")),
                "code_verifier": flow["code_verifier"],
            },
            auth=(settings.OIDC_CLIENT_ID, settings.OIDC_CLIENT_SECRET),
            timeout=5,
        )
    except requests.exceptions.RequestException:
        # Example ID is down or too slow: say so, rather than a 500.
        return render(request, "accounts/oidc_error.html", {"error": "temporarily_unavailable"}, status=503)
    if response.status_code != 200:
        error = response.json()
        context = {"error": error.get("error"), "description": error.get("error_description", "")}
        return render(request, "accounts/oidc_error.html", context, status=400)

    id_token = response.json()["id_token"]
    try:
        signing_key = jwks_client.get_signing_key_from_jwt(id_token)
        claims = jwt.decode(
            id_token,
            signing_key.key,
            algorithms=["RS256"],
            audience=settings.OIDC_CLIENT_ID,
            issuer=settings.OIDC_ISSUER,
        )
    except jwt.PyJWKClientConnectionError as error:
        # The provider's public keys could not be fetched: it is not answering.
        return render(request, "accounts/oidc_error.html", {"error": "temporarily_unavailable", "description": str(error)}, status=503)
    except jwt.PyJWTError as error:
        # A token for another site (aud), from someone else (iss), changed (signature) or expired.
        return render(request, "accounts/oidc_error.html", {"error": "invalid_token", "description": str(error)}, status=400)
    if claims.get("nonce") != flow["nonce"]:
        raise SuspiciousOperation("OpenID Connect callback: nonce mismatch")

    user = User.objects.filter(email__iexact=claims["email"]).first()
    if user is None:
        username = claims["email"].split("@")[0]
        if User.objects.filter(username=username).exists():
            username = f"{username}-{claims['sub'][-4:]}"
        user = User.objects.create_user(username, email=claims["email"], first_name=claims.get("name", ""))
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    return redirect(settings.LOGIN_REDIRECT_URL)
