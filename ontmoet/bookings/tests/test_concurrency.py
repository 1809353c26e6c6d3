"""Random overlapping bookings, made at the same moment from many threads (each with its own
database connection), never leave two confirmed bookings of one space overlapping; and
every refusal is justified by a confirmed booking that overlaps the one refused."""

import datetime
import threading

import pytest
from django.db import connection
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ontmoet.bookings import services
from ontmoet.bookings.models import Booking, SpacePolicy
from ontmoet.venues.models import Space

from .conftest import at

QUARTER = datetime.timedelta(minutes=15)

requests = st.lists(
    st.tuples(
        st.integers(0, 1),  # which space
        st.integers(0, 40),  # start: quarters after 9:00
        st.integers(1, 8),  # length in quarters
        st.sampled_from([0, 15, 30]),  # set-up and clean-up minutes
    ),
    min_size=2,
    max_size=12,
)


def _attempt(request, spaces, day, actor, outcomes, barrier):
    space_index, start, length, buffer = request
    starts_at = at(day, 9) + start * QUARTER
    barrier.wait()
    try:
        booking = services.booking_create(
            actor=actor,
            space=spaces[space_index],
            starts_at=starts_at,
            ends_at=starts_at + length * QUARTER,
            title="Test",
            setup_minutes=buffer,
            cleanup_minutes=buffer,
        )
        outcomes.append(("booked", booking.pk))
    except services.BookingConflict as conflict:
        outcomes.append(("refused", (space_index, starts_at, length, buffer, conflict)))
    except Exception as error:  # noqa: BLE001 - anything else would be a 5xx
        outcomes.append(("failed", repr(error)))
    finally:
        connection.close()


def _overlap(a_from, a_until, b_from, b_until) -> bool:
    return a_from < b_until and b_from < a_until


@pytest.mark.django_db(transaction=True)
def test_concurrent_random_bookings_never_overlap(room, maker, next_monday):
    other = Space.objects.create(branch=room.branch, name="Zaal 2", kind="classroom", capacity=20)
    SpacePolicy.objects.create(space=other, setup_minutes=0, cleanup_minutes=0)
    spaces = [room, other]

    @given(batch=requests)
    @settings(
        max_examples=12, deadline=None, database=None, suppress_health_check=list(HealthCheck)
    )
    def check(batch):
        Booking.objects.all().delete()
        outcomes = []
        barrier = threading.Barrier(len(batch))
        threads = [
            threading.Thread(
                target=_attempt, args=(r, spaces, next_monday, maker, outcomes, barrier)
            )
            for r in batch
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

        assert [o for o in outcomes if o[0] == "failed"] == []
        confirmed = list(Booking.objects.filter(status=Booking.Status.CONFIRMED))
        assert {b.pk for b in confirmed} == {pk for kind, pk in outcomes if kind == "booked"}
        for i, a in enumerate(confirmed):
            for b in confirmed[i + 1 :]:
                assert a.space_id != b.space_id or not _overlap(
                    a.blocked_from, a.blocked_until, b.blocked_from, b.blocked_until
                ), (a, b)
        for kind, detail in outcomes:
            if kind != "refused":
                continue
            space_index, starts_at, length, buffer, conflict = detail
            held_from = starts_at - datetime.timedelta(minutes=buffer)
            held_until = starts_at + length * QUARTER + datetime.timedelta(minutes=buffer)
            assert any(
                b.space_id == spaces[space_index].pk
                and _overlap(held_from, held_until, b.blocked_from, b.blocked_until)
                for b in confirmed
            ), "a refusal without a confirmed booking in the way"

    check()
