"""“My registrations”: a resident asks, by email address, for a link listing everything
registered under that address, and may erase it all.

The page answers the same whether or not the address is known (no enumeration). The link
carries the address signed and expires after a day; it opens nothing else.
"""

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from .capacity import issue_token
from .jobs import registrations_erase
from .models import Registration
from .services import registration_cancel

SALT = "ontmoet.registrations.lookup"
MAX_AGE = 24 * 3600


def lookup_link(email: str, language: str) -> str:
    value = signing.dumps(email.strip().lower(), salt=SALT)
    with translation.override(language):
        return settings.SITE_URL + reverse("registrations:mine", kwargs={"signed": value})


def email_from_link(signed: str) -> str | None:
    try:
        return signing.loads(signed, salt=SALT, max_age=MAX_AGE)
    except signing.BadSignature:
        return None


def registrations_of(email: str):
    return (
        Registration.objects.filter(email=email, erased_at__isnull=True)
        .select_related("activity__branch")
        .order_by("-activity__starts_at")
    )


def send_lookup_mail(email: str, language: str) -> bool:
    """Mail the link, only to an address that has registrations; False otherwise."""
    if not registrations_of(email).exists():
        return False
    with translation.override(language):
        context = {"link": lookup_link(email, language), "organisation": settings.ORGANISATION_NAME}
        subject = _("Your registrations")
        text = render_to_string("registrations/mail/lookup.txt", context)
    EmailMultiAlternatives(subject=subject, body=text, to=[email]).send()
    return True


def open_registration(email: str, registration_id: int) -> str | None:
    """A fresh secret link to one of the address's registrations."""
    registration = registrations_of(email).filter(pk=registration_id).first()
    return issue_token(registration) if registration else None


def erase_all(email: str) -> int:
    """Cancel what is still live (freeing places for others), then erase everything."""
    rows = list(registrations_of(email))
    for registration in rows:
        if registration.is_active:
            registration_cancel(registration=registration)
    return registrations_erase(ids=[r.pk for r in rows])
