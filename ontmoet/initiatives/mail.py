"""Mails to the initiator: received (with the status link), a question from the branch, a
change of status, a decision with its reason. In their language; plain text."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from .links import status_url
from .models import Initiative

SUBJECTS = {
    "received": lambda i: _("We received your idea: %(title)s") % {"title": i.title},
    "question": lambda i: _("A question about your idea: %(title)s") % {"title": i.title},
    "status": lambda i: _("News about your idea: %(title)s") % {"title": i.title},
    "decided": lambda i: _("A decision on your idea: %(title)s") % {"title": i.title},
}


def send_initiative_mail(initiative_id: int, kind: str) -> bool:
    initiative = Initiative.objects.select_related("branch").filter(pk=initiative_id).first()
    if initiative is None or not initiative.initiator_email or kind not in SUBJECTS:
        return False
    context = {
        "initiative": initiative,
        "kind": kind,
        "link": status_url(initiative, absolute=True),
        "organisation_name": settings.ORGANISATION_NAME,
    }
    with translation.override(initiative.language):
        body = render_to_string("initiatives/mail/initiative.txt", context)
        subject = SUBJECTS[kind](initiative)
    EmailMessage(subject=subject, body=body, to=[initiative.initiator_email]).send()
    return True
