import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, connection, transaction

from conftest import make_user
from ontmoet.bookings import services
from ontmoet.bookings.models import Booking
from ontmoet.bookings.selectors import space_availability
from ontmoet.core.models import AuditEntry
from ontmoet.programme import services as programme
from ontmoet.venues.models import OpeningException

from .conftest import at


def book(actor, space, start, end, **extra):
    return services.booking_create(
        actor=actor, space=space, starts_at=start, ends_at=end, title="Overleg", **extra
    )


def test_staff_book_a_room_with_its_buffers(room, maker, next_monday):
    booking = book(maker, room, at(next_monday, 10), at(next_monday, 12))
    assert booking.status == Booking.Status.CONFIRMED
    assert booking.blocked_from == at(next_monday, 9, 45)
    assert booking.blocked_until == at(next_monday, 12, 15)
    entry = AuditEntry.objects.get(code="bookings.booking.created")
    assert entry.actor == maker and entry.target_id == str(booking.pk)


def test_overlap_including_buffers_is_refused_and_adjacent_is_not(room, maker, next_monday):
    first = book(maker, room, at(next_monday, 10), at(next_monday, 12))
    # Starts 20 minutes after the first ends: the two buffers (15 + 15) overlap.
    with pytest.raises(services.BookingConflict) as refused:
        book(maker, room, at(next_monday, 12, 20), at(next_monday, 13))
    assert [b.pk for b in refused.value.conflicts] == [first.pk]
    # Starts 30 minutes after: clean-up ends exactly when the next set-up begins.
    book(maker, room, at(next_monday, 12, 30), at(next_monday, 13))
    assert Booking.objects.filter(status="confirmed").count() == 2


def test_a_cancelled_booking_frees_its_time(room, maker, next_monday):
    first = book(maker, room, at(next_monday, 10), at(next_monday, 12))
    services.booking_cancel(actor=maker, booking=first, reason="Gaat niet door")
    book(maker, room, at(next_monday, 10), at(next_monday, 12))
    assert AuditEntry.objects.filter(code="bookings.booking.cancelled").count() == 1


def test_rules_refuse_unless_staff_give_a_reason(room, maker, next_monday):
    evening = (at(next_monday, 20), at(next_monday, 22))  # the branch closes at 21:00
    with pytest.raises(ValidationError) as refused:
        book(maker, room, *evening)
    assert set(refused.value.message_dict) == {"starts_at", "override_reason"}
    assert not Booking.objects.exists()
    booking = book(maker, room, *evening, override_reason="Avondvergadering bestuur")
    entry = AuditEntry.objects.get(code="bookings.booking.created")
    assert entry.changes["override_reason"] == [None, "Avondvergadering bestuur"]
    assert booking.override_reason == "Avondvergadering bestuur"


def test_closed_day_longest_booking_and_horizon(room, maker, next_monday, schilderswijk):
    OpeningException.objects.create(branch=schilderswijk, date=next_monday, reason="Pasen")
    with pytest.raises(ValidationError) as closed:
        book(maker, room, at(next_monday, 10), at(next_monday, 11))
    assert "starts_at" in closed.value.message_dict
    tuesday = next_monday + datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as long:
        book(maker, room, at(tuesday, 9), at(tuesday, 18))  # 9 hours, at most 8
    assert "ends_at" in long.value.message_dict
    far = tuesday + datetime.timedelta(days=400)
    with pytest.raises(ValidationError) as ahead:
        book(maker, room, at(far, 10), at(far, 11))
    assert "starts_at" in ahead.value.message_dict
    assert not Booking.objects.exists()


@pytest.mark.parametrize(
    "start, end, field",
    [
        ((10, 0), (9, 0), "ends_at"),  # end before start
        ((10, 0), (10, 0), "ends_at"),  # no length
    ],
)
def test_impossible_ranges(room, maker, next_monday, start, end, field):
    with pytest.raises(ValidationError) as refused:
        book(maker, room, at(next_monday, *start), at(next_monday, *end))
    assert field in refused.value.message_dict
    assert not Booking.objects.exists()


def test_absurd_durations_and_moments(room, maker, next_monday):
    with pytest.raises(ValidationError):
        book(
            maker,
            room,
            at(next_monday, 10),
            at(next_monday + datetime.timedelta(days=800), 10),
            override_reason="x",
        )
    with pytest.raises(ValidationError) as ancient:
        book(maker, room, datetime.datetime(1, 1, 1, tzinfo=datetime.UTC), at(next_monday, 10))
    assert "starts_at" in ancient.value.message_dict
    with pytest.raises(ValidationError) as crowd:
        book(maker, room, at(next_monday, 10), at(next_monday, 11), expected_people=500)
    assert "expected_people" in crowd.value.message_dict
    assert not Booking.objects.exists()


def test_only_staff_of_the_branch_book(room, reader, transvaal, next_monday):
    other = make_user("ander", role="programme_maker", branches=[transvaal])
    for actor in (reader, other):
        with pytest.raises(PermissionDenied):
            book(actor, room, at(next_monday, 10), at(next_monday, 11))
    assert not Booking.objects.exists()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the constraint is PostgreSQL's")
def test_the_database_refuses_an_overlap_that_bypasses_the_service(room, maker, next_monday):
    first = book(maker, room, at(next_monday, 10), at(next_monday, 12))
    sneaky = Booking(
        space=room,
        starts_at=first.starts_at,
        ends_at=first.ends_at,
        title="Langs de service",
        purpose=Booking.Purpose.INTERNAL,
    )
    sneaky.set_block()
    with pytest.raises(IntegrityError), transaction.atomic():
        sneaky.save()
    # A tentative hold is not confirmed, so the constraint lets it be.
    sneaky.status = Booking.Status.TENTATIVE
    sneaky.save()


def test_availability_shows_long_bookings_and_hides_titles_from_the_public(
    room, maker, next_monday
):
    book(maker, room, at(next_monday, 10), at(next_monday, 12))
    exhibition = Booking(
        space=room,
        starts_at=at(next_monday - datetime.timedelta(days=20), 9),
        ends_at=at(next_monday + datetime.timedelta(days=20), 18),
        title="Tentoonstelling",
        purpose=Booking.Purpose.INTERNAL,
        status=Booking.Status.TENTATIVE,
    )
    exhibition.set_block()
    exhibition.save()
    assert exhibition.is_long
    day = (at(next_monday, 0), at(next_monday + datetime.timedelta(days=1), 0))
    public = space_availability(spaces=[room], start=day[0], end=day[1], public=True)[room.pk]
    assert [b.title for b in public] == ["", ""]
    assert public[0].starts_at == day[0]  # clipped to the window
    staff = space_availability(spaces=[room], start=day[0], end=day[1], public=False)[room.pk]
    assert [b.title for b in staff] == ["Tentoonstelling", "Overleg"]


def test_an_activity_with_a_space_holds_it_and_moves_it(make_activity, central, room, next_monday):
    activity = make_activity(start=at(next_monday, 14), space=room)
    booking = Booking.objects.get(activity=activity)
    assert (booking.purpose, booking.status) == ("activity", "confirmed")
    assert booking.blocked_from == at(next_monday, 13, 45)
    programme.activity_update(
        actor=central,
        activity=activity,
        data={"starts_at": at(next_monday, 15), "ends_at": at(next_monday, 17)},
    )
    booking.refresh_from_db()
    assert booking.starts_at == at(next_monday, 15)
    # Another activity at that time cannot have the room; nothing of it is saved.
    with pytest.raises(ValidationError) as taken:
        make_activity(start=at(next_monday, 16), space=room, title="Botsing")
    assert "space" in taken.value.message_dict
    assert activity.__class__.objects.filter(title="Botsing").count() == 0
    programme.activity_cancel(actor=central, activity=activity, reason="Ziek")
    booking.refresh_from_db()
    assert booking.status == Booking.Status.CANCELLED
    make_activity(start=at(next_monday, 16), space=room, title="Nu wel")
