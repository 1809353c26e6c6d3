"""The invitation of a partner's contact: a link to set a password. Plain text, in the
language staff chose for them.

The link's secret is signed, not stored; it travels with the queued task until the mail is
sent."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from .models import PartnerMember
from .services import INVITATION_DAYS


def send_invitation(member_id: int, token: str, language: str = "nl") -> bool:
    member = PartnerMember.objects.select_related("user", "partner").filter(pk=member_id).first()
    if member is None or member.accepted_at is not None or not member.user.email:
        return False
    with translation.override(language):  # the link, too, opens in their language
        link = settings.SITE_URL + reverse("partners:accept", kwargs={"token": token})
        context = {
            "member": member,
            "link": link,
            "days": INVITATION_DAYS,
            "organisation_name": settings.ORGANISATION_NAME,
        }
        body = render_to_string("partners/mail/invitation.txt", context)
        subject = _("Invitation: work with the library for %(partner)s") % {
            "partner": member.partner.name
        }
    EmailMessage(subject=subject, body=body, to=[member.user.email]).send()
    return True
