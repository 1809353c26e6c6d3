"""An adjudicator's private ballot link (``core.links``)."""

from django.conf import settings
from django.urls import reverse

from ontmoet.core.links import RecordLink, new_nonce

__all__ = ["ballot_token", "ballot_url", "new_nonce", "pairing_by_token"]

LINK = RecordLink("ontmoet.training.ballot-link", "ballot_nonce")


def ballot_token(pairing) -> str:
    return LINK.token(pairing)


def ballot_url(pairing) -> str:
    return settings.SITE_URL + reverse("training:ballot", kwargs={"token": ballot_token(pairing)})


def pairing_by_token(token: str):
    from .models import Pairing

    related = Pairing.objects.select_related("round__tournament__club", "proposition", "opposition")
    return LINK.find(related, token)
