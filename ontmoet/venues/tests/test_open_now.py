"""Whether a branch is open now, and when it opens next."""

import datetime
import zoneinfo

from ontmoet.venues.models import Branch, OpeningException, OpeningHours
from ontmoet.venues.selectors import open_at, open_now

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")
MONDAY = datetime.date(2026, 12, 7)
HALVES = [(datetime.time(9), datetime.time(12, 30)), (datetime.time(13, 30), datetime.time(17))]


def at(day, hour, minute=0):
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=AMSTERDAM)


def days(n):
    return datetime.timedelta(days=n)


def weekdays_with_a_lunch_break(branch):
    """Weekdays 9:00–12:30 and 13:30–17:00; closed at the weekend."""
    OpeningHours.objects.bulk_create(
        OpeningHours(branch=branch, weekday=weekday, opens=opens, closes=closes)
        for weekday in range(5)
        for opens, closes in HALVES
    )


def test_open_now_follows_the_hours_the_lunch_break_and_the_holidays(schilderswijk):
    weekdays_with_a_lunch_break(schilderswijk)
    assert open_now(schilderswijk, now=at(MONDAY, 9)).is_open
    assert open_now(schilderswijk, now=at(MONDAY, 8, 59)).opens_at == at(MONDAY, 9)
    lunch = open_now(schilderswijk, now=at(MONDAY, 12, 30))
    assert (lunch.is_open, lunch.opens_at) == (False, at(MONDAY, 13, 30))
    assert open_now(schilderswijk, now=at(MONDAY, 17)).opens_at == at(MONDAY + days(1), 9)
    friday = MONDAY + days(4)
    assert open_now(schilderswijk, now=at(friday, 18)).opens_at == at(friday + days(3), 9)
    # Christmas on a Friday, closed; the Thursday before it open 10:00–15:00 only.
    christmas = datetime.date(2026, 12, 25)
    OpeningException.objects.create(branch=schilderswijk, date=christmas, reason="Kerstmis")
    thursday = christmas - days(1)
    OpeningException.objects.create(
        branch=schilderswijk, date=thursday, opens=datetime.time(10), closes=datetime.time(15)
    )
    holiday = open_now(schilderswijk, now=at(christmas, 10))
    assert (holiday.is_open, holiday.opens_at) == (False, at(christmas + days(3), 9))
    assert open_now(schilderswijk, now=at(thursday, 9, 30)).opens_at == at(thursday, 10)
    assert not open_now(schilderswijk, now=at(thursday, 15)).is_open


def test_closed_all_week_has_no_time_to_give(schilderswijk):
    closed = open_now(schilderswijk, now=at(MONDAY, 12))
    assert (closed.is_open, closed.opens_at) == (False, None)


def test_the_database_says_open_when_open_now_does(schilderswijk, transvaal):
    """``open_at`` (the annotation a polled feed reads) against ``open_now`` (the page's),
    every half hour of a week with a holiday, a day of other hours, a lunch break
    and a branch without any hours."""
    weekdays_with_a_lunch_break(schilderswijk)
    tuesday, thursday = MONDAY + days(1), MONDAY + days(3)
    OpeningException.objects.create(branch=schilderswijk, date=tuesday, reason="Studiedag")
    OpeningException.objects.create(
        branch=schilderswijk, date=thursday, opens=datetime.time(19), closes=datetime.time(22)
    )
    start = at(MONDAY, 0)
    for half_hour in range(7 * 24 * 2):
        moment = start + datetime.timedelta(minutes=30 * half_hour)
        answers = dict(
            Branch.objects.filter(pk__in=[schilderswijk.pk, transvaal.pk])
            .annotate(is_open=open_at(moment, model=Branch, branch_field="id"))
            .values_list("slug", "is_open")
        )
        assert answers == {
            "schilderswijk": open_now(schilderswijk, now=moment).is_open,
            "transvaal": False,
        }, moment
