"""Mails to registrants: text and HTML, in the registrant's language, with the .ics attached
where the place is theirs. Built from ids at sending time, so a mail always shows the
activity as it is now."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from ontmoet.programme.ical import activity_calendar

from .models import Registration
from .selectors import erasure_date, waitlist_position
from .services import registration_window

SUBJECTS = {
    "confirmed": _("You are registered: %(title)s"),
    "entered": _("You are in the lottery: %(title)s"),
    "drawn": _("You have been drawn: %(title)s"),
    "not_drawn": _("Lottery result, waiting list: %(title)s"),
    "waitlisted": _("You are on the waiting list: %(title)s"),
    "promoted": _("A place has come free for you: %(title)s"),
    "offered": _("A place is offered to you: %(title)s"),
    "offer_expired": _("Your offered place has expired: %(title)s"),
    "cancelled": _("Your registration is cancelled: %(title)s"),
    "reminder": _("Reminder: %(title)s"),
    "changed": _("Changed: %(title)s"),
    "activity_cancelled": _("Cancelled: %(title)s"),
}
# Kinds after which the registrant holds a place: they get the calendar file.
WITH_CALENDAR = {"confirmed", "drawn", "promoted", "reminder", "changed"}


def manage_url(token: str, language: str) -> str:
    with translation.override(language):
        return settings.SITE_URL + reverse("registrations:manage", kwargs={"token": token})


def build_message(registration: Registration, kind: str, token: str) -> EmailMultiAlternatives:
    activity = registration.activity
    with translation.override(registration.language):
        context = {
            "kind": kind,
            "registration": registration,
            "activity": activity,
            "manage_url": manage_url(token, registration.language),
            "activity_url": settings.SITE_URL + activity.get_absolute_url(),
            "branch_url": settings.SITE_URL + activity.branch.get_absolute_url(),
            "position": waitlist_position(registration),
            "erase_on": erasure_date(activity),
            "draw_on": registration_window(activity)[1],
            "organisation": settings.ORGANISATION_NAME,
        }
        subject = str(SUBJECTS[kind]) % {"title": activity.title}
        text = render_to_string("registrations/mail/message.txt", context)
        html = render_to_string("registrations/mail/message.html", context)
    message = EmailMultiAlternatives(
        subject=subject.replace("\n", " ")[:200], body=text, to=[registration.email]
    )
    message.attach_alternative(html, "text/html")
    if kind in WITH_CALENDAR:
        message.attach(
            f"{activity.slug}.ics",
            activity_calendar(activity, base_url=settings.SITE_URL),
            "text/calendar",
        )
    return message
