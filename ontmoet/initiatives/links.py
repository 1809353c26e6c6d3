"""The private status link of an initiative (``core.links``): the initiator follows the
idea there; every mail carries it again."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from ontmoet.core.links import RecordLink, new_nonce

__all__ = ["initiative_by_token", "new_nonce", "status_token", "status_url"]

LINK = RecordLink("ontmoet.initiatives.status-link", "link_nonce")


def status_token(initiative) -> str:
    return LINK.token(initiative)


def status_url(initiative, *, absolute: bool = False) -> str:
    """The idea's page in the initiator's language (``/en/idee/...`` for English), wherever
    the link is made: in their mails, on the page after sending, for staff to pass on."""
    with translation.override(initiative.language):
        path = reverse("initiatives:status", kwargs={"token": status_token(initiative)})
    return settings.SITE_URL + path if absolute else path


def initiative_by_token(token: str):
    from .models import Initiative

    return LINK.find(Initiative.objects.select_related("branch", "activity"), token)
