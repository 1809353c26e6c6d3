"""Study places in a real browser: a resident sees where there is room, books a seat in the
current slot and checks in with the code at the zone."""

import datetime
import re
import time

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from ontmoet.studyplaces.checkin import zone_desk_code
from ontmoet.studyplaces.models import SeatBooking, StudyZone, ZoneHour
from ontmoet.venues.models import OpeningHours

pytestmark = pytest.mark.browser


def test_resident_books_a_study_seat_and_checks_in(page, assert_accessible, schilderswijk):
    # Open all day, every day, so that a slot is open whenever the test runs, also when it
    # crosses midnight; only the last minute of a day has none, so wait that out.
    now = timezone.localtime()
    if now.time() >= datetime.time(23, 58):
        time.sleep(122 - (now.minute - 58) * 60 - now.second)
    for weekday in range(7):
        OpeningHours.objects.create(
            branch=schilderswijk,
            weekday=weekday,
            opens=datetime.time(0),
            closes=datetime.time(23, 59),
        )
    zone = StudyZone.objects.create(
        branch=schilderswijk,
        name="Stiltezaal",
        kind="quiet",
        seats=20,
        bookable_seats=5,
        slot_minutes=30,
    )
    # History for the busy-hours table, every hour of the day, so that the current hour's
    # highlighted row is checked too, whenever the test runs.
    last_week = timezone.localdate() - datetime.timedelta(days=7)
    for hour in range(24):
        ZoneHour.objects.create(
            zone=zone, day=last_week, weekday=last_week.weekday(), hour=hour, present=hour % 20
        )

    page.goto(f"/studeren/{schilderswijk.slug}")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.locator(".study-busy__table tbody tr")).to_have_count(24)
    expect(page.locator(".study-busy__now")).to_have_count(1)
    assert_accessible(page)
    page.locator("#id_name").fill("Sam")
    page.locator("#id_email").fill("sam@example.org")
    page.locator("form.seat-form button[type=submit]").click()

    expect(page).to_have_url(re.compile(r"/studieplek/[\w-]+$"))
    assert_accessible(page)
    # At the zone, the code printed under the poster's QR code.
    page.get_by_label(re.compile(r"^(Code on the poster|Code op de poster)")).fill(
        zone_desk_code(zone.pk)
    )
    page.get_by_role("button", name=re.compile(r"^(Check in now|Nu inchecken)$")).click()
    expect(page.locator("#seat-status")).to_have_text(re.compile(r"^(checked in|ingecheckt)$"))
    assert SeatBooking.objects.get().status == "checked_in"
    assert_accessible(page)

    page.goto(f"/studeren/{schilderswijk.slug}")
    expect(page.get_by_text(re.compile(r"19 (of|van de) 20"))).to_be_visible()
