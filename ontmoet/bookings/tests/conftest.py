import datetime
import zoneinfo

import pytest

from ontmoet.bookings.models import SpacePolicy
from ontmoet.venues.models import OpeningHours

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")


def at(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=AMSTERDAM)


@pytest.fixture
def next_monday():
    today = datetime.date.today()
    return today + datetime.timedelta(days=7 - today.weekday())


@pytest.fixture
def room(space, schilderswijk):
    """A meeting room with 15 minutes set-up and clean-up, open 9:00–21:00 every day."""
    for weekday in range(7):
        OpeningHours.objects.create(
            branch=schilderswijk,
            weekday=weekday,
            opens=datetime.time(9),
            closes=datetime.time(21),
        )
    SpacePolicy.objects.create(space=space, setup_minutes=15, cleanup_minutes=15, max_hours=8)
    return space
