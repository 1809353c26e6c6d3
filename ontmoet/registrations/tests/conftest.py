import pytest
from django.core import mail

from ontmoet.registrations.models import Registration, Tally
from ontmoet.registrations.services import Applicant, registration_create


@pytest.fixture
def event(make_activity):
    """A published activity needing registration; capacity and mode as asked."""

    def make(capacity=10, **data):
        data.setdefault("registration_mode", "required")
        return make_activity(capacity=capacity, **data)

    return make


@pytest.fixture
def register():
    """Register through the service; returns the registration (with ``.token``)."""
    counter = iter(range(1, 100_000))

    def do(activity, seats=1, email=None, **extra):
        n = next(counter)
        applicant = Applicant(
            name=extra.pop("name", f"Bewoner {n}"),
            email=email if email is not None else f"bewoner{n}@example.org",
            seats=seats,
            **extra,
        )
        return registration_create(activity_id=activity.pk, applicant=applicant)

    return do


def assert_tally_matches(activity):
    """The tally equals what the registration rows say."""
    activity.refresh_from_db()
    tally = Tally.objects.get(pk=activity.pk)
    rows = Registration.objects.filter(activity=activity)

    def seats(status):
        return sum(r.seats for r in rows if r.status == status)

    assert tally.confirmed_seats == seats("confirmed")
    assert tally.offered_seats == seats("offered")
    assert tally.waitlisted_seats == seats("waitlisted")
    assert tally.waitlisted_entries == sum(1 for r in rows if r.status == "waitlisted")
    if activity.capacity:
        assert tally.confirmed_seats + tally.offered_seats <= activity.capacity


def mail_sent_so_far():
    """Send what waits in the outbox, then forget all mail: a test starts counting anew."""
    from ontmoet.registrations.outbox import outbox_drain

    outbox_drain()
    mail.outbox.clear()
