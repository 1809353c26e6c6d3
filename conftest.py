"""Shared fixtures: small factories per test, never one giant fixture database."""

import datetime

import pytest
from django.conf import settings
from django.core.cache import cache
from django.utils import timezone, translation

from ontmoet.accounts.models import User
from ontmoet.programme import services
from ontmoet.programme.models import Audience, Format, LibraryFunction, Theme
from ontmoet.programme.selectors import filter_options_invalidate
from ontmoet.venues.models import AccessibilityFeature, Branch, District, Space


@pytest.fixture(autouse=True)
def _site_language():
    """Every test starts in the site's language. A request through the test client runs in
    this thread, and the language it activates (an /en/ page) stays active after it: the next
    test would build its links and read its messages in English."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _clear_cache():
    filter_options_invalidate()
    cache.clear()
    yield
    filter_options_invalidate()
    cache.clear()


@pytest.fixture
def district(db):
    return District.objects.create(
        slug="centrum", name="Centrum", population=106261, population_year=2022
    )


@pytest.fixture
def schilderswijk(district):
    return Branch.objects.create(
        name="Bibliotheek Schilderswijk",
        slug="schilderswijk",
        address="Koningstraat 439",
        district=district,
    )


@pytest.fixture
def transvaal(district):
    return Branch.objects.create(name="Bibliotheek Transvaal", slug="transvaal", district=district)


@pytest.fixture
def space(schilderswijk):
    return Space.objects.create(
        branch=schilderswijk, name="Zaal 1", kind="meeting_room", capacity=30
    )


@pytest.fixture
def taxonomy(db):
    """A small set of every taxonomy, returned by name."""
    return {
        # The programme's migration 0004 makes "debat" on every install.
        "debate": Format.objects.get_or_create(
            slug="debat", defaults={"name": "Debat", "name_en": "Debate"}
        )[0],
        "lecture": Format.objects.create(slug="lezing", name="Lezing", name_en="Lecture"),
        "justice": Theme.objects.create(
            slug="rechtvaardigheid", name="Rechtvaardigheid", name_en="Justice", sdgs=[16]
        ),
        "health": Theme.objects.create(
            slug="gezondheid", name="Gezondheid", name_en="Health", sdgs=[3]
        ),
        "seniors": Audience.objects.create(slug="senioren", name="Senioren", name_en="Seniors"),
        "meeting": LibraryFunction.objects.create(
            slug="ontmoeting-en-debat", name="Ontmoeting en debat", name_en="Meeting and debate"
        ),
        "wheelchair": AccessibilityFeature.objects.create(
            slug="rolstoel", name="Rolstoeltoegankelijk", name_en="Wheelchair accessible"
        ),
    }


def make_user(username, role="", branches=(), **extra):
    user = User.objects.create_user(
        username=username, password="pw-for-tests", role=role, is_staff=bool(role), **extra
    )
    user.branches.set(branches)
    return user


@pytest.fixture
def central(db):
    return make_user("centraal", role=User.Role.CENTRAL_STAFF)


@pytest.fixture
def maker(schilderswijk):
    return make_user("maker", role=User.Role.PROGRAMME_MAKER, branches=[schilderswijk])


@pytest.fixture
def reader(db):
    return make_user("lezer", role=User.Role.READ_ONLY)


@pytest.fixture
def make_activity(central, schilderswijk, taxonomy):
    """Create an activity through the service; published unless told otherwise."""

    def make(status="published", start=None, hours=2, branch=None, **data):
        start = start or timezone.now() + datetime.timedelta(days=2)
        values = {
            "title": "Debat over vrijheid",
            "summary": "Een avond over vrijheid van meningsuiting.",
            "format": taxonomy["debate"],
            "branch": branch or schilderswijk,
            "starts_at": start,
            "ends_at": start + datetime.timedelta(hours=hours),
            "themes": [taxonomy["justice"]],
            "languages": ["nl"],
        }
        values.update(data)
        activity = services.activity_create(actor=central, data=values)
        if status == "published":
            activity = services.activity_publish(actor=central, activity=activity)
        elif status == "cancelled":
            activity = services.activity_cancel(actor=central, activity=activity, reason="Ziek")
        return activity

    return make
