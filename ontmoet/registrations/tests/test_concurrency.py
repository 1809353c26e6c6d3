"""Many threads registering, cancelling and changing places on one activity at once, against
the real database (each thread has its own connection). Capacity must hold, the tally must
match the rows, every acknowledged registration must exist, and nothing may fail other than
with a clear refusal."""

import random
import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from ontmoet.registrations import services
from ontmoet.registrations.models import Registration

from .conftest import assert_tally_matches

THREADS = 32
ATTEMPTS = 50


def _worker(activity_id, seed, acknowledged, failures, barrier):
    rng = random.Random(seed)
    mine = []
    barrier.wait()
    try:
        for attempt in range(ATTEMPTS):
            roll = rng.random()
            try:
                if roll < 0.7 or not mine:
                    registration = services.registration_create(
                        activity_id=activity_id,
                        applicant=services.Applicant(
                            name=f"T{seed}",
                            email=f"t{seed}-{attempt}@example.org",
                            seats=rng.randint(1, 4),
                        ),
                    )
                    mine.append(registration)
                    acknowledged.append(registration.pk)
                elif roll < 0.9:
                    services.registration_cancel(registration=mine.pop(rng.randrange(len(mine))))
                else:
                    services.registration_change_seats(
                        registration=rng.choice(mine), seats=rng.randint(1, 4)
                    )
            except (services.RegistrationRefused, ValidationError):
                pass
            except Exception as error:  # noqa: BLE001 - any other failure is a 5xx
                failures.append(repr(error))
    finally:
        connection.close()


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("capacity", [1, 10, 100])
def test_rush_never_overbooks_and_loses_nothing(event, capacity):
    activity = event(capacity=capacity)
    acknowledged, failures = [], []
    barrier = threading.Barrier(THREADS)
    threads = [
        threading.Thread(target=_worker, args=(activity.pk, seed, acknowledged, failures, barrier))
        for seed in range(THREADS)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert failures == []
    assert len(acknowledged) > THREADS * ATTEMPTS // 2
    stored = set(Registration.objects.filter(activity=activity).values_list("pk", flat=True))
    assert set(acknowledged) <= stored  # no acknowledged registration lost
    assert_tally_matches(activity)  # includes: confirmed + offered <= capacity
    # Nobody is left waiting who would fit in the free places (promotion happened).
    rows = Registration.objects.filter(activity=activity)
    held = sum(r.seats for r in rows if r.status in Registration.HOLDING)
    free = capacity - held
    waiting = [r.seats for r in rows if r.status == "waitlisted"]
    assert not waiting or min(waiting) > free
