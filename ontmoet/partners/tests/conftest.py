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
