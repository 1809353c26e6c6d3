import datetime

from django.core import mail

from conftest import make_user
from ontmoet.bookings import services
from ontmoet.bookings.models import Booking, SpacePolicy
from ontmoet.core.models import AuditEntry

from .conftest import at


def planning(branch, day):
    return f"/staff/ruimtes/{branch.slug}/planning?dag={day.isoformat()}"


def form_data(room, day, start="10:00", end="11:00", **extra):
    return {
        "space": room.pk,
        "day": day.isoformat(),
        "start": start,
        "end": end,
        "title": "Bestuursvergadering",
        "purpose": "internal",
        **extra,
    }


def test_the_grid_shows_bookings_and_free_hours(
    client, maker, room, schilderswijk, next_monday, django_assert_max_num_queries
):
    services.booking_create(
        actor=maker,
        space=room,
        starts_at=at(next_monday, 10),
        ends_at=at(next_monday, 12),
        title="Taalcafé",
    )
    client.force_login(maker)
    with django_assert_max_num_queries(12):
        page = client.get(planning(schilderswijk, next_monday)).content.decode()
    assert "09:45–12:15" in page and "Taalcafé" in page
    # A free hour links to the form, prefilled with the space, the day and the hour.
    assert f"ruimte={room.pk}&amp;dag={next_monday.isoformat()}&amp;uur=14" in page
    assert "uur=10" not in page  # 10:00 is taken
    form = client.get(
        f"/staff/ruimtes/{schilderswijk.slug}/boeken?ruimte={room.pk}&dag={next_monday}&uur=14"
    ).content.decode()
    assert 'value="14:00"' in form and 'value="15:00"' in form


def test_book_from_the_form_and_cancel(client, maker, room, schilderswijk, next_monday):
    client.force_login(maker)
    url = f"/staff/ruimtes/{schilderswijk.slug}/boeken"
    response = client.post(url, form_data(room, next_monday))
    assert response.status_code == 302
    assert response["Location"] == planning(schilderswijk, next_monday)
    booking = Booking.objects.get()
    assert (booking.title, booking.created_by) == ("Bestuursvergadering", maker)
    # The same hour again: refused, with the booking in the way named; nothing saved.
    clash = client.post(url, form_data(room, next_monday, "10:30", "11:30"))
    assert clash.status_code == 200
    assert "Bestuursvergadering" in clash.content.decode()
    assert Booking.objects.count() == 1
    cancel = f"/staff/ruimtes/{schilderswijk.slug}/boekingen/{booking.pk}/annuleren"
    assert client.post(cancel).status_code == 302
    booking.refresh_from_db()
    assert booking.status == Booking.Status.CANCELLED


def test_the_form_explains_the_rules(client, maker, room, schilderswijk, next_monday):
    client.force_login(maker)
    url = f"/staff/ruimtes/{schilderswijk.slug}/boeken"
    late = client.post(url, form_data(room, next_monday, "20:00", "22:00"))
    page = late.content.decode()
    assert 'id="error-summary"' in page
    assert 'aria-invalid="true"' in page
    assert not Booking.objects.exists()
    backwards = client.post(url, form_data(room, next_monday, "11:00", "10:00"))
    assert "Het einde moet na het begin liggen." in backwards.content.decode()
    ok = client.post(url, form_data(room, next_monday, "20:00", "22:00", override_reason="Bestuur"))
    assert ok.status_code == 302
    assert Booking.objects.get().override_reason == "Bestuur"


def test_day_sheet(client, maker, room, schilderswijk, next_monday):
    services.booking_create(
        actor=maker,
        space=room,
        starts_at=at(next_monday, 10),
        ends_at=at(next_monday, 12),
        title="Taalcafé",
        expected_people=12,
    )
    client.force_login(maker)
    page = client.get(
        f"/staff/ruimtes/{schilderswijk.slug}/dagblad?dag={next_monday}"
    ).content.decode()
    assert "Taalcafé" in page and "10:00–12:00" in page and "12" in page


def test_who_sees_and_who_books(client, reader, room, schilderswijk, transvaal, next_monday):
    assert client.get(planning(schilderswijk, next_monday)).status_code == 302  # log in first
    client.force_login(reader)
    page = client.get(planning(schilderswijk, next_monday))
    assert page.status_code == 200 and "uur=" not in page.content.decode()
    booking_url = f"/staff/ruimtes/{schilderswijk.slug}/boeken"
    assert client.get(booking_url).status_code == 404
    assert client.post(booking_url, form_data(room, next_monday)).status_code == 404
    other = make_user("ander", role="programme_maker", branches=[transvaal])
    client.force_login(other)
    assert client.get(planning(schilderswijk, next_monday)).status_code == 404
    assert client.get(planning(transvaal, next_monday)).status_code == 200
    assert not Booking.objects.exists()


def test_activity_bookings_are_not_cancelled_from_the_grid(
    client, maker, make_activity, room, schilderswijk, next_monday
):
    activity = make_activity(start=at(next_monday, 14), space=room)
    booking = Booking.objects.get(activity=activity)
    client.force_login(maker)
    cancel = f"/staff/ruimtes/{schilderswijk.slug}/boekingen/{booking.pk}/annuleren"
    assert client.post(cancel).status_code == 404
    booking.refresh_from_db()
    assert booking.status == Booking.Status.CONFIRMED


def test_a_repeating_booking_from_the_form(client, maker, room, schilderswijk, next_monday):
    third = next_monday + datetime.timedelta(weeks=2)
    services.booking_create(
        actor=maker, space=room, starts_at=at(third, 10), ends_at=at(third, 11), title="Bestuur"
    )
    client.force_login(maker)
    url = f"/staff/ruimtes/{schilderswijk.slug}/boeken"
    until = (next_monday + datetime.timedelta(weeks=3)).isoformat()
    data = form_data(room, next_monday, repeat="FREQ=WEEKLY", repeat_until=until)
    refused = client.post(url, data)
    assert refused.status_code == 200
    assert f"{third:%d-%m-%Y}" in refused.content.decode()  # the taken date is named
    assert Booking.objects.count() == 1
    made = client.post(url, {**data, "skip_taken": "on"})
    assert made.status_code == 302
    assert Booking.objects.filter(series__isnull=False).count() == 3
    no_end = client.post(url, form_data(room, next_monday, repeat="FREQ=WEEKLY"))
    assert no_end.status_code == 200 and 'aria-invalid="true"' in no_end.content.decode()


def test_the_week(client, maker, room, schilderswijk, next_monday, django_assert_max_num_queries):
    wednesday = next_monday + datetime.timedelta(days=2)
    services.booking_create(
        actor=maker,
        space=room,
        starts_at=at(wednesday, 10),
        ends_at=at(wednesday, 12),
        title="Taalcafé",
    )
    client.force_login(maker)
    with django_assert_max_num_queries(10):
        page = client.get(
            f"/staff/ruimtes/{schilderswijk.slug}/week?dag={wednesday.isoformat()}"
        ).content.decode()
    assert "09:45–12:15 Taalcafé" in page
    # The week runs Monday to Sunday, each day linking to its grid.
    assert f"planning?dag={next_monday.isoformat()}" in page
    assert f"planning?dag={(next_monday + datetime.timedelta(days=6)).isoformat()}" in page


def test_nonsense_in_the_address_falls_back_instead_of_failing(client, maker, schilderswijk):
    """Days at the edge of the calendar and digits int() refuses once gave a 500."""
    client.force_login(maker)
    base = f"/staff/ruimtes/{schilderswijk.slug}"
    for day in ("9999-12-31", "0001-01-01", "2026-13-40", "²"):
        for page in ("planning", "week", "dagblad"):
            assert client.get(f"{base}/{page}?dag={day}").status_code == 200, (page, day)
    form = client.get(f"{base}/boeken?ruimte=²&uur=¹").content.decode()
    assert 'value="14:00"' not in form


def test_move_one_date_of_a_series_from_the_grid(
    client, maker, room, schilderswijk, next_monday, mailoutbox
):
    _series, made, _ = services.booking_series_create(
        actor=maker,
        space=room,
        rule="FREQ=WEEKLY;COUNT=3",
        starts_at=at(next_monday, 10),
        ends_at=at(next_monday, 11),
        title="Taalcafé",
    )
    second = made[1]
    day = next_monday + datetime.timedelta(weeks=1)
    blocker = services.booking_create(
        actor=maker, space=room, starts_at=at(day, 14), ends_at=at(day, 15), title="Bestuur"
    )
    client.force_login(maker)
    grid = client.get(planning(schilderswijk, day)).content.decode()
    url = f"/staff/ruimtes/{schilderswijk.slug}/boekingen/{second.pk}/wijzigen"
    assert url in grid
    form = client.get(url).content.decode()
    assert 'value="10:00"' in form and "Taalcafé" in form and 'name="repeat"' not in form
    taken = client.post(url, form_data(room, day, "14:30", "15:30", title="Taalcafé"))
    assert taken.status_code == 200 and "Bestuur" in taken.content.decode()
    second.refresh_from_db()
    assert second.starts_at == at(day, 10)  # nothing changed
    moved = client.post(url, form_data(room, day, "16:00", "17:00", title="Taalcafé"))
    assert moved.status_code == 302
    second.refresh_from_db()
    assert (second.starts_at, second.series_id) == (at(day, 16), made[0].series_id)
    third = next_monday + datetime.timedelta(weeks=2)
    assert Booking.objects.get(pk=made[2].pk).starts_at == at(third, 10)  # the others stay
    entry = AuditEntry.objects.get(code="bookings.booking.changed")
    assert set(entry.changes) == {"starts_at", "ends_at"}
    assert not mailoutbox  # staff's own booking: nobody to tell
    cancelled = services.booking_cancel(actor=maker, booking=blocker)
    assert client.get(url.replace(str(second.pk), str(cancelled.pk))).status_code == 404


def test_a_requester_hears_of_a_move(
    client, maker, room, schilderswijk, next_monday, django_capture_on_commit_callbacks
):
    SpacePolicy.objects.filter(space=room).update(bookable_by="residents")
    room.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        booking = services.booking_request_create(
            space=room,
            starts_at=at(next_monday, 14),
            ends_at=at(next_monday, 16),
            title="Buurtoverleg",
            name="Fatima",
            email="fatima@example.org",
            expected_people=10,
        )
        services.booking_request_decide(actor=maker, booking=booking, approve=True)
    client.force_login(maker)
    url = f"/staff/ruimtes/{schilderswijk.slug}/boekingen/{booking.pk}/wijzigen"
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        client.post(url, form_data(room, next_monday, "15:00", "17:00", title="Buurtoverleg"))
    assert len(callbacks) == 1
    assert mail.outbox[-1].to == ["fatima@example.org"]
    assert "Gewijzigd" in mail.outbox[-1].subject and "15:00" in mail.outbox[-1].body


def test_stop_a_repeating_booking_from_one_of_its_dates(
    client, maker, reader, room, schilderswijk, next_monday
):
    _series, made, _ = services.booking_series_create(
        actor=maker,
        space=room,
        rule="FREQ=WEEKLY;COUNT=3",
        starts_at=at(next_monday, 10),
        ends_at=at(next_monday, 11),
        title="Taalcafé",
    )
    url = f"/staff/ruimtes/{schilderswijk.slug}/boekingen/{made[1].pk}/reeks-annuleren"
    client.force_login(reader)
    assert client.post(url, {"reason": "Gestopt"}).status_code == 404  # reads only
    client.force_login(maker)
    assert url in client.get(url.replace("reeks-annuleren", "wijzigen")).content.decode()
    client.post(url, {"reason": "Gestopt"})
    assert not Booking.objects.filter(status="confirmed").exists()
    assert AuditEntry.objects.get(code="bookings.series.cancelled").changes["cancelled"] == [
        None,
        3,
    ]
