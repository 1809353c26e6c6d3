"""Writes about residents' initiatives: submitting an idea (public, or entered by staff),
messages between the branch and the initiator, the review with its checklist, decisions
with a reason, accepting into a draft activity, and support from other residents.

Staff act on ideas of the branches they plan for; ideas without a branch are for central
staff. Every staff action is audited; the initiator is told by mail after the commit.
"""

import contextvars
from collections.abc import Iterator
from contextlib import contextmanager

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ontmoet.accounts import scoping
from ontmoet.core.audit import audit_record
from ontmoet.core.digests import keyed_digest
from ontmoet.core.writer_turn import writer_turn
from ontmoet.programme.models import Activity
from ontmoet.programme.services import activity_create

from .links import new_nonce
from .models import CHECKLIST_KEYS, IDEA_FIELDS, Initiative, InitiativeMessage, SupportKey

# Set while loading demo data: nobody is to be mailed.
_SILENT = contextvars.ContextVar("initiatives_silent", default=False)


@contextmanager
def without_initiator_mail() -> Iterator[None]:
    reset = _SILENT.set(True)
    try:
        yield
    finally:
        _SILENT.reset(reset)


def _tell(initiative: Initiative, kind: str) -> None:
    """Mail the initiator after the commit, if there is an address to mail."""
    if initiative.initiator_email and not _SILENT.get():
        from .tasks import send_initiative_mail

        transaction.on_commit(lambda: send_initiative_mail(initiative.pk, kind))


def ensure_can_review(actor, initiative: Initiative) -> None:
    if not scoping.can_edit_branch(actor, initiative.branch_id) and not (
        initiative.branch_id is None and scoping.can_manage_lists(actor)
    ):
        raise PermissionDenied("Not an idea of your branch.")


@transaction.atomic
def initiative_submit(*, data: dict, actor=None, channel=Initiative.Channel.ONLINE) -> Initiative:
    """A new idea. From the public form (no actor) it needs a way to reach the initiator by
    email; staff entering one from the phone or the desk may give a phone number instead."""
    initiative = Initiative(
        **{k: v for k, v in data.items() if k in IDEA_FIELDS},
        channel=channel,
        link_nonce=new_nonce(),
    )
    initiative.initiator_email = initiative.initiator_email.strip().lower()
    if actor is not None:
        if not scoping.can_edit_anything(actor):
            raise PermissionDenied("Only staff enter ideas for residents.")
        initiative.entered_by = actor
        if channel == Initiative.Channel.ONLINE:
            raise ValidationError({"channel": _("Say how the idea reached you.")})
        if not initiative.initiator_email and not initiative.initiator_phone.strip():
            raise ValidationError(
                {"initiator_phone": _("Give the initiator's email address or phone number.")}
            )
    elif not initiative.initiator_email:
        raise ValidationError({"initiator_email": _("Enter your email address.")})
    initiative.full_clean()
    initiative.save()
    if actor is not None:
        audit_record(
            actor=actor,
            code="initiatives.initiative.entered",
            target=initiative,
            changes={"channel": [None, channel]},
        )
    _tell(initiative, "received")
    return initiative


@transaction.atomic
def initiative_message_add(*, initiative: Initiative, text: str, actor=None) -> InitiativeMessage:
    """A question from staff (``actor``) or an answer from the initiator (no actor, through
    the status link). The initiator hears of a question by mail."""
    text = text.strip()
    if not text:
        raise ValidationError({"text": _("Write a message.")})
    if initiative.erased_at is not None:
        raise ValidationError({"text": _("This idea is closed.")})
    message = InitiativeMessage(initiative=initiative, text=text[:2000])
    if actor is not None:
        ensure_can_review(actor, initiative)
        message.author, message.staff_user = InitiativeMessage.Author.STAFF, actor
    else:
        message.author = InitiativeMessage.Author.INITIATOR
    message.full_clean()
    message.save()
    if actor is not None:
        audit_record(actor=actor, code="initiatives.message.sent", target=initiative)
        _tell(initiative, "question")
    return message


@transaction.atomic
def initiative_review(
    *, actor, initiative: Initiative, checklist: dict, notes: str = ""
) -> Initiative:
    """Record the checklist and notes of the review (what is ticked, and why)."""
    initiative = Initiative.objects.select_for_update().get(pk=initiative.pk)
    ensure_can_review(actor, initiative)
    before = dict(initiative.checklist)
    initiative.checklist = {key: bool(checklist.get(key)) for key in CHECKLIST_KEYS}
    initiative.review_notes = notes.strip()[:4000]
    initiative.full_clean()
    initiative.save(update_fields=["checklist", "review_notes", "updated_at"])
    audit_record(
        actor=actor,
        code="initiatives.initiative.reviewed",
        target=initiative,
        changes={"checklist": [before, initiative.checklist]},
    )
    return initiative


@transaction.atomic
def initiative_decide(
    *, actor, initiative: Initiative, status: str, reason: str = "", draft: dict | None = None
) -> Initiative:
    """Move an idea on. "In conversation" needs nothing more; a decision (accepted,
    declined, parked) carries a reason the initiator reads. Accepting needs the draft's
    format, branch and time (``draft``): it becomes a draft activity with its room held
    tentatively, and the initiator (if they agreed) is named as co-organiser."""
    initiative = Initiative.objects.select_for_update().get(pk=initiative.pk)
    ensure_can_review(actor, initiative)
    if status not in Initiative.Status.values or status == Initiative.Status.NEW:
        raise ValidationError({"status": _("Choose a status.")})
    if initiative.status == Initiative.Status.ACCEPTED:
        raise ValidationError({"status": _("This idea has been accepted already.")})
    reason = reason.strip()
    if status in Initiative.DECIDED and not reason:
        raise ValidationError({"reason": _("Give a reason; the initiator reads it.")})
    changes = {"status": [initiative.status, status]}
    if status == Initiative.Status.ACCEPTED:
        initiative.activity = _draft_from(initiative, actor, draft or {})
        # The idea is the branch's it was accepted for (it may have named none, or another).
        if initiative.branch_id != initiative.activity.branch_id:
            changes["branch"] = [initiative.branch_id, initiative.activity.branch_id]
            initiative.branch = initiative.activity.branch
    initiative.status = status
    initiative.decision_reason = reason[:600]
    if status in Initiative.DECIDED:
        initiative.decided_at, initiative.decided_by = timezone.now(), actor
    else:  # taken up again (a parked idea): the erasure clock stops until the next decision
        initiative.decided_at = initiative.decided_by = None
    initiative.full_clean()
    initiative.save()
    audit_record(
        actor=actor,
        code=f"initiatives.initiative.{status}",
        target=initiative,
        changes={**changes, "reason": initiative.decision_reason},
    )
    _tell(initiative, "decided" if status in Initiative.DECIDED else "status")
    return initiative


def _draft_from(initiative: Initiative, actor, draft: dict) -> Activity:
    missing = [k for k in ("format", "branch", "starts_at", "ends_at") if not draft.get(k)]
    if missing:
        raise ValidationError({k: _("Needed to make the draft activity.") for k in missing})
    organisers = [initiative.initiator_name] if initiative.show_name else []
    data = {
        "title": initiative.title,
        "summary": initiative.description[:300],
        "description": f"{initiative.description}\n\n{_carried_over(initiative)}",
        "organisers": [n for n in organisers if n],
        **{
            k: v
            for k, v in draft.items()
            if k in ("format", "branch", "space", "starts_at", "ends_at", "themes", "audiences")
        },
    }
    return activity_create(actor=actor, data=data, tentative_room=True)


def _carried_over(initiative: Initiative) -> str:
    """What the idea says about whom, when and what is needed, below its description in the
    draft — so staff need not type it again; they use or remove it before publishing (the
    activity has no field of its own for it)."""
    needs = [
        *([str(_("a room"))] if initiative.needs_room else []),
        *([str(_("promotion"))] if initiative.needs_promotion else []),
        *([initiative.needs.strip()] if initiative.needs.strip() else []),
    ]
    lines = [
        str(_("From the idea (check before publishing):")),
        f"{_('For whom')}: {initiative.audience}",
        f"{_('Preferred moments')}: {initiative.moments.strip() or '—'}",
        f"{_('Needs')}: {'; '.join(needs) or '—'}",
    ]
    return "\n".join(lines)


@transaction.atomic
def initiative_support_open(*, actor, initiative: Initiative, is_open: bool) -> Initiative:
    ensure_can_review(actor, initiative)
    Initiative.objects.filter(pk=initiative.pk).update(support_open=is_open)
    initiative.support_open = is_open
    audit_record(
        actor=actor,
        code="initiatives.support.opened" if is_open else "initiatives.support.closed",
        target=initiative,
    )
    return initiative


def support_digest(initiative: Initiative, key: str) -> str:
    """One-way and salted per idea: the same key gives unrelated digests for two ideas."""
    return keyed_digest("ontmoet.initiatives.support", initiative.pk, key)


def initiative_support(*, initiative: Initiative, key: str) -> bool:
    """Count "I would join this" once per key (a browser's own random id); True when it
    counted. Only ideas open for support take it."""
    closed = initiative.is_decided and initiative.status != Initiative.Status.ACCEPTED
    if not initiative.support_open or closed:
        return False
    try:
        with writer_turn(), transaction.atomic():
            SupportKey.objects.create(initiative=initiative, digest=support_digest(initiative, key))
            Initiative.objects.filter(pk=initiative.pk).update(supporters=F("supporters") + 1)
    except IntegrityError:
        return False
    return True
