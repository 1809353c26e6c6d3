"""Demo ideas of residents, in every status: new ones waiting for the board, one in
conversation with questions and answers, one accepted into a draft activity with a room
held, one declined and one parked with their reasons, one entered by staff from a phone
call, and ideas open for support. Made through the services; afterwards their dates are
spread over the past months (a fixture, not a change anyone made) so that the overview
for management has a history to show. Only when no idea exists yet."""

import datetime
import random

from django.core.exceptions import ValidationError
from django.utils import timezone

from ontmoet.initiatives import services
from ontmoet.initiatives.models import Initiative
from ontmoet.programme.models import Format
from ontmoet.venues.models import Branch, Space

from .content.initiatives import IDEAS

SEED = 20261126


def load_initiatives(*, users: dict, today: datetime.date) -> int:
    if Initiative.objects.exists():
        return 0
    with services.without_initiator_mail():
        return _load(users, today)


def _load(users: dict, today: datetime.date) -> int:
    rng = random.Random(SEED)
    branches = {b.slug: b for b in Branch.objects.all()}
    made = 0
    for spec in IDEAS:
        branch = branches.get(spec["branch"])
        staff = users[spec.get("by", "centraal")]
        data = {
            "title": spec["title"],
            "description": spec["description"],
            "audience": spec["audience"],
            "branch": branch,
            "moments": spec.get("moments", ""),
            "needs_room": spec.get("needs_room", False),
            "needs_promotion": spec.get("needs_promotion", False),
            "initiator_name": spec["name"],
            "initiator_email": "" if spec.get("phone") else spec["email"],
            "initiator_phone": spec.get("phone", ""),
            "show_name": spec.get("show_name", False),
        }
        if spec.get("phone"):
            idea = services.initiative_submit(data=data, actor=staff, channel="phone")
        else:
            idea = services.initiative_submit(data=data)
        for author, text in spec.get("messages", []):
            services.initiative_message_add(
                initiative=idea, text=text, actor=staff if author == "staff" else None
            )
        if spec.get("checklist"):
            services.initiative_review(
                actor=staff,
                initiative=idea,
                checklist=dict.fromkeys(spec["checklist"], True),
                notes=spec.get("notes", ""),
            )
        status = spec.get("status", "new")
        if status != "new":
            idea = _decide_holding_a_room_if_free(staff, idea, status, spec, branch, today)
        if spec.get("support"):
            services.initiative_support_open(actor=staff, initiative=idea, is_open=True)
            for n in range(spec["support"]):
                services.initiative_support(initiative=idea, key=f"demo-supporter-{n}")
        _backdate(idea, rng.randint(*spec.get("days_ago", (3, 20))), rng)
        made += 1
    return made


def _decide_holding_a_room_if_free(staff, idea, status, spec, branch, today):
    """Decide as the spec says. Accepting makes a draft with a room held; when that room is
    taken by then, the draft is made without one. Any other refusal is a fault in the
    content, and is raised."""
    reason = spec.get("reason", "")
    if status != "accepted":
        return _decide(staff, idea, status, reason, None)
    draft = _draft(branch, today)
    try:
        return _decide(staff, idea, status, reason, draft)
    except ValidationError:
        if draft["space"] is None:
            raise
        return _decide(staff, idea, status, reason, {**draft, "space": None})


def _decide(staff, idea, status, reason, draft):
    return services.initiative_decide(
        actor=staff, initiative=idea, status=status, reason=reason, draft=draft
    )


def _draft(branch: Branch, today: datetime.date) -> dict:
    day = today + datetime.timedelta(days=21 + (5 - today.weekday()) % 7)  # a Saturday
    start = timezone.make_aware(datetime.datetime.combine(day, datetime.time(10)))
    room = Space.objects.filter(branch=branch, kind__in=["multipurpose", "meeting_room"]).first()
    return {
        "format": Format.objects.filter(slug="workshop").first() or Format.objects.first(),
        "branch": branch,
        "space": room,
        "starts_at": start,
        "ends_at": start + datetime.timedelta(hours=3),
    }


def _backdate(idea: Initiative, days_ago: int, rng: random.Random) -> None:
    created = timezone.now() - datetime.timedelta(days=days_ago)
    decided = None
    if idea.decided_at:
        decided = created + datetime.timedelta(days=rng.randint(4, min(30, max(4, days_ago))))
        decided = min(decided, timezone.now())
    Initiative.objects.filter(pk=idea.pk).update(created_at=created, decided_at=decided)
