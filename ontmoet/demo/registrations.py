"""Demo registrations: a sold-out debate with a waiting list, an activity that offers freed
places for a limited time, an open and a drawn lottery, a course of five meetings, and
ordinary activities filling up. Made through the services
(so the tallies are right) without sending mail, and only where none exist yet."""

import datetime
import random

from django.utils import timezone

from ontmoet.programme.models import Activity
from ontmoet.programme.services import activity_session_add, activity_update
from ontmoet.registrations.capacity import without_mail
from ontmoet.registrations.lottery import lottery_draw
from ontmoet.registrations.models import Registration
from ontmoet.registrations.services import (
    Applicant,
    RegistrationRefused,
    registration_cancel,
    registration_create,
)

FIRST = "Fatima Jan Sanne Mohamed Anouk Priya Kees Yusuf Lotte Ahmet Noor Bram Ewa Daan Aziz Mila"
LAST = "de Vries|El Amrani|Jansen|Yilmaz|Bakker|Ramdin|Visser|Kowalski|Smit|Boukhari|van Dijk"


def _people(rng: random.Random, count: int):
    first, last = FIRST.split(), LAST.split("|")
    for n in range(count):
        name = f"{rng.choice(first)} {rng.choice(last)}"
        yield Applicant(
            name=name,
            email=f"demo{n}.{name.split()[0].lower()}@example.org",
            seats=rng.choices([1, 2, 3, 4], weights=[6, 3, 1, 1])[0],
            language=rng.choice(["nl", "nl", "nl", "en"]),
            needs=("wheelchair",) if rng.random() < 0.05 else (),
        )


def load_registrations(*, actor, seed: int = 7) -> int:
    """Fill some upcoming activities; returns how many registrations were made."""
    if Registration.objects.exists():
        return 0
    rng = random.Random(seed)
    upcoming = list(
        Activity.objects.public()
        .upcoming()
        .filter(
            status=Activity.Status.PUBLISHED,
            registration_mode=Activity.RegistrationMode.REQUIRED,
            capacity__isnull=False,
        )
        .order_by("starts_at", "id")[:40]
    )
    if len(upcoming) < 3:
        return 0
    made = 0
    with without_mail():
        sold_out = next((a for a in upcoming if a.format.slug == "debat"), upcoming[0])
        sold_out = activity_update(actor=actor, activity=sold_out, data={"capacity": 20})
        made += _fill(sold_out, rng, seats_wanted=20 + 14)
        offering = next(a for a in upcoming if a.pk != sold_out.pk)
        offering = activity_update(
            actor=actor,
            activity=offering,
            data={"capacity": 8, "waitlist_mode": Activity.WaitlistMode.OFFER, "offer_hours": 24},
        )
        made += _fill(offering, rng, seats_wanted=12)
        first = Registration.objects.filter(activity=offering, status="confirmed").first()
        registration_cancel(registration=first)  # frees a place: the next one is offered it
        used = {sold_out.pk, offering.pk}
        later = [a for a in upcoming if a.pk not in used and a.starts_at > _soon(days=4)]
        if len(later) >= 3:
            # A course reads best on something called a course.
            later.sort(key=lambda a: "cursus" not in a.title.lower())
            made += _course(actor, later[0], rng)
            made += _lottery_open(actor, later[1], rng)
            made += _lottery_drawn(actor, later[2], rng)
            used |= {a.pk for a in later[:3]}
        for activity in upcoming:
            if activity.pk not in used:
                share = rng.uniform(0.2, 0.9)
                made += _fill(activity, rng, seats_wanted=int(activity.capacity * share))
    return made


def _fill(activity: Activity, rng: random.Random, *, seats_wanted: int) -> int:
    seats, made = 0, 0
    for applicant in _people(rng, 200):
        if seats >= seats_wanted:
            break
        applicant.seats = min(applicant.seats, activity.max_seats_per_registration)
        try:
            registration_create(activity_id=activity.pk, applicant=applicant)
        except RegistrationRefused:  # closed already, or a full activity without a list
            break
        seats += applicant.seats
        made += 1
    return made


def _soon(*, days: int):
    return timezone.now() + datetime.timedelta(days=days)


def _lottery_open(actor, activity: Activity, rng: random.Random) -> int:
    """Oversubscribed and still open: everyone entering now has the same chance."""
    activity = activity_update(
        actor=actor,
        activity=activity,
        data={
            "capacity": 12,
            "allocation": Activity.Allocation.LOTTERY,
            "lottery_quota_first_time": 25,
            "registration_opens_at": None,
            "registration_closes_at": activity.starts_at - datetime.timedelta(days=2),
        },
    )
    return _fill(activity, rng, seats_wanted=30)


def _lottery_drawn(actor, activity: Activity, rng: random.Random) -> int:
    """Closed and drawn, so its page shows the published seed and method. The entries came
    in at the desk (staff may register after closing); the draw uses a fixed seed."""
    activity = activity_update(
        actor=actor,
        activity=activity,
        data={
            "capacity": 10,
            "allocation": Activity.Allocation.LOTTERY,
            "registration_opens_at": timezone.now() - datetime.timedelta(days=8),
            "registration_closes_at": timezone.now() - datetime.timedelta(hours=1),
        },
    )
    made = 0
    for applicant in _people(rng, 18):
        registration_create(
            activity_id=activity.pk,
            applicant=applicant,
            channel=Registration.Channel.ASSISTED,
            actor=actor,
        )
        made += 1
    lottery_draw(activity_id=activity.pk, actor=actor, seed=20261126)
    return made


def _course(actor, activity: Activity, rng: random.Random) -> int:
    """A course of five weekly meetings under one registration."""
    activity = activity_update(actor=actor, activity=activity, data={"capacity": 12})
    for week in range(1, 5):
        activity_session_add(
            actor=actor,
            activity=activity,
            starts_at=activity.starts_at + datetime.timedelta(weeks=week),
            ends_at=activity.ends_at + datetime.timedelta(weeks=week),
        )
    return _fill(activity, rng, seats_wanted=14)
