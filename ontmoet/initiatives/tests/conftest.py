import datetime

import pytest
from django.utils import timezone

from ontmoet.initiatives import services


def idea_data(branch=None, **extra):
    return {
        "title": "Repair café in de buurt",
        "description": "Elke maand samen kapotte spullen repareren, met vrijwilligers.",
        "audience": "Iedereen uit de wijk",
        "branch": branch,
        "moments": "zaterdagochtend",
        "needs_room": True,
        "initiator_name": "Yusuf Yilmaz",
        "initiator_email": "Yusuf@example.org",
        "language": "nl",
        "show_name": True,
        **extra,
    }


@pytest.fixture
def idea(schilderswijk):
    return services.initiative_submit(data=idea_data(schilderswijk))


@pytest.fixture
def draft(taxonomy, schilderswijk, space):
    start = timezone.make_aware(
        datetime.datetime.combine(
            timezone.localdate() + datetime.timedelta(days=10), datetime.time(10)
        )
    )
    return {
        "format": taxonomy["lecture"],
        "branch": schilderswijk,
        "space": space,
        "starts_at": start,
        "ends_at": start + datetime.timedelta(hours=2),
    }
