"""Partners kept by staff, invitations that work once, co-hosts with roles, and what a
partner's contact may change: their drafts only, audited."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone, translation
from rest_framework.authtoken.models import Token

from ontmoet.bookings.models import Booking
from ontmoet.core.models import AuditEntry
from ontmoet.partners import services
from ontmoet.partners.models import ActivityPartner, Agreement, Partner, Role
from ontmoet.partners.permissions import partner_may_edit_activity, partner_of

from .conftest import contact_of, lend_to_partners


def test_staff_keep_partners_and_readers_cannot(partner, central, reader):
    assert partner.slug == "stichting-buurtkracht"
    twin = services.partner_create(
        actor=central, data={"name": "Stichting Buurtkracht!", "kind": "other"}
    )
    assert twin.slug == "stichting-buurtkracht-2"
    with pytest.raises(PermissionDenied):
        services.partner_create(actor=reader, data={"name": "X", "kind": "other"})
    services.partner_update(actor=central, partner=partner, data={"website": "https://bk.nl"})
    codes = list(AuditEntry.objects.values_list("code", flat=True))
    assert codes.count("partners.partner.created") == 2 and "partners.partner.updated" in codes


def test_a_dpa_covers_the_dates_it_runs(partner, central):
    day = datetime.date(2027, 3, 1)
    assert not partner.has_dpa_on(day)
    services.agreement_add(
        actor=central,
        partner=partner,
        kind=Agreement.Kind.DPA,
        title="Verwerkersovereenkomst 2027",
        starts_on=datetime.date(2027, 1, 1),
        ends_on=datetime.date(2027, 12, 31),
    )
    services.agreement_add(
        actor=central,
        partner=partner,
        kind=Agreement.Kind.COOPERATION,
        title="Samenwerking",
        starts_on=datetime.date(2020, 1, 1),
    )
    partner = Partner.objects.get(pk=partner.pk)
    assert partner.has_dpa_on(day)
    assert not partner.has_dpa_on(datetime.date(2028, 1, 1))  # expired
    assert not partner.has_dpa_on(datetime.date(2026, 6, 1))  # the cooperation is no DPA
    with pytest.raises(ValidationError):
        services.agreement_add(
            actor=central,
            partner=partner,
            kind="dpa",
            title="Omgekeerd",
            starts_on=datetime.date(2027, 2, 1),
            ends_on=datetime.date(2027, 1, 1),
        )


def test_an_invitation_works_once_and_only_the_latest(partner, central):
    member, first = services.member_invite(
        actor=central, partner=partner, name="Sara", email="Sara@Buurtkracht.example"
    )
    assert not member.user.is_active and not member.user.has_usable_password()
    assert member.user.role == "" and not member.user.is_staff
    _, second = services.member_invite(
        actor=central, partner=partner, name="Sara", email="sara@buurtkracht.example"
    )
    assert services.member_by_invitation(first) is None  # replaced by the new one
    assert services.member_by_invitation("rommel") is None
    member = services.member_by_invitation(second)
    with pytest.raises(ValidationError):
        services.member_accept(member=member, password="123")  # too weak
    member = services.member_accept(member=member, password="een-lang-wachtwoord-42")
    assert services.member_by_invitation(second) is None  # used
    assert partner_of(member.user) == partner


def test_staff_and_other_partners_cannot_be_invited(partner, other_partner, central, maker):
    with pytest.raises(ValidationError):
        services.member_invite(actor=central, partner=partner, name="M", email=maker.email or "")
    maker.email = "maker@bieb.example"
    maker.save()
    with pytest.raises(ValidationError):
        services.member_invite(actor=central, partner=partner, name="M", email=maker.email)
    contact_of(other_partner, central, email="jan@humanitas.example")
    with pytest.raises(ValidationError):
        services.member_invite(
            actor=central, partner=partner, name="Jan", email="jan@humanitas.example"
        )


def test_co_hosts_with_roles(partner, other_partner, central, maker, make_activity):
    activity = make_activity()
    services.activity_hosts_set(
        actor=maker,
        activity=activity,
        hosts=[(partner, Role.CO_ORGANISER), (other_partner, Role.MEDIA)],
    )
    assert set(activity.hosts.values_list("partner__name", "role")) == {
        ("Stichting Buurtkracht", "co_organiser"),
        ("Humanitas Den Haag", "media"),
    }
    with pytest.raises(ValidationError):
        services.activity_hosts_set(actor=maker, activity=activity, hosts=[(partner, "baas")])
    with pytest.raises(ValidationError):
        services.activity_hosts_set(
            actor=maker, activity=activity, hosts=[(partner, "media"), (partner, "venue")]
        )
    assert activity.hosts.count() == 2  # nothing changed by the refused calls
    other_branch = make_activity(branch=other_partner.branches.get())
    with pytest.raises(PermissionDenied):
        services.activity_hosts_set(actor=maker, activity=other_branch, hosts=[])
    assert AuditEntry.objects.filter(code="partners.activity.hosts_set").count() == 1


def test_a_contact_proposes_and_edits_drafts_only(
    partner, contact, central, make_activity, taxonomy, schilderswijk, transvaal, tomorrow_at
):
    data = {
        "title": "Buurtsoep en verhalen",
        "summary": "Samen soep eten en verhalen delen.",
        "format": taxonomy["lecture"],
        "branch": schilderswijk,
        "starts_at": tomorrow_at(15),
        "ends_at": tomorrow_at(17),
    }
    activity = services.partner_activity_propose(actor=contact, data=data)
    assert activity.status == "draft"
    assert ActivityPartner.objects.get(activity=activity).role == Role.ORGANISER
    services.partner_activity_update(actor=contact, activity=activity, data={"title": "Soep!"})
    with pytest.raises(PermissionDenied):  # not one of the partner's branches
        services.partner_activity_update(
            actor=contact, activity=activity, data={"branch": transvaal}
        )
    with pytest.raises(PermissionDenied):
        services.partner_activity_propose(actor=contact, data={**data, "branch": transvaal})
    with pytest.raises(ValueError):  # publishing is not a field anyone sets
        services.partner_activity_update(
            actor=contact, activity=activity, data={"status": "published"}
        )
    from ontmoet.programme.services import activity_publish

    with pytest.raises(PermissionDenied):
        activity_publish(actor=contact, activity=activity)
    published = activity_publish(actor=central, activity=activity)
    assert not partner_may_edit_activity(contact, published)
    with pytest.raises(PermissionDenied):
        services.partner_activity_update(actor=contact, activity=published, data={"title": "X"})
    unrelated = make_activity(status="draft")
    with pytest.raises(PermissionDenied):
        services.partner_activity_update(actor=contact, activity=unrelated, data={"title": "X"})
    codes = set(AuditEntry.objects.filter(actor=contact).values_list("code", flat=True))
    assert {"partners.activity.proposed", "programme.activity.created"} <= codes
    assert "programme.activity.updated" in codes


def test_a_former_partner_loses_access(partner, contact, central):
    assert partner_of(contact) == partner
    services.partner_update(actor=central, partner=partner, data={"is_active": False})
    fresh = type(contact).objects.get(pk=contact.pk)  # a new request: nothing cached
    assert partner_of(fresh) is None


def test_a_partners_draft_holds_its_room_tentatively(
    partner, contact, central, space, taxonomy, schilderswijk, tomorrow_at
):
    from ontmoet.bookings.models import Booking
    from ontmoet.programme.services import activity_publish

    activity = services.partner_activity_propose(
        actor=contact,
        data={
            "title": "Buurtsoep",
            "summary": "Soep.",
            "format": taxonomy["lecture"],
            "branch": schilderswijk,
            "space": space,
            "starts_at": tomorrow_at(15),
            "ends_at": tomorrow_at(17),
        },
    )
    hold = Booking.objects.get(activity=activity)
    assert hold.status == "tentative"
    activity_publish(actor=central, activity=activity)
    hold.refresh_from_db()
    assert hold.status == "confirmed"
    assert timezone.now() < hold.starts_at


def test_a_contact_asks_for_rooms_only_in_their_partners_branches(
    contact, partner, space, transvaal_room, tomorrow_at
):
    request = {
        "starts_at": tomorrow_at(10),
        "ends_at": tomorrow_at(12),
        "title": "Vrijwilligersoverleg",
        "expected_people": 6,
    }
    with pytest.raises(ValidationError) as refused:
        services.partner_room_request(actor=contact, space=transvaal_room, **request)
    assert "space" in refused.value.message_dict
    assert not Booking.objects.exists()
    assert not AuditEntry.objects.filter(code="partners.room.requested").exists()
    # In its own branch it may; and a partner naming no branch works with every branch.
    services.partner_room_request(actor=contact, space=lend_to_partners(space), **request)
    partner.branches.clear()
    services.partner_room_request(actor=contact, space=transvaal_room, **request)
    assert Booking.objects.count() == 2


def test_an_accepted_contact_is_not_invited_again(partner, central, contact):
    with pytest.raises(ValidationError) as refused:
        services.member_invite(
            actor=central, partner=partner, name="Sara", email=contact.email.upper()
        )
    with translation.override("en"):
        assert "Forgot your password?" in str(refused.value.message_dict["email"])
    member = contact.partner_member
    member.refresh_from_db()
    assert member.invitations_sent == 1  # no new (dead) link made
    assert AuditEntry.objects.filter(code="partners.member.invited").count() == 1


def test_a_contact_makes_and_revokes_their_api_key(contact, central):
    first = services.partner_token_create(actor=contact)
    second = services.partner_token_create(actor=contact)
    assert list(Token.objects.values_list("key", flat=True)) == [second.key]  # replaced
    assert services.partner_token_revoke(actor=contact) is True
    assert services.partner_token_revoke(actor=contact) is False  # nothing left to revoke
    assert not Token.objects.exists() and first.key != second.key
    codes = list(AuditEntry.objects.filter(actor=contact).values_list("code", flat=True))
    assert codes.count("partners.token.created") == 2
    assert codes.count("partners.token.revoked") == 1
    with pytest.raises(PermissionDenied):  # staff get theirs elsewhere
        services.partner_token_create(actor=central)
