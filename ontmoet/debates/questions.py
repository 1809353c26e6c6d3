"""Audience questions: asked from a phone (anonymously or with a first name), moderated
against published criteria (approve, merge with a similar one, mark answered, or reject
with a reason), upvoted by the audience once per device. The moderation log is public as
counts and reasons — never the text of a question that was not put to the speakers."""

import datetime
from collections import Counter

from django.core.exceptions import ValidationError
from django.core.validators import ProhibitNullCharactersValidator
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ontmoet.core.audit import audit_record
from ontmoet.core.digests import keyed_digest
from ontmoet.core.writer_turn import writer_turn
from ontmoet.programme.permissions import ensure_can_edit_branch

from .models import REJECTION_REASONS, Debate, Question, QuestionUpvote

MAX_LENGTH = 280
ACTIONS = ("approve", "reject", "answered", "merge")


def question_ask(*, debate: Debate, text: str, first_name: str = "") -> Question:
    text = " ".join(str(text).split())
    if not text:
        raise ValidationError({"text": _("Write your question.")})
    if len(text) > MAX_LENGTH:
        raise ValidationError({"text": _("At most %(n)d characters, please.") % {"n": MAX_LENGTH}})
    # PostgreSQL refuses NUL in text (a 500, not a message); the forms refuse it first.
    no_nul = ProhibitNullCharactersValidator()
    no_nul(text)
    no_nul(first_name)
    question = Question(debate=debate, text=text, first_name=str(first_name).strip()[:40])
    question.full_clean()
    question.save()
    return question


# Which states each action starts from. A question is moderated once (approved, rejected
# or merged); an approved one can still be answered, merged or taken off the board. Without
# this, merging a merged question would hand its upvotes over a second time.
STARTS_FROM = {
    "approve": {Question.Status.PENDING},
    "reject": {Question.Status.PENDING, Question.Status.APPROVED},
    "answered": {Question.Status.APPROVED},
    "merge": {Question.Status.PENDING, Question.Status.APPROVED},
}


@transaction.atomic
def question_moderate(
    *, actor, question: Question, action: str, reason: str = "", into: Question | None = None
) -> Question:
    if action not in STARTS_FROM:
        raise ValidationError({"action": _("Unknown action.")})
    # Both questions of a merge are locked, in id order so that two merges cannot deadlock.
    pks = [question.pk] + ([into.pk] if into is not None else [])
    locked = {
        q.pk: q
        for q in Question.objects.select_for_update()
        .select_related("debate__activity")
        .filter(pk__in=pks)
        .order_by("pk")
    }
    if question.pk not in locked:
        raise Question.DoesNotExist
    question = locked[question.pk]
    ensure_can_edit_branch(user=actor, branch=question.debate.activity.branch)
    before = question.status
    if before not in STARTS_FROM[action]:
        raise ValidationError(
            {
                "status": _("This question cannot be changed that way. Its status: %(status)s.")
                % {"status": question.get_status_display()}
            }
        )
    if action == "approve":
        question.status = Question.Status.APPROVED
    elif action == "answered":
        question.status = Question.Status.ANSWERED
    elif action == "reject":
        if reason not in dict(REJECTION_REASONS):
            raise ValidationError({"reason": _("Choose one of the published reasons.")})
        question.status, question.reason = Question.Status.REJECTED, reason
    else:
        into = locked.get(into.pk) if into is not None else None
        if (
            into is None
            or into.debate_id != question.debate_id
            or into.pk == question.pk
            or into.status != Question.Status.APPROVED
        ):
            raise ValidationError({"into": _("Choose another question on the board.")})
        question.status, question.merged_into = Question.Status.MERGED, into
        # The audience's support goes with it, once per device: a device that upvoted both
        # counts once (the digests are per debate, so the same device has the same one).
        Question.objects.filter(pk=into.pk).update(
            upvotes=F("upvotes") + _move_upvotes(question, into)
        )
    question.moderated_at = timezone.now()
    question.save()
    audit_record(
        actor=actor,
        code=f"debates.question.{action}",
        target=question.debate,
        changes={"question": question.pk, "status": [before, question.status]},
    )
    return question


def _move_upvotes(question: Question, into: Question) -> int:
    """Hand ``question``'s upvotes to ``into``, leaving out the devices that upvoted both;
    the number that moved. Upvotes whose receipts were erased already move as a count."""
    mine = QuestionUpvote.objects.filter(question=question)
    receipts = mine.count()
    moved = mine.exclude(
        digest__in=QuestionUpvote.objects.filter(question=into).values("digest")
    ).update(question=into)
    mine.delete()  # the devices that upvoted both
    return moved + max(0, question.upvotes - receipts)


def _upvote_digest(question: Question, key: str) -> str:
    """Keyed by the debate, not the question: merging can tell the same device apart."""
    return keyed_digest("ontmoet.debates.upvote", question.debate_id, key)


# Upvote receipts are kept until this long after the debate's activity has ended: the
# counts stay on the questions, but who upvoted what can no longer be recomputed (a
# ticket code with the site's key would otherwise lead to a registration).
UPVOTES_KEPT = datetime.timedelta(hours=6)


def erase_upvote_receipts(now: datetime.datetime | None = None) -> int:
    """Delete the upvote receipts of debates that ended ``UPVOTES_KEPT`` ago; how many."""
    now = now or timezone.now()
    ended = Question.objects.filter(debate__activity__ends_at__lte=now - UPVOTES_KEPT)
    deleted, _ = QuestionUpvote.objects.filter(question__in=ended).delete()
    return deleted


def question_upvote(*, question: Question, key: str) -> bool:
    """Once per device; only approved questions. True when it counted."""
    if question.status != Question.Status.APPROVED or not key:
        return False
    try:
        with writer_turn(), transaction.atomic():
            QuestionUpvote.objects.create(question=question, digest=_upvote_digest(question, key))
            Question.objects.filter(pk=question.pk).update(upvotes=F("upvotes") + 1)
    except IntegrityError:
        return False
    return True


def board(debate: Debate, limit: int = 20):
    """The approved questions, most wanted first."""
    return list(
        Question.objects.filter(debate=debate, status=Question.Status.APPROVED).order_by(
            "-upvotes", "created_at"
        )[:limit]
    )


def moderation_log(debate: Debate) -> dict:
    """Counts per outcome and per reason: what the public may know of the moderation."""
    rows = Question.objects.filter(debate=debate).values_list("status", "reason")
    statuses = Counter(status for status, _ in rows)
    reasons = Counter(reason for status, reason in rows if status == Question.Status.REJECTED)
    return {
        "statuses": [(label, statuses[value]) for value, label in Question.Status.choices],
        "reasons": [(label, reasons[value]) for value, label in REJECTION_REASONS],
        "criteria": [label for _value, label in REJECTION_REASONS],
    }
