"""Repeating bookings: RRULE on the local clock (across summer time), every taken date named
before anything is saved, exceptions on single occurrences."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from ontmoet.bookings import services
from ontmoet.bookings.models import Booking, BookingSeries
from ontmoet.bookings.recurrence import occurrences
from ontmoet.core.models import AuditEntry
from ontmoet.venues.models import OpeningException

from .conftest import AMSTERDAM, at


def test_a_weekly_evening_stays_at_19_across_the_end_of_summer_time():
    # Thursdays from 14 October 2027; summer time ends on Sunday 31 October.
    first = datetime.datetime(2027, 10, 14, 19, 0, tzinfo=AMSTERDAM)
    dates = occurrences("FREQ=WEEKLY;COUNT=5", first, first + datetime.timedelta(hours=2))
    local = [(s.astimezone(AMSTERDAM).hour, e.astimezone(AMSTERDAM).hour) for s, e in dates]
    assert local == [(19, 21)] * 5
    offsets = {s.astimezone(AMSTERDAM).utcoffset() for s, _ in dates}
    assert offsets == {datetime.timedelta(hours=2), datetime.timedelta(hours=1)}
    assert [s.astimezone(AMSTERDAM).day for s, _ in dates] == [14, 21, 28, 4, 11]


def test_and_across_its_start_in_spring():
    first = datetime.datetime(2027, 3, 16, 10, 30, tzinfo=AMSTERDAM)  # Tuesday
    dates = occurrences("RRULE:FREQ=WEEKLY;BYDAY=TU;UNTIL=20270406", first, first)
    assert [(s.astimezone(AMSTERDAM).day, s.astimezone(AMSTERDAM).hour) for s, _ in dates] == [
        (16, 10),
        (23, 10),
        (30, 10),
        (6, 10),
    ]


@pytest.mark.parametrize(
    "rule",
    [
        "FREQ=WEEKLY",  # endless
        "FREQ=SECONDLY;COUNT=5",
        "FREQ=WEEKLY;COUNT=500",  # too many
        "FREQ=WEEKLY;COUNT=3\nDTSTART:19700101T000000",
        "FREQ=WEEKLY;BYDAY=XX;COUNT=3",
        "<script>",
        "",
    ],
)
def test_bad_rules(rule):
    first = datetime.datetime(2027, 3, 16, 10, 30, tzinfo=AMSTERDAM)
    with pytest.raises(ValidationError) as refused:
        occurrences(rule, first, first + datetime.timedelta(hours=1))
    assert "rule" in refused.value.message_dict


def weekly(actor, room, day, count=4, **extra):
    return services.booking_series_create(
        actor=actor,
        space=room,
        rule=f"FREQ=WEEKLY;COUNT={count}",
        starts_at=at(day, 14),
        ends_at=at(day, 16),
        title="Taalcafé",
        purpose=Booking.Purpose.PARTNER,
        **extra,
    )


def test_every_taken_date_is_named_and_nothing_is_saved(room, maker, next_monday):
    third = next_monday + datetime.timedelta(weeks=2)
    blocker = services.booking_create(
        actor=maker, space=room, starts_at=at(third, 15), ends_at=at(third, 17), title="Bestuur"
    )
    with pytest.raises(services.SeriesConflict) as refused:
        weekly(maker, room, next_monday)
    assert [o.starts_at for o in refused.value.taken] == [at(third, 14)]
    assert refused.value.taken[0].conflicts == [blocker]
    assert len(refused.value.occurrences) == 4
    assert not BookingSeries.objects.exists()
    assert Booking.objects.count() == 1

    series, made, skipped = weekly(maker, room, next_monday, skip_taken=True)
    assert [b.starts_at for b in made] == [
        at(next_monday + datetime.timedelta(weeks=w), 14) for w in (0, 1, 3)
    ]
    assert [o.starts_at for o in skipped] == [at(third, 14)]
    entry = AuditEntry.objects.get(code="bookings.series.created")
    assert entry.changes["occurrences"] == [None, 3]


def test_a_closing_day_is_skipped_refused_or_booked_with_a_reason(room, maker, next_monday):
    """A weekly café over a day the branch is closed (a study day in the third week)."""
    third = next_monday + datetime.timedelta(weeks=2)
    OpeningException.objects.create(branch=room.branch, date=third, reason="Studiedag")
    with pytest.raises(ValidationError) as refused:
        weekly(maker, room, next_monday)
    assert f"{third:%d-%m-%Y}" in str(refused.value.message_dict["starts_at"])
    assert not Booking.objects.exists()

    _series, made, skipped = weekly(maker, room, next_monday, skip_taken=True)
    assert [b.starts_at.date() for b in made] == [
        next_monday + datetime.timedelta(weeks=w) for w in (0, 1, 3)
    ]
    assert [(o.starts_at, o.conflicts) for o in skipped] == [(at(third, 14), [])]
    assert skipped[0].outside_rules == ["De vestiging is niet de hele tijd open."]

    Booking.objects.all().delete()
    _series, made, skipped = weekly(maker, room, next_monday, override_reason="Open dag")
    assert len(made) == 4 and skipped == []


def test_a_series_with_no_date_within_the_rules_is_refused(room, maker, next_monday):
    with pytest.raises(ValidationError) as refused:
        services.booking_series_create(
            actor=maker,
            space=room,
            rule="FREQ=WEEKLY;COUNT=3",
            starts_at=at(next_monday, 21),  # the branch closes at 21:00
            ends_at=at(next_monday, 22),
            title="Nachtcafé",
            skip_taken=True,
        )
    assert "Geen enkele datum" in str(refused.value.message_dict["starts_at"])
    assert not BookingSeries.objects.exists()


def test_an_exception_and_cancelling_the_rest(room, maker, next_monday):
    series, made, _ = weekly(maker, room, next_monday)
    services.booking_cancel(actor=maker, booking=made[1], reason="Feestdag")
    assert series.bookings.filter(status="confirmed").count() == 3
    assert services.booking_series_cancel(actor=maker, series=series, reason="Gestopt") == 3
    assert not series.bookings.filter(status="confirmed").exists()


def test_the_rules_hold_for_every_date(room, maker, next_monday):
    with pytest.raises(ValidationError) as refused:
        services.booking_series_create(
            actor=maker,
            space=room,
            rule="FREQ=WEEKLY;COUNT=3",
            starts_at=at(next_monday, 20),
            ends_at=at(next_monday, 22),  # past closing time, every week
            title="Avond",
        )
    assert {"starts_at", "override_reason"} <= set(refused.value.message_dict)
    assert not Booking.objects.exists()
    with pytest.raises(ValidationError) as overlapping:
        services.booking_series_create(
            actor=maker,
            space=room,
            rule="FREQ=DAILY;COUNT=3",
            starts_at=at(next_monday, 9),
            ends_at=at(next_monday + datetime.timedelta(days=2), 9),
            title="Te lang",
            override_reason="test",
        )
    assert "rule" in overlapping.value.message_dict


def test_a_series_across_the_end_of_summer_time_is_booked_and_checked_on_the_local_clock(
    room, maker
):
    """Thursdays 14:00–16:00 from 14 October 2027, across 31 October: each booking stays at
    14:00 local (12:00 UTC in summer, 13:00 in winter), its buffers too, and a blocker on the
    first winter Thursday is found on the local clock."""
    first = datetime.date(2027, 10, 14)
    winter = datetime.date(2027, 11, 4)
    blocker = services.booking_create(
        actor=maker,
        space=room,
        # Overlaps the clean-up until 16:15 local; a series kept on the UTC time of its first
        # date would end at 15:15 local in winter and miss it.
        starts_at=at(winter, 16, 0),
        ends_at=at(winter, 16, 30),
        title="Bestuur",
        override_reason="ver vooruit",
    )
    with pytest.raises(services.SeriesConflict) as refused:
        weekly(maker, room, first, count=5, override_reason="ver vooruit")
    assert [o.starts_at for o in refused.value.taken] == [at(winter, 14)]
    assert refused.value.taken[0].conflicts == [blocker]
    _series, made, _ = weekly(
        maker, room, first, count=5, override_reason="ver vooruit", skip_taken=True
    )
    local = [b.starts_at.astimezone(AMSTERDAM) for b in made]
    assert [(s.day, s.hour) for s in local] == [(14, 14), (21, 14), (28, 14), (11, 14)]
    assert {b.starts_at.astimezone(datetime.UTC).hour for b in made} == {12, 13}
    assert all(
        b.blocked_from.astimezone(AMSTERDAM).time() == datetime.time(13, 45)
        and b.blocked_until.astimezone(AMSTERDAM).time() == datetime.time(16, 15)
        for b in Booking.objects.filter(series__isnull=False)
    )
