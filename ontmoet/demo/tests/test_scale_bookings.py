import datetime
from collections import defaultdict
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from ontmoet.bookings.models import Booking
from ontmoet.demo.scale_bookings import DAYS_AFTER, DAYS_BEFORE, SCALE_BOOKING_PREFIX
from ontmoet.venues.models import Space


def run(command, **options):
    out = StringIO()
    call_command(command, stdout=out, **options)
    return out.getvalue()


def generated():
    return Booking.objects.filter(title__startswith=SCALE_BOOKING_PREFIX)


def overlaps_of_confirmed() -> list[tuple[int, int]]:
    """Pairs of confirmed bookings of one space whose held ranges overlap (half-open)."""
    by_space = defaultdict(list)
    for row in Booking.objects.filter(status=Booking.Status.CONFIRMED).values_list(
        "space_id", "blocked_from", "blocked_until", "pk"
    ):
        by_space[row[0]].append(row[1:])
    found = []
    for rows in by_space.values():
        rows.sort()
        latest_until, latest_pk = None, None
        for held_from, held_until, pk in rows:
            if latest_until is not None and held_from < latest_until:
                found.append((latest_pk, pk))
            if latest_until is None or held_until > latest_until:
                latest_until, latest_pk = held_until, pk
    return found


@pytest.mark.django_db
def test_generated_bookings_hold_their_spaces_as_the_model_would():
    run("load_demo", activities=20, history_days=7)
    demo_bookings = Booking.objects.count()

    out = run("generate_scale", activities=0, bookings=400)

    assert "Added 400 room bookings" in out
    assert generated().count() == 400
    assert Booking.objects.count() == demo_bookings + 400
    assert set(generated().values_list("space", flat=True)) == set(
        Space.objects.values_list("pk", flat=True)
    )
    today = timezone.localdate()
    earliest = today - datetime.timedelta(days=DAYS_BEFORE + 1)
    latest = today + datetime.timedelta(days=DAYS_AFTER + 1)
    for booking in generated():
        held = (booking.blocked_from, booking.blocked_until, booking.is_long)
        booking.set_block()
        assert held == (booking.blocked_from, booking.blocked_until, booking.is_long)
        assert booking.starts_at < booking.ends_at
        assert earliest <= timezone.localdate(booking.starts_at) <= latest
    assert generated().filter(is_long=True).exists()  # an exhibition at least
    assert generated().filter(status=Booking.Status.CONFIRMED).count() > 300
    assert generated().exclude(status=Booking.Status.CONFIRMED).exists()
    assert overlaps_of_confirmed() == []


@pytest.mark.django_db
def test_generated_bookings_top_up_and_clear():
    run("load_demo", activities=20, history_days=7)
    demo_bookings = set(Booking.objects.values_list("pk", flat=True))
    run("generate_scale", activities=0, bookings=200)
    first = set(generated().values_list("pk", flat=True))

    assert "nothing to add" in run("generate_scale", activities=0, bookings=150)
    assert set(generated().values_list("pk", flat=True)) == first

    run("generate_scale", activities=0, bookings=350)
    assert generated().count() == 350
    assert first < set(generated().values_list("pk", flat=True))
    assert overlaps_of_confirmed() == []

    run("generate_scale", activities=0, clear=True)
    assert not generated().exists()
    assert set(Booking.objects.values_list("pk", flat=True)) == demo_bookings
