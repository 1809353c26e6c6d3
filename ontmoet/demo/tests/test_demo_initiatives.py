"""The demo's ideas: when a decision is refused, the demo retries without the room only for
an accepted idea that held one; any other refusal is a fault in the content, raised as
such (not a TypeError from a missing draft)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from ontmoet.demo import initiatives as demo
from ontmoet.initiatives.models import Initiative


def spec(**extra):
    return {
        "title": "Schaakclub",
        "description": "Wekelijks schaken voor jong en oud.",
        "audience": "Iedereen",
        "branch": "schilderswijk",
        "name": "Kees",
        "email": "kees.demo@example.org",
        "by": "centraal",
        **extra,
    }


def test_a_refused_decision_other_than_accepting_is_raised(
    monkeypatch, central, schilderswijk, taxonomy
):
    monkeypatch.setattr(demo, "IDEAS", [spec(status="declined")])  # no reason: refused
    with pytest.raises(ValidationError):
        demo.load_initiatives(users={"centraal": central}, today=timezone.localdate())


def test_accepting_without_the_room_when_it_is_taken(
    monkeypatch, central, schilderswijk, space, taxonomy
):
    decide = demo._decide

    def room_taken(staff, idea, status, reason, draft):
        if draft and draft.get("space"):
            raise ValidationError({"space": "Bezet."})
        return decide(staff, idea, status, reason, draft)

    monkeypatch.setattr(demo, "_decide", room_taken)
    monkeypatch.setattr(demo, "IDEAS", [spec(status="accepted", reason="Goed plan.")])
    today = timezone.localdate() + datetime.timedelta(days=1)
    assert demo.load_initiatives(users={"centraal": central}, today=today) == 1
    idea = Initiative.objects.get()
    assert idea.status == "accepted" and idea.activity.space is None
