import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from ontmoet.programme import services as programme_services
from ontmoet.registrations import services
from ontmoet.registrations.capacity import waitlist_position
from ontmoet.registrations.models import AccessToken, Registration
from ontmoet.registrations.selectors import availability, registration_by_token

from .conftest import assert_tally_matches

pytestmark = pytest.mark.django_db


def test_confirmed_until_full_then_waitlisted_in_order(event, register):
    activity = event(capacity=3)
    a = register(activity, seats=2)
    b = register(activity, seats=1)
    c = register(activity, seats=1)
    d = register(activity, seats=2)
    assert [a.status, b.status, c.status, d.status] == [
        "confirmed",
        "confirmed",
        "waitlisted",
        "waitlisted",
    ]
    assert waitlist_position(c) == 1 and waitlist_position(d) == 2
    places = availability(activity)
    assert places.seats_available == 0 and places.waitlist_length == 2
    assert_tally_matches(activity)


def test_cancel_promotes_the_next_fitting_household_in_order(event, register):
    activity = event(capacity=3)
    first = register(activity, seats=3)
    big = register(activity, seats=3)  # waits first
    small = register(activity, seats=1)
    services.registration_cancel(registration=small.__class__.objects.get(pk=first.pk))
    big.refresh_from_db()
    small.refresh_from_db()
    assert big.status == "confirmed"
    assert small.status == "waitlisted" and waitlist_position(small) == 1
    assert_tally_matches(activity)


def test_household_too_big_is_passed_over_for_one_that_fits(event, register):
    activity = event(capacity=3)
    two = register(activity, seats=2)
    register(activity, seats=1)
    family = register(activity, seats=3)
    single = register(activity, seats=1)
    services.registration_cancel(registration=two)
    family.refresh_from_db()
    single.refresh_from_db()
    # Two places free: the family of three does not fit whole, the single does.
    assert family.status == "waitlisted" and waitlist_position(family) == 1
    assert single.status == "confirmed"
    assert_tally_matches(activity)


def test_new_registration_waits_behind_the_queue_even_if_it_would_fit(event, register):
    activity = event(capacity=3)
    register(activity, seats=2)
    family = register(activity, seats=2)  # does not fit, waits
    single = register(activity, seats=1)
    assert family.status == "waitlisted"
    assert single.status == "waitlisted"


def test_raising_capacity_promotes(event, register, central):
    activity = event(capacity=1)
    register(activity)
    waiting = register(activity)
    programme_services.activity_update(actor=central, activity=activity, data={"capacity": 2})
    waiting.refresh_from_db()
    assert waiting.status == "confirmed"
    assert_tally_matches(activity)


def test_capacity_cannot_drop_below_the_places_given(event, register, central):
    activity = event(capacity=3)
    register(activity, seats=3)
    with pytest.raises(ValidationError) as error:
        programme_services.activity_update(actor=central, activity=activity, data={"capacity": 2})
    assert "capacity" in error.value.message_dict
    activity.refresh_from_db()
    assert activity.capacity == 3


def test_offer_mode_holds_a_place_until_accepted_or_expired(event, register):
    activity = event(capacity=1, waitlist_mode="offer", offer_hours=2)
    holder = register(activity)
    first = register(activity)
    second = register(activity)
    services.registration_cancel(registration=holder)
    first.refresh_from_db()
    assert first.status == "offered" and first.offer_expires_at is not None
    assert availability(activity).seats_available == 0  # the offer counts
    # The offer expires: the place goes to the next person.
    Registration.objects.filter(pk=first.pk).update(
        offer_expires_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    from ontmoet.registrations import jobs

    assert jobs.expire_offers() == 1
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == "cancelled" and first.ending == "offer_expired"
    assert second.status == "offered"
    services.registration_accept_offer(registration=second)
    second.refresh_from_db()
    assert second.status == "confirmed"
    assert_tally_matches(activity)


def test_accepting_without_an_offer_is_refused(event, register):
    activity = event(capacity=5)
    registration = register(activity)
    with pytest.raises(services.RegistrationRefused):
        services.registration_accept_offer(registration=registration)


def test_change_seats_within_availability(event, register):
    activity = event(capacity=4)
    registration = register(activity, seats=2)
    services.registration_change_seats(registration=registration, seats=4)
    registration.refresh_from_db()
    assert registration.seats == 4
    with pytest.raises(ValidationError):
        services.registration_change_seats(registration=registration, seats=5)
    waiting = register(activity, seats=1)
    services.registration_change_seats(registration=registration, seats=3)
    waiting.refresh_from_db()
    assert waiting.status == "confirmed"  # the freed place went to the waiting list
    with pytest.raises(services.RegistrationRefused):
        services.registration_change_seats(registration=registration, seats=4)
    assert_tally_matches(activity)


@pytest.mark.parametrize("seats", [0, -1, 5, 10_000])
def test_seats_out_of_range_are_refused(event, register, seats):
    activity = event(capacity=10)
    with pytest.raises(ValidationError):
        register(activity, seats=seats)
    assert not Registration.objects.exists()


def test_invalid_email_is_refused(event, register):
    with pytest.raises(ValidationError):
        register(event(), email="not-an-email")
    assert not Registration.objects.exists()


def test_one_live_registration_per_email(event, register):
    activity = event()
    register(activity, email="Same@Example.org")
    with pytest.raises(services.RegistrationRefused) as error:
        register(activity, email="same@example.org")
    assert error.value.code == "duplicate"
    assert Registration.objects.count() == 1


def test_a_replayed_token_returns_the_same_registration(event):
    activity = event()
    applicant = services.Applicant(name="Ada", email="ada@example.org", seats=2)
    token = "A" * 24
    first = services.registration_create(activity_id=activity.pk, applicant=applicant, token=token)
    again = services.registration_create(activity_id=activity.pk, applicant=applicant, token=token)
    assert again.pk == first.pk and again.replayed
    assert Registration.objects.count() == 1


@pytest.mark.parametrize(
    ("data", "code"),
    [
        ({"registration_mode": "drop_in"}, "not_needed"),
        ({"registration_opens_at_days": 1}, "not_open"),
        ({"registration_closes_at_days": -1}, "closed"),
    ],
)
def test_registration_outside_its_window_is_refused(make_activity, register, data, code):
    now = timezone.now()
    values = {"registration_mode": "required", "capacity": 5}
    if "registration_opens_at_days" in data:
        values["registration_opens_at"] = now + datetime.timedelta(days=1)
    elif "registration_closes_at_days" in data:
        values["registration_opens_at"] = now - datetime.timedelta(days=2)
        values["registration_closes_at"] = now - datetime.timedelta(days=1)
    else:
        values.update(data)
    activity = make_activity(**values)
    with pytest.raises(services.RegistrationRefused) as error:
        register(activity)
    assert error.value.code == code
    assert not Registration.objects.exists()


def test_draft_and_cancelled_activities_take_no_registrations(event, register, central):
    draft = event(status="draft")
    with pytest.raises(services.RegistrationRefused):
        register(draft)
    activity = event()
    programme_services.activity_cancel(actor=central, activity=activity)
    with pytest.raises(services.RegistrationRefused):
        register(activity)


def test_full_without_waitlist_is_refused(event, register):
    activity = event(capacity=1, waitlist_mode="none")
    register(activity)
    with pytest.raises(services.RegistrationRefused) as error:
        register(activity)
    assert error.value.code == "full"


def test_tokens_are_stored_hashed_and_open_the_registration(event, register):
    registration = register(event())
    assert len(registration.token) == 24
    stored = AccessToken.objects.get(registration=registration)
    assert registration.token not in stored.digest
    assert registration_by_token(registration.token).pk == registration.pk
    assert registration_by_token("x" * 24) is None
    assert registration_by_token("../../etc") is None


def test_assisted_registration_by_phone_without_email(event, central):
    activity = event(capacity=2)
    registration = services.registration_create(
        activity_id=activity.pk,
        applicant=services.Applicant(name="Mevrouw Jansen", phone="070 123 4567", seats=2),
        channel=Registration.Channel.ASSISTED,
        actor=central,
    )
    assert registration.status == "confirmed"
    assert registration.registered_by == central
    assert len(mail.outbox) == 0


def test_waitlist_move_needs_a_reason_and_is_logged(event, register, central):
    from ontmoet.core.models import AuditEntry

    activity = event(capacity=1)
    register(activity)
    first = register(activity)
    second = register(activity)
    with pytest.raises(ValidationError):
        services.waitlist_move(registration=second, before=first, actor=central, reason=" ")
    services.waitlist_move(
        registration=second, before=first, actor=central, reason="Belde gisteren"
    )
    second.refresh_from_db()
    first.refresh_from_db()
    assert waitlist_position(second) == 1 and waitlist_position(first) == 2
    entry = AuditEntry.objects.get(code="registrations.waitlist.moved")
    assert entry.changes["reason"] == "Belde gisteren"


def test_a_new_household_is_placed_in_part_at_once_where_allowed(event, register):
    activity = event(capacity=3, allow_split=True)
    register(activity, seats=2)
    family = register(activity, seats=3)  # one place free: that one at once, two wait
    family.refresh_from_db()
    part = Registration.objects.get(split_from=family)
    assert (part.status, part.seats) == ("confirmed", 1)
    assert (family.status, family.seats) == ("waitlisted", 2)
    assert_tally_matches(activity)


def test_split_household_takes_what_is_free_when_allowed(event, register):
    activity = event(capacity=3, allow_split=True)
    holder = register(activity, seats=2)
    register(activity, seats=1)
    family = register(activity, seats=3)
    single = register(activity, seats=1)
    services.registration_cancel(registration=holder)
    family.refresh_from_db()
    single.refresh_from_db()
    part = Registration.objects.get(split_from=family)
    # The first in line got both free places; one of the family keeps waiting, first in line.
    assert part.status == "confirmed" and part.seats == 2 and part.email == family.email
    assert family.status == "waitlisted" and family.seats == 1
    assert waitlist_position(family) == 1 and single.status == "waitlisted"
    assert_tally_matches(activity)


def test_a_name_is_needed(event, register):
    with pytest.raises(ValidationError):
        register(event(), name="   ")
    assert not Registration.objects.exists()
