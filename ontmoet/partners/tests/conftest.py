import datetime

import pytest
from django.utils import timezone

from ontmoet.partners import services
from ontmoet.partners.models import Partner


@pytest.fixture
def partner(central, schilderswijk):
    made = services.partner_create(
        actor=central,
        data={"name": "Stichting Buurtkracht", "kind": Partner.Kind.NEIGHBOURHOOD},
        branches=[schilderswijk],
    )
    return made


@pytest.fixture
def other_partner(central, transvaal):
    return services.partner_create(
        actor=central,
        data={"name": "Humanitas Den Haag", "kind": Partner.Kind.SOCIAL},
        branches=[transvaal],
    )


def contact_of(partner, central, email="sara@buurtkracht.example"):
    """An invited contact who accepted: a user acting for ``partner``."""
    member, token = services.member_invite(
        actor=central, partner=partner, name="Sara Bakker", email=email
    )
    member = services.member_by_invitation(token)
    return services.member_accept(member=member, password="een-lang-wachtwoord-42").user


@pytest.fixture
def contact(partner, central):
    return contact_of(partner, central)


@pytest.fixture
def tomorrow_at():
    def at(hour: int, day_offset: int = 1) -> datetime.datetime:
        day = timezone.localdate() + datetime.timedelta(days=day_offset)
        return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))

    return at


def lend_to_partners(space):
    """Make ``space`` one that partners ask for, in a branch open every day 9–21."""
    from ontmoet.bookings.models import SpacePolicy
    from ontmoet.venues.models import OpeningHours

    SpacePolicy.objects.update_or_create(
        space=space, defaults={"bookable_by": "partners", "max_hours": 4}
    )
    for weekday in range(7):
        OpeningHours.objects.get_or_create(
            branch=space.branch, weekday=weekday, defaults={"opens": "09:00", "closes": "21:00"}
        )
    return space


@pytest.fixture
def transvaal_room(transvaal):
    """A space lent to partners, in a branch ``partner`` does not work with."""
    from ontmoet.venues.models import Space

    space = Space.objects.create(
        branch=transvaal, name="Buurtzaal", kind="meeting_room", capacity=20
    )
    return lend_to_partners(space)
