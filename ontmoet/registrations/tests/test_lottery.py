import datetime

import pytest
from django.core import mail
from django.utils import timezone

from ontmoet.registrations import jobs, services
from ontmoet.registrations.lottery import draw_order, lottery_draw
from ontmoet.registrations.models import LotteryDraw, Registration

from .conftest import assert_tally_matches

pytestmark = pytest.mark.django_db


@pytest.fixture
def lottery_activity(event):
    def make(capacity=4, **data):
        now = timezone.now()
        return event(
            capacity=capacity,
            allocation="lottery",
            registration_closes_at=now + datetime.timedelta(hours=1),
            start=now + datetime.timedelta(days=2),
            **data,
        )

    return make


def close(activity):
    activity.__class__.objects.filter(pk=activity.pk).update(
        registration_closes_at=timezone.now() - datetime.timedelta(minutes=1)
    )


def test_entries_wait_for_the_draw_then_winners_and_waiting_list(lottery_activity, register):
    activity = lottery_activity(capacity=4)
    entries = [register(activity, seats=s) for s in (2, 1, 2, 1, 3, 1)]
    assert {e.status for e in entries} == {"entered"}
    assert [e.entry_number for e in entries] == [1, 2, 3, 4, 5, 6]
    with pytest.raises(services.RegistrationRefused):
        lottery_draw(activity_id=activity.pk)  # still open
    close(activity)
    draw = lottery_draw(activity_id=activity.pk, seed=12345)
    assert draw.order == draw_order(12345, range(1, 7))
    rows = {r.entry_number: r for r in Registration.objects.filter(activity=activity)}
    confirmed = sum(r.seats for r in rows.values() if r.status == "confirmed")
    assert confirmed <= 4 and draw.winners == sum(
        1 for r in rows.values() if r.status == "confirmed"
    )
    waiting = sorted(
        (r for r in rows.values() if r.status == "waitlisted"), key=lambda r: r.position
    )
    # The waiting list follows the draw order.
    assert [r.entry_number for r in waiting] == [
        n for n in draw.order if n in {r.entry_number for r in waiting}
    ]
    assert_tally_matches(activity)
    with pytest.raises(services.RegistrationRefused):
        lottery_draw(activity_id=activity.pk)  # once only


def test_the_draw_is_reproducible_from_seed_and_numbers(lottery_activity, register):
    first = lottery_activity(capacity=2)
    second = lottery_activity(capacity=2)
    for activity in (first, second):
        for _ in range(8):
            register(activity)
        close(activity)
    a = lottery_draw(activity_id=first.pk, seed=99)
    b = lottery_draw(activity_id=second.pk, seed=99)
    assert a.order == b.order
    winners = lambda act: sorted(  # noqa: E731
        Registration.objects.filter(activity=act, status="confirmed").values_list(
            "entry_number", flat=True
        )
    )
    assert winners(first) == winners(second)


def test_quota_reserves_places_for_first_timers(lottery_activity, register):
    activity = lottery_activity(capacity=4, lottery_quota_first_time=50)
    regulars = [register(activity) for _ in range(10)]
    newcomers = [register(activity, priority=("first_time",)) for _ in range(2)]
    close(activity)
    # Whatever the seed, both newcomers get the two reserved places.
    lottery_draw(activity_id=activity.pk, seed=1)
    for newcomer in newcomers:
        newcomer.refresh_from_db()
        assert newcomer.status == "confirmed"
    assert sum(1 for r in regulars if Registration.objects.get(pk=r.pk).status == "confirmed") == 2


def test_automatic_draw_and_mails(lottery_activity, register, django_capture_on_commit_callbacks):
    activity = lottery_activity(capacity=1)
    with django_capture_on_commit_callbacks(execute=True):
        register(activity)
        register(activity)
    assert len(mail.outbox) == 2
    close(activity)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert jobs.draw_lotteries() == 1
    assert jobs.draw_lotteries() == 0
    assert len(mail.outbox) == 2
    assert LotteryDraw.objects.get(pk=activity.pk).winners == 1


def test_cancelling_after_the_draw_promotes_in_draw_order(lottery_activity, register):
    activity = lottery_activity(capacity=1)
    for _ in range(4):
        register(activity)
    close(activity)
    draw = lottery_draw(activity_id=activity.pk, seed=7)
    winner = Registration.objects.get(activity=activity, status="confirmed")
    services.registration_cancel(registration=winner)
    promoted = Registration.objects.get(activity=activity, status="confirmed")
    assert promoted.entry_number == draw.order[1]


def test_draw_published_on_the_activity_page(client, lottery_activity, register):
    activity = lottery_activity(capacity=1)
    register(activity)
    url = f"/en/activiteit/{activity.pk}/{activity.slug}"
    assert b"Places are given by lottery" in client.get(url).content
    close(activity)
    lottery_draw(activity_id=activity.pk, seed=4242)
    page = client.get(url).content.decode()
    assert "4242" in page and "sha256-v1" in page


def test_a_lottery_needs_a_closing_moment(event):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        event(allocation="lottery")
