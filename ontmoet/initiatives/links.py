"""The private status link of an initiative: ``<id>-<mac>``, where the MAC is an HMAC of the
id and a random nonce stored with the idea, under the site's secret. The server can make the
link again for every mail; nobody can make it without the secret, and changing the nonce
revokes it."""

import secrets

from django.conf import settings
from django.urls import reverse
from django.utils.crypto import constant_time_compare, salted_hmac

SALT = "ontmoet.initiatives.status-link"


def new_nonce() -> str:
    return secrets.token_hex(16)


def status_token(initiative) -> str:
    mac = salted_hmac(SALT, f"{initiative.pk}:{initiative.link_nonce}", algorithm="sha256")
    return f"{initiative.pk}-{mac.hexdigest()[:32]}"


def status_url(initiative, *, absolute: bool = False) -> str:
    path = reverse("initiatives:status", kwargs={"token": status_token(initiative)})
    return settings.SITE_URL + path if absolute else path


def initiative_by_token(token: str):
    from .models import Initiative

    pk, _, mac = str(token)[:80].partition("-")
    if not pk.isdigit() or len(pk) > 12 or not mac:
        return None
    initiative = Initiative.objects.select_related("branch", "activity").filter(pk=pk).first()
    if initiative is None or not constant_time_compare(status_token(initiative), token):
        return None
    return initiative
