"""Study places: slots, seat booking under the zone's lock, fairness, check-in or release,
erasure after the slot, live occupancy (anonymous) on the page and in the open-data feed."""

import datetime
import threading
import zoneinfo

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone
from rest_framework.test import APIClient

from conftest import make_user
from ontmoet.core.models import AuditEntry
from ontmoet.registrations.tokens import digest
from ontmoet.studyplaces import jobs, services
from ontmoet.studyplaces.checkin import zone_check_in_url, zone_desk_code
from ontmoet.studyplaces.models import SLOT_MINUTES_MAX, SeatBooking, ZoneCount
from ontmoet.studyplaces.selectors import occupancy, occupancy_feed, zone_slots
from ontmoet.venues.models import OpeningException, OpeningHours

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")


@pytest.fixture
def tomorrow():
    return timezone.localdate() + datetime.timedelta(days=1)


def slot(day, hour):
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=AMSTERDAM)


def book(zone, day, hour=9, email="sam@example.org"):
    return services.seat_book(zone=zone, starts_at=slot(day, hour), name="Sam", email=email)


def test_slots_follow_the_opening_hours(zone, tomorrow):
    slots = zone_slots(zone, tomorrow)
    assert [timezone.localtime(s.starts_at).hour for s in slots] == [9, 11, 13, 15, 17, 19]
    assert timezone.localtime(slots[-1].ends_at).hour == 20  # the last one ends at closing
    assert {s.free for s in slots} == {2}


def test_bookable_seats_are_never_exceeded(zone, tomorrow):
    book(zone, tomorrow, email="a@example.org")
    book(zone, tomorrow, email="b@example.org")
    with pytest.raises(services.SeatRefused) as full:
        book(zone, tomorrow, email="c@example.org")
    assert full.value.code == "full"
    assert zone_slots(zone, tomorrow)[0].free == 0


def test_fair_share_and_no_double_seat(zone, tomorrow):
    book(zone, tomorrow, 9)
    with pytest.raises(services.SeatRefused) as twice:
        book(zone, tomorrow, 9)
    assert twice.value.code == "duplicate"
    book(zone, tomorrow, 11)  # 4 hours: the most a day
    with pytest.raises(services.SeatRefused) as greedy:
        book(zone, tomorrow, 13)
    assert greedy.value.code == "fair_share"


@pytest.mark.parametrize("hour", [8, 10, 21])
def test_only_the_zones_slots(zone, tomorrow, hour):
    with pytest.raises(ValidationError):
        book(zone, tomorrow, hour)


def test_check_in_window_release_and_erasure(zone, tomorrow):
    booking = book(zone, tomorrow)
    start = booking.starts_at
    with pytest.raises(services.SeatRefused):
        services.seat_check_in(booking=booking, now=start - datetime.timedelta(minutes=20))
    services.seat_check_in(booking=booking, now=start + datetime.timedelta(minutes=10))
    other = book(zone, tomorrow, email="b@example.org")
    assert jobs.release_no_shows(now=start + datetime.timedelta(minutes=29)) == 0
    assert jobs.release_no_shows(now=start + datetime.timedelta(minutes=31)) == 1
    other.refresh_from_db()
    booking.refresh_from_db()
    assert (other.status, booking.status) == ("released", "checked_in")
    with pytest.raises(services.SeatRefused):
        services.seat_check_in(booking=other, now=start + datetime.timedelta(minutes=35))
    assert jobs.erase_after_slot(now=booking.ends_at) == 2
    booking.refresh_from_db()
    assert (booking.name, booking.email) == ("", "") and booking.status == "checked_in"


def test_occupancy_counts_check_ins_and_staff_counts(zone, tomorrow, maker):
    booking = book(zone, tomorrow)
    during = booking.starts_at + datetime.timedelta(minutes=5)
    services.seat_check_in(booking=booking, now=during)
    [now] = occupancy(branch=zone.branch, now=during)
    assert (now.present, now.free) == (1, 9)
    count = services.zone_count_record(actor=maker, zone=zone, present=7)
    later = count.recorded_at + datetime.timedelta(minutes=1)
    assert occupancy(branch=zone.branch, now=later)[0].present == 7
    assert occupancy(branch=zone.branch, now=later + datetime.timedelta(hours=2))[0].present == 0


def test_a_check_in_counts_for_the_whole_of_the_longest_slot(zone, tomorrow):
    # The feed only looks back one longest slot for check-ins; a booking of that length is
    # counted until its very end, and not a minute after.
    zone.slot_minutes, zone.max_hours_per_day = SLOT_MINUTES_MAX, SLOT_MINUTES_MAX // 60
    zone.save()
    booking = book(zone, tomorrow)
    assert booking.ends_at - booking.starts_at == datetime.timedelta(minutes=SLOT_MINUTES_MAX)
    services.seat_check_in(booking=booking, now=booking.starts_at)
    last_minute = booking.ends_at - datetime.timedelta(minutes=1)
    assert occupancy(branch=zone.branch, now=last_minute)[0].present == 1
    assert occupancy(branch=zone.branch, now=booking.ends_at)[0].present == 0


@pytest.mark.django_db(transaction=True)
def test_many_at_once_never_get_more_seats_than_bookable(zone, tomorrow):
    outcomes = []
    barrier = threading.Barrier(12)

    def attempt(n):
        barrier.wait()
        try:
            book(zone, tomorrow, email=f"p{n}@example.org")
            outcomes.append("booked")
        except services.SeatRefused as refused:
            outcomes.append(refused.code)
        except Exception as error:  # noqa: BLE001 - anything else would be a 5xx
            outcomes.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=attempt, args=(n,)) for n in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["booked"] * 2 + ["full"] * 10
    assert SeatBooking.objects.filter(status="booked").count() == 2


def test_book_check_in_and_cancel_through_the_pages(
    client, zone, schilderswijk, mailoutbox, django_capture_on_commit_callbacks
):
    # Tomorrow's first slot: today's may all be over, whatever time the test runs.
    day = timezone.localdate() + datetime.timedelta(days=1)
    page = client.get(f"/studeren/{schilderswijk.slug}")
    assert page.status_code == 200 and "Stiltezaal" in page.content.decode()
    data = {
        "zone": zone.pk,
        "dag": day.isoformat(),
        "slot": zone_slots(zone, day)[0].starts_at.isoformat(),
        "name": "Sam",
        "email": "sam@example.org",
        "language": "nl",
    }
    with django_capture_on_commit_callbacks(execute=True):
        made = client.post(f"/studeren/{schilderswijk.slug}", data)
    assert made.status_code == 302
    seat_url = made["Location"]
    [mail] = mailoutbox  # the confirmation carries the private link, in the chosen language
    assert mail.to == ["sam@example.org"] and seat_url in mail.body
    assert "Stiltezaal" in mail.subject and "Inchecken of annuleren" in mail.body
    assert "Sam" not in client.get(seat_url).content.decode()  # the link shows no name
    booking = SeatBooking.objects.get()
    check_in = client.post(seat_url + "/annuleren")
    assert check_in.status_code == 302
    booking.refresh_from_db()
    assert booking.status == "cancelled"
    assert client.get("/studieplek/niet-een-echte-sleutel").status_code == 404


def test_zone_qr_check_in(client, zone):
    url = zone_check_in_url(zone)
    assert client.get(url).status_code == 200
    assert client.get(url[:-3] + "xyz").status_code == 404
    start = timezone.now()
    booking = SeatBooking.objects.create(
        zone=zone,
        starts_at=start - datetime.timedelta(minutes=5),
        ends_at=start + datetime.timedelta(hours=2),
        name="Sam",
        email="sam@example.org",
        token_digest="x" * 64,
    )
    response = client.post(url, {"email": "Sam@example.org"})
    assert response.status_code == 200
    booking.refresh_from_db()
    assert booking.status == "checked_in"


def test_the_open_data_feed_has_no_identities(zone, tomorrow):
    book(zone, tomorrow)
    # Open all day, whenever the test runs (the feed reads the clock).
    OpeningHours.objects.filter(branch=zone.branch).update(
        opens=datetime.time(0), closes=datetime.time(23, 59, 59, 999999)
    )
    body = APIClient().get("/api/v1/occupancy").json()
    assert body == [
        {
            "zone": zone.pk,
            "name": "Stiltezaal",
            "kind": "quiet",
            "branch": "schilderswijk",
            "open": True,
            "seats": 10,
            "present": 0,
            "free": 10,
        }
    ]
    assert "sam" not in str(body).lower()
    assert APIClient().get("/api/v1/occupancy?branch=nergens").json() == []


def test_the_feed_has_no_free_seats_while_the_branch_is_closed(zone, tomorrow):
    """The zone's branch opens 9:00–20:00; tomorrow it is closed for a study day."""
    half_past_seven = slot(tomorrow, 19) + datetime.timedelta(minutes=30)
    ZoneCount.objects.create(zone=zone, present=3, recorded_at=half_past_seven, source="staff")
    quarter = datetime.timedelta(minutes=15)
    evening = occupancy_feed(now=half_past_seven + quarter)[0]
    assert (evening["open"], evening["present"], evening["free"]) == (True, 3, 7)
    closing = occupancy_feed(now=half_past_seven + 3 * quarter)[0]  # the count still stands
    assert (closing["open"], closing["present"], closing["free"]) == (False, 3, 0)
    OpeningException.objects.create(branch=zone.branch, date=tomorrow, reason="Studiedag")
    assert occupancy_feed(now=half_past_seven + quarter)[0]["free"] == 0


def test_staff_count_and_print_the_poster(client, zone, maker, reader, schilderswijk, transvaal):
    url = f"/staff/studeren/{schilderswijk.slug}"
    client.force_login(reader)
    assert client.get(url).status_code == 200
    assert client.post(f"{url}/zones/{zone.pk}/tellen", {"present": "5"}).status_code == 404
    client.force_login(make_user("ander", role="programme_maker", branches=[transvaal]))
    assert client.get(url).status_code == 404
    client.force_login(maker)
    client.post(f"{url}/zones/{zone.pk}/tellen", {"present": "5"})
    assert occupancy(branch=zone.branch)[0].present == 5
    client.post(f"{url}/zones/{zone.pk}/tellen", {"present": "veel"})  # refused, nothing saved
    assert zone.counts.count() == 1
    poster = client.get(f"{url}/zones/{zone.pk}/poster").content.decode()
    assert zone_check_in_url(zone) in poster and "<svg" in poster
    assert zone_desk_code(zone.pk) in poster


def test_a_door_counter_reports_with_its_token_only(zone):
    device, token = services.counter_token_create(zone=zone, name="Ingang stiltezaal")
    url = "/api/v1/occupancy/events"
    api = APIClient()
    first = api.post(
        url, {"entered": 5, "left": 1}, format="json", HTTP_AUTHORIZATION=f"Device {token}"
    )
    assert first.status_code == 201 and first.json() == {"zone": zone.pk, "present": 4}
    more = api.post(
        url, {"entered": 0, "left": 9}, format="json", HTTP_AUTHORIZATION=f"Device {token}"
    )
    assert more.json()["present"] == 0  # never below zero
    assert occupancy(branch=zone.branch)[0].present == 0
    for header in ("", "Device " + "x" * 32, f"Token {token}", f"Device {token[:-1]}"):
        forged = api.post(url, {"entered": 3, "left": 0}, format="json", HTTP_AUTHORIZATION=header)
        assert forged.status_code == 401, header
    for bad in ({"entered": -1, "left": 0}, {"entered": 10**6, "left": 0}, {"left": 0}):
        response = api.post(url, bad, format="json", HTTP_AUTHORIZATION=f"Device {token}")
        assert response.status_code == 400
    device.is_active = False
    device.save()
    off = api.post(
        url, {"entered": 1, "left": 0}, format="json", HTTP_AUTHORIZATION=f"Device {token}"
    )
    assert off.status_code == 401
    assert zone.counts.count() == 2


def test_a_staff_count_puts_the_door_counters_total_right(zone, maker):
    entrance, _token = services.counter_token_create(zone=zone, name="Ingang")
    garden, _token = services.counter_token_create(zone=zone, name="Tuindeur")
    ten = slot(timezone.localdate(), 10)
    minutes = [ten + datetime.timedelta(minutes=n) for n in range(4)]
    assert services.counter_event_record(device=entrance, entered=6, left=0, now=minutes[0])
    assert services.counter_event_record(device=garden, entered=1, left=2, now=minutes[1])
    assert occupancy(branch=zone.branch, now=minutes[1])[0].present == 5  # one total, two doors
    # Two left by the fire exit, which counts nobody: staff count three.
    services.zone_count_record(actor=maker, zone=zone, present=3, now=minutes[2])
    after = services.counter_event_record(device=entrance, entered=1, left=0, now=minutes[3])
    assert after.present == 4  # on from the staff count, not from the doors' 5


def seat_now(zone, minutes_into_slot: int, email="sam@example.org") -> SeatBooking:
    """A seat in a slot that began ``minutes_into_slot`` ago, booked just now."""
    start = timezone.now() - datetime.timedelta(minutes=minutes_into_slot)
    return SeatBooking.objects.create(
        zone=zone,
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=2),
        name="Sam",
        email=email,
        token_digest=email.ljust(64, "x"),
    )


def test_a_seat_booked_in_a_running_slot_has_its_own_half_hour(zone):
    """Booked 45 minutes into the slot: the slot's half hour is long gone, the booking's not."""
    booking = seat_now(zone, 45)
    made = booking.created_at
    assert jobs.release_no_shows(now=made + datetime.timedelta(minutes=1)) == 0
    services.seat_check_in(booking=booking, now=made + datetime.timedelta(minutes=20))
    unused = seat_now(zone, 45, email="b@example.org")
    assert jobs.release_no_shows(now=unused.created_at + datetime.timedelta(minutes=29)) == 0
    assert jobs.release_no_shows(now=unused.created_at + datetime.timedelta(minutes=31)) == 1
    booking.refresh_from_db()
    assert booking.status == "checked_in"


def test_checking_in_on_the_seat_page_needs_the_code_at_the_zone(client, zone):
    """The private link alone is no proof of being there: the poster's short code is."""
    token = "een-geheime-sleutel-van-sam"
    booking = seat_now(zone, 5)
    SeatBooking.objects.filter(pk=booking.pk).update(token_digest=digest(token))
    url = f"/studieplek/{token}/inchecken"
    for wrong in ("", "ABCDEF", zone_desk_code(zone.pk + 1)):
        client.post(url, {"code": wrong})
        booking.refresh_from_db()
        assert booking.status == "booked", wrong
    client.post(url, {"code": f" {zone_desk_code(zone.pk).lower()} "})
    booking.refresh_from_db()
    assert booking.status == "checked_in"


def test_seats_are_booked_for_the_days_ahead(client, zone, schilderswijk, tomorrow):
    url = f"/studeren/{schilderswijk.slug}"
    page = client.get(f"{url}?zone={zone.pk}&dag={tomorrow.isoformat()}").content.decode()
    first = zone_slots(zone, tomorrow)[0].starts_at
    assert first.isoformat() in page and f"dag={tomorrow.isoformat()}" in page
    data = {"zone": zone.pk, "dag": tomorrow.isoformat(), "slot": first.isoformat()}
    data |= {"name": "Sam", "email": "sam@example.org", "language": "nl"}
    assert client.post(url, data).status_code == 302
    assert SeatBooking.objects.get().starts_at == first
    # Beyond the week ahead the page falls back to today.
    far = tomorrow + datetime.timedelta(days=services.HORIZON_DAYS + 1)
    page = client.get(f"{url}?zone={zone.pk}&dag={far.isoformat()}").content.decode()
    today = timezone.localdate().isoformat()
    assert f'dag={today}#book" aria-current="date"' in page
    assert f'value="{far.isoformat()}"' not in page


def test_staff_add_a_door_counter_and_switch_it_off(client, zone, maker, reader, schilderswijk):
    url = f"/staff/studeren/{schilderswijk.slug}"
    client.force_login(reader)
    assert client.post(f"{url}/zones/{zone.pk}/tellers", {"name": "Ingang"}).status_code == 404
    client.force_login(maker)
    client.post(f"{url}/zones/{zone.pk}/tellers", {"name": "  "})
    assert not zone.counters.exists()  # no name, no counter
    shown = client.post(f"{url}/zones/{zone.pk}/tellers", {"name": "Ingang stiltezaal"})
    assert shown["Cache-Control"].startswith("max-age=0") or "no-cache" in shown["Cache-Control"]
    token = shown.content.decode().split("Authorization: Device ")[1].split("<")[0]
    device = zone.counters.get()
    api = APIClient()
    events = {"entered": 3, "left": 0}
    auth = {"HTTP_AUTHORIZATION": f"Device {token}"}
    assert api.post("/api/v1/occupancy/events", events, format="json", **auth).status_code == 201
    page = client.get(url).content.decode()
    assert "Ingang stiltezaal" in page and token not in page  # the token is shown once only
    client.post(f"{url}/tellers/{device.pk}/uitzetten")
    assert api.post("/api/v1/occupancy/events", events, format="json", **auth).status_code == 401
    codes = AuditEntry.objects.filter(code__startswith="studyplaces.counter").values_list(
        "code", flat=True
    )
    assert sorted(codes) == ["studyplaces.counter.created", "studyplaces.counter.deactivated"]
