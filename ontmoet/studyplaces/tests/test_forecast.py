"""The busy-hours forecast: sampled from live occupancy while the branch is open, the peak
of each hour kept, averaged per weekday and hour over the last weeks; on the branch's page
and in the open-data API."""

import datetime
import zoneinfo

from django.utils import timezone
from rest_framework.test import APIClient

from ontmoet.studyplaces import jobs
from ontmoet.studyplaces.forecast import branch_busy_hours, zone_busy_hours
from ontmoet.studyplaces.models import StudyZone, ZoneCount, ZoneHour

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")


def moment(day, hour, minute=0):
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=AMSTERDAM)


def counted(zone, present, at):
    ZoneCount.objects.create(zone=zone, present=present, source="staff", recorded_at=at)


def test_samples_keep_the_peak_of_each_open_hour(zone):
    day = timezone.localdate() - datetime.timedelta(days=1)
    counted(zone, 4, moment(day, 14, 1))
    assert jobs.record_zone_hours(moment(day, 14, 5)) == 1
    counted(zone, 7, moment(day, 14, 20))
    jobs.record_zone_hours(moment(day, 14, 25))
    counted(zone, 5, moment(day, 14, 40))
    jobs.record_zone_hours(moment(day, 14, 45))
    [hour] = ZoneHour.objects.all()
    assert (hour.day, hour.weekday, hour.hour, hour.present) == (day, day.weekday(), 14, 7)
    # Closed at night: nothing is recorded, so the forecast never averages in empty hours.
    assert jobs.record_zone_hours(moment(day, 22, 30)) == 0
    assert ZoneHour.objects.count() == 1


def test_forecast_averages_the_weekday_over_recent_weeks(zone, schilderswijk):
    other = StudyZone.objects.create(
        branch=schilderswijk, name="Groepswerk", kind="group", seats=30, bookable_seats=0
    )
    today = timezone.localdate()
    last = today - datetime.timedelta(days=7)  # the same weekday last week
    for weeks_ago, present in ((1, 8), (2, 4), (3, 6), (20, 10)):  # week 20: too long ago
        day = today - datetime.timedelta(weeks=weeks_ago)
        ZoneHour.objects.create(zone=zone, day=day, weekday=day.weekday(), hour=15, present=present)
    ZoneHour.objects.create(zone=other, day=last, weekday=last.weekday(), hour=15, present=18)
    other_day = today - datetime.timedelta(days=3)  # another weekday: not counted
    ZoneHour.objects.create(
        zone=zone, day=other_day, weekday=other_day.weekday(), hour=15, present=10
    )
    ZoneHour.objects.create(zone=zone, day=today, weekday=today.weekday(), hour=15, present=10)
    by_zone = zone_busy_hours(zones=[zone, other], weekday=today.weekday(), today=today)
    [mine] = by_zone[zone.pk]
    assert (mine.hour, mine.present, mine.share) == (15, 6, 60)  # (8 + 4 + 6) / 3 of 10
    [branch] = branch_busy_hours(by_zone)
    assert (branch.present, branch.seats, branch.share) == (24, 40, 60)


def test_forecast_on_the_page_and_in_the_api(client, zone):
    today = timezone.localdate()
    monday = today - datetime.timedelta(days=today.weekday() + 7)
    ZoneHour.objects.create(zone=zone, day=monday, weekday=0, hour=10, present=9)
    page = client.get(f"/studeren/{zone.branch.slug}?weekday=0")
    assert page.status_code == 200
    assert "10:00" in page.content.decode() and "90%" in page.content.decode()
    tuesday = client.get(f"/studeren/{zone.branch.slug}?weekday=1").content.decode()
    assert "90%" not in tuesday
    assert client.get(f"/studeren/{zone.branch.slug}?weekday=<script>").status_code == 200
    body = APIClient().get(f"/api/v1/occupancy/forecast?branch={zone.branch.slug}&weekday=0")
    assert body.status_code == 200
    [z] = body.json()["zones"]
    assert z["hours"] == [{"hour": 10, "present": 9, "share": 90}]
    assert set(z) == {"zone", "name", "seats", "hours"}
    for bad in ("branch=nergens&weekday=0", f"branch={zone.branch.slug}&weekday=7", ""):
        assert APIClient().get(f"/api/v1/occupancy/forecast?{bad}").status_code in (400, 404)
