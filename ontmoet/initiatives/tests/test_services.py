"""The path of an idea: submitted (or entered by staff), reviewed with the checklist,
questions and answers, a decision with a reason, accepted into a draft activity with a
tentative room hold; support counted once per key; contact details erased later."""

import datetime
import importlib

import pytest
from django.apps import apps as django_apps
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone, translation

from conftest import make_user
from ontmoet.bookings.models import Booking
from ontmoet.core.models import AuditEntry
from ontmoet.initiatives import jobs, services
from ontmoet.initiatives.links import initiative_by_token, status_token
from ontmoet.initiatives.models import Initiative, InitiativeMessage, SupportKey

from .conftest import idea_data


def test_an_idea_arrives_with_a_private_link(schilderswijk, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        idea = services.initiative_submit(data=idea_data(schilderswijk))
    assert (idea.status, idea.channel, idea.initiator_email) == (
        "new",
        "online",
        "yusuf@example.org",
    )
    token = status_token(idea)
    assert initiative_by_token(token) == idea
    assert initiative_by_token(token[:-1] + ("0" if token[-1] != "0" else "1")) is None
    assert initiative_by_token(f"{idea.pk + 1}-{token.split('-')[1]}") is None
    assert initiative_by_token("../../etc") is None
    [received] = mail.outbox
    assert token in received.body and received.to == ["yusuf@example.org"]
    with pytest.raises(ValidationError):
        services.initiative_submit(data=idea_data(initiator_email=""))


def test_staff_enter_an_idea_from_the_phone(maker, reader, schilderswijk):
    data = idea_data(schilderswijk, initiator_email="", initiator_phone="070 123 4567")
    idea = services.initiative_submit(data=data, actor=maker, channel="phone")
    assert (idea.channel, idea.entered_by) == ("phone", maker)
    with pytest.raises(ValidationError):
        services.initiative_submit(
            data={**data, "initiator_phone": ""}, actor=maker, channel="desk"
        )
    with pytest.raises(PermissionDenied):
        services.initiative_submit(data=data, actor=reader, channel="phone")
    assert AuditEntry.objects.filter(code="initiatives.initiative.entered").count() == 1


def test_review_questions_and_answers(idea, maker, transvaal, django_capture_on_commit_callbacks):
    services.initiative_review(
        actor=maker,
        initiative=idea,
        checklist={"non_commercial": True, "open": True, "bogus": True},
        notes="Past bij ontmoeting.",
    )
    idea.refresh_from_db()
    assert idea.checklist["non_commercial"] and not idea.checklist["free"]
    assert "bogus" not in idea.checklist
    with django_capture_on_commit_callbacks(execute=True):
        services.initiative_message_add(initiative=idea, text="Hoeveel mensen?", actor=maker)
    assert "vraag" in mail.outbox[-1].subject.lower()
    services.initiative_message_add(initiative=idea, text="Zo'n twintig.")
    assert list(idea.messages.values_list("author", flat=True)) == ["staff", "initiator"]
    other = make_user("ander", role="programme_maker", branches=[transvaal])
    with pytest.raises(PermissionDenied):
        services.initiative_message_add(initiative=idea, text="Hallo", actor=other)
    with pytest.raises(ValidationError):
        services.initiative_message_add(initiative=idea, text="   ")


def test_a_decision_needs_a_reason(idea, maker):
    services.initiative_decide(actor=maker, initiative=idea, status="in_conversation")
    for status in ("declined", "parked", "accepted"):
        with pytest.raises(ValidationError):
            services.initiative_decide(actor=maker, initiative=idea, status=status)
    with pytest.raises(ValidationError):
        services.initiative_decide(actor=maker, initiative=idea, status="new")
    parked = services.initiative_decide(
        actor=maker, initiative=idea, status="parked", reason="Na de zomer weer bekijken."
    )
    assert parked.decided_at is not None and parked.decided_by == maker
    again = services.initiative_decide(actor=maker, initiative=parked, status="in_conversation")
    assert again.decided_at is None  # nothing is erased while the conversation goes on
    assert jobs.erase_initiators(timezone.now() + datetime.timedelta(days=365)) == 0


def test_accepting_makes_a_draft_with_a_tentative_room(
    idea, maker, draft, django_capture_on_commit_callbacks
):
    with pytest.raises(ValidationError) as missing:
        services.initiative_decide(actor=maker, initiative=idea, status="accepted", reason="Ja!")
    assert "format" in missing.value.message_dict
    with django_capture_on_commit_callbacks(execute=True):
        accepted = services.initiative_decide(
            actor=maker, initiative=idea, status="accepted", reason="Mooi plan.", draft=draft
        )
    activity = accepted.activity
    assert (activity.status, activity.title) == ("draft", "Repair café in de buurt")
    assert activity.organisers == ["Yusuf Yilmaz"]  # they agreed to be named
    assert Booking.objects.get(activity=activity).status == "tentative"
    assert "Mooi plan." in mail.outbox[-1].body
    with pytest.raises(ValidationError):
        services.initiative_decide(actor=maker, initiative=accepted, status="declined", reason="x")
    codes = set(AuditEntry.objects.values_list("code", flat=True))
    assert {"initiatives.initiative.accepted", "programme.activity.created"} <= codes


def test_support_counts_once_per_key_and_keeps_no_key(idea, maker):
    assert not services.initiative_support(initiative=idea, key="browser-a")  # not open
    services.initiative_support_open(actor=maker, initiative=idea, is_open=True)
    assert services.initiative_support(initiative=idea, key="browser-a")
    assert not services.initiative_support(initiative=idea, key="browser-a")
    assert services.initiative_support(initiative=idea, key="browser-b")
    idea.refresh_from_db()
    assert idea.supporters == 2
    stored = set(SupportKey.objects.values_list("digest", flat=True))
    assert "browser-a" not in "".join(stored)
    other = services.initiative_submit(data=idea_data(title="Ander idee"))
    assert services.support_digest(other, "browser-a") not in stored  # salted per idea


def test_contact_details_are_erased_after_the_decision(idea, maker):
    services.initiative_message_add(initiative=idea, text="Bel me op 06-12345678")
    decided = services.initiative_decide(
        actor=maker, initiative=idea, status="declined", reason="Commercieel."
    )
    assert jobs.erase_initiators(decided.decided_at + datetime.timedelta(days=30)) == 0
    assert jobs.erase_initiators(decided.decided_at + datetime.timedelta(days=91)) == 1
    idea.refresh_from_db()
    assert (idea.initiator_name, idea.initiator_email, idea.erased_at is not None) == (
        "",
        "",
        True,
    )
    assert not InitiativeMessage.objects.exists()
    assert idea.title and idea.status == "declined"  # the idea stays, anonymous
    with pytest.raises(ValidationError):
        services.initiative_message_add(initiative=idea, text="Nog iets")
    assert Initiative.objects.count() == 1 and timezone.now()


def test_the_draft_carries_whom_when_and_what_is_needed(schilderswijk, maker, draft):
    idea = services.initiative_submit(
        data=idea_data(
            schilderswijk,
            audience="Buurtbewoners van 8 tot 80",
            moments="Zaterdagochtend, om de week",
            needs_promotion=True,
            needs="Gereedschap en een verlengsnoer",
        )
    )
    with translation.override("nl"):  # the language staff work in
        idea = services.initiative_decide(
            actor=maker, initiative=idea, status="accepted", reason="Leuk!", draft=draft
        )
    text = idea.activity.description
    assert text.startswith(idea.description)  # the idea's own words first
    for carried in (
        "Buurtbewoners van 8 tot 80",
        "Zaterdagochtend, om de week",
        "Gereedschap en een verlengsnoer",
    ):
        assert carried in text
    lines = text.splitlines()
    assert any(line.startswith("Voor wie: ") for line in lines)
    assert "een ruimte; promotie; Gereedschap en een verlengsnoer" in text


def test_an_accepted_idea_is_the_branch_s_it_was_accepted_for(central, maker, draft):
    idea = services.initiative_submit(data=idea_data())  # no branch named: central staff's
    accepted = services.initiative_decide(
        actor=central, initiative=idea, status="accepted", reason="Goed plan.", draft=draft
    )
    assert accepted.branch == draft["branch"] == accepted.activity.branch
    assert Initiative.objects.get().branch == draft["branch"]
    entry = AuditEntry.objects.get(code="initiatives.initiative.accepted")
    assert entry.changes["branch"] == [None, draft["branch"].pk]
    services.ensure_can_review(maker, accepted)  # now the branch's staff act on it


def test_ideas_accepted_before_get_the_branch_of_their_draft(central, draft):
    """The data migration for ideas accepted when accepting set no branch on the idea."""
    migration = importlib.import_module(
        "ontmoet.initiatives.migrations.0002_accepted_ideas_carry_their_branch"
    )
    idea = services.initiative_submit(data=idea_data())
    services.initiative_decide(
        actor=central, initiative=idea, status="accepted", reason="Goed plan.", draft=draft
    )
    Initiative.objects.filter(pk=idea.pk).update(branch=None)  # as accepting left it
    waiting = services.initiative_submit(data=idea_data())
    migration.carry_the_branch(django_apps, None)
    assert Initiative.objects.get(pk=idea.pk).branch == draft["branch"]
    assert Initiative.objects.get(pk=waiting.pk).branch is None  # not accepted: untouched
