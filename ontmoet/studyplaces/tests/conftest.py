import datetime

import pytest

from ontmoet.studyplaces.models import StudyZone
from ontmoet.venues.models import OpeningHours


@pytest.fixture
def zone(schilderswijk):
    """A quiet zone of 10 seats, 2 bookable per slot, in a branch open 9:00–20:00 daily."""
    for weekday in range(7):
        OpeningHours.objects.create(
            branch=schilderswijk, weekday=weekday, opens=datetime.time(9), closes=datetime.time(20)
        )
    return StudyZone.objects.create(
        branch=schilderswijk, name="Stiltezaal", kind="quiet", seats=10, bookable_seats=2
    )
