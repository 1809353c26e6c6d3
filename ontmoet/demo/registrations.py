"""Demo registrations: a sold-out debate with a waiting list, an activity that offers freed
places for a limited time, and ordinary activities filling up. Made through the services
(so the tallies are right) without sending mail, and only where none exist yet."""

import random

from ontmoet.programme.models import Activity
from ontmoet.programme.services import activity_update
from ontmoet.registrations.capacity import without_mail
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
        for activity in upcoming:
            if activity.pk not in {sold_out.pk, offering.pk}:
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
