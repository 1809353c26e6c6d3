"""Repeating bookings: an RRULE (RFC 5545) expanded into occurrences on the local clock.

The rule is applied to the wall-clock time of the first occurrence in Europe/Amsterdam, not
to its UTC instant, so a language café at 19:00 stays at 19:00 when summer time begins or
ends. A rule must end (COUNT, or UNTIL: a date is included whole, a date-time is local)
and may produce at most ``MAX_OCCURRENCES``; only
the rule's own parts are accepted (no DTSTART, RDATE or EXDATE lines: the first occurrence
is given separately, and exceptions are made on single occurrences afterwards).
"""

import datetime
import re
from itertools import islice

from dateutil.rrule import rrulestr
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

MAX_OCCURRENCES = 200
RULE_PATTERN = re.compile(r"^FREQ=(DAILY|WEEKLY|MONTHLY|YEARLY)(;[A-Z]+=[A-Z0-9,+-]+)*$")


def _wall(moment: datetime.datetime) -> datetime.datetime:
    return timezone.localtime(moment).replace(tzinfo=None)


def occurrences(
    rule: str, starts_at: datetime.datetime, ends_at: datetime.datetime
) -> list[tuple[datetime.datetime, datetime.datetime]]:
    """The (start, end) of every occurrence, the first one included; ``ValidationError`` on
    the field ``rule`` for a rule that is malformed, endless or too long."""
    rule = rule.strip().upper()
    if rule.startswith("RRULE:"):
        rule = rule[len("RRULE:") :]
    if not RULE_PATTERN.match(rule):
        raise ValidationError({"rule": _("This repeat rule is not valid.")})
    if "COUNT=" not in rule and "UNTIL=" not in rule:
        raise ValidationError(
            {"rule": _("Say when the repetition ends: a number of times or an end date.")}
        )
    # An end date alone means "up to and including that day".
    rule = re.sub(r"UNTIL=(\d{8})(?=;|$)", r"UNTIL=\1T235959", rule)
    first, length = _wall(starts_at), _wall(ends_at) - _wall(starts_at)
    try:
        starts = list(islice(rrulestr(rule, dtstart=first), MAX_OCCURRENCES + 1))
    except (ValueError, TypeError, OverflowError):
        raise ValidationError({"rule": _("This repeat rule is not valid.")}) from None
    if len(starts) > MAX_OCCURRENCES:
        raise ValidationError(
            {
                "rule": _("A repeating booking has at most %(n)d occurrences.")
                % {"n": MAX_OCCURRENCES}
            }
        )
    if not starts:
        raise ValidationError({"rule": _("This repeat rule gives no dates.")})
    return [(timezone.make_aware(s), timezone.make_aware(s + length)) for s in starts]
