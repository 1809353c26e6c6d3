"""Self check-in at the door: a QR code on a poster at the entrance opens a page on the
resident's phone, where their email address or ticket code marks them present.

The poster's address carries a code derived from the activity and the site's secret, so it
cannot be guessed from the activity number; it works only from an hour before the start
until the end, which is also why a resident can only check in by being there.
"""

import datetime

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac

from ontmoet.programme.models import Activity

from .models import Registration

OPENS_BEFORE = datetime.timedelta(hours=1)


def door_code(activity_id: int) -> str:
    return salted_hmac("ontmoet.registrations.door", str(activity_id)).hexdigest()[:20]


def door_code_valid(activity_id: int, code: str) -> bool:
    # constant_time_compare works on bytes: compare_digest refuses non-ASCII str (a 500).
    return constant_time_compare(door_code(activity_id), str(code)[:40])


def self_check_in_url(activity: Activity) -> str:
    path = reverse(
        "registrations:self_check_in", kwargs={"pk": activity.pk, "code": door_code(activity.pk)}
    )
    return settings.SITE_URL + path


def door_open(activity: Activity, now=None) -> bool:
    now = now or timezone.now()
    return activity.starts_at - OPENS_BEFORE <= now <= activity.ends_at


def find_for_self_check_in(activity: Activity, identifier: str) -> Registration | None:
    """The registration holding places that this email address or ticket code belongs to."""
    identifier = identifier.strip()
    holding = Registration.objects.filter(activity=activity, status__in=Registration.HOLDING)
    if "@" in identifier:
        return holding.filter(email=identifier.lower(), split_from__isnull=True).first()
    return holding.filter(ticket_code=identifier.upper()[:12]).first()
