"""Writes to the programme. Every change goes through here: validated, in one transaction,
audited, and with the search index kept in step."""

import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from ontmoet.core.audit import audit_record, diff, snapshot
from ontmoet.core.pagecache import content_changed

from .models import Activity, ActivitySearchTerm, ActivitySession
from .permissions import ensure_can_edit_activity, ensure_can_edit_branch
from .search import stems

# What staff may set on an activity, in the order the back-office form shows it.
EDITABLE_FIELDS = [
    "title",
    "summary",
    "description",
    "summary_easy",
    "format",
    "themes",
    "audiences",
    "library_functions",
    "branch",
    "space",
    "starts_at",
    "ends_at",
    "languages",
    "accessibility_features",
    "accessibility_notes",
    "image",
    "image_alt",
    "organisers",
    "series",
    "registration_mode",
    "capacity",
    "registration_opens_at",
    "registration_closes_at",
    "max_seats_per_registration",
    "allocation",
    "lottery_quota_first_time",
    "lottery_quota_district",
    "waitlist_mode",
    "allow_split",
    "offer_hours",
    "reminder_hours",
    "erase_after_days",
]
M2M_FIELDS = [f for f in EDITABLE_FIELDS if Activity._meta.get_field(f).many_to_many]
SCALAR_FIELDS = [f for f in EDITABLE_FIELDS if f not in M2M_FIELDS]
# The key under which public pages showing the programme are cached (core.pagecache).
PUBLIC_CONTENT = "programme"
AUDITED_FIELDS = [*SCALAR_FIELDS, *M2M_FIELDS, "status"]


def _slug_for(title: str) -> str:
    return (slugify(title) or "activiteit")[:120]


def _apply(activity: Activity, data: dict[str, Any]) -> dict[str, Any]:
    """Set scalar fields on the instance; return the many-to-many values to set after saving."""
    unknown = set(data) - set(SCALAR_FIELDS) - set(M2M_FIELDS)
    if unknown:
        raise ValueError(f"Unknown activity fields: {sorted(unknown)}")
    for name in SCALAR_FIELDS:
        if name in data:
            setattr(activity, name, data[name])
    if "title" in data:
        activity.slug = _slug_for(activity.title)
    return {name: data[name] for name in M2M_FIELDS if name in data}


def activity_reindex(*, activity: Activity) -> None:
    """Rebuild the activity's search stems from its text and taxonomy names."""
    parts = [activity.title, activity.summary, activity.description, activity.summary_easy]
    parts += [activity.format.name, activity.format.name_en, activity.branch.name]
    parts += [t.name for t in activity.themes.all()] + [t.name_en for t in activity.themes.all()]
    parts += [a.name for a in activity.audiences.all()]
    parts += [str(o) for o in activity.organisers]
    if activity.series_id:
        parts.append(activity.series.title)
    ActivitySearchTerm.objects.filter(activity=activity).delete()
    ActivitySearchTerm.objects.bulk_create(
        [
            ActivitySearchTerm(activity=activity, term=t, starts_at=activity.starts_at)
            for t in stems(" ".join(parts))
        ]
    )


def _save(activity: Activity, m2m: dict[str, Any]) -> None:
    activity.full_clean()
    activity.save()
    for name, values in m2m.items():
        getattr(activity, name).set(values)
    activity_reindex(activity=activity)
    content_changed(PUBLIC_CONTENT)


def _places_snapshot(activity: Activity) -> dict:
    from ontmoet.registrations.services import ANNOUNCED_FIELDS

    return {name: getattr(activity, name) for name in (*ANNOUNCED_FIELDS, "status")}


def _registrations_follow(activity: Activity, before: dict) -> None:
    """Registrations depend on the activity's capacity, time, place and status; their
    service checks and follows the change in this same transaction. (Imported here:
    registrations build on the programme, not the other way round.)"""
    from ontmoet.registrations.services import registrations_follow_activity

    registrations_follow_activity(activity_id=activity.pk, before=before)


def _room_follow(activity: Activity, actor, *, tentative: bool = False) -> None:
    """An activity with a space holds a booking of it for its time; the bookings service
    books, moves or releases it in this same transaction and refuses a clash with a
    ``ValidationError`` on ``space``. (Imported here, like registrations above.)"""
    from ontmoet.bookings.services import bookings_follow_activity

    bookings_follow_activity(activity=activity, actor=actor, tentative=tentative)


@transaction.atomic
def activity_create(*, actor, data: dict[str, Any], tentative_room: bool = False) -> Activity:
    """A new activity (a draft). ``tentative_room`` holds its space without confirming it,
    for a draft made from a resident's idea; staff confirm it by saving or publishing."""
    activity = Activity(created_by=actor if getattr(actor, "pk", None) else None)
    m2m = _apply(activity, data)
    ensure_can_edit_activity(user=actor, activity=activity)
    _save(activity, m2m)
    _room_follow(activity, actor, tentative=tentative_room)
    audit_record(
        actor=actor,
        code="programme.activity.created",
        target=activity,
        changes=diff({}, snapshot(activity, AUDITED_FIELDS)),
    )
    return activity


@transaction.atomic
def activity_update(*, actor, activity: Activity, data: dict[str, Any]) -> Activity:
    activity = Activity.objects.select_for_update().get(pk=activity.pk)
    ensure_can_edit_activity(user=actor, activity=activity)
    before = snapshot(activity, AUDITED_FIELDS)
    places_before = _places_snapshot(activity)
    m2m = _apply(activity, data)
    # Moving an activity to another branch (or out of draft) needs rights for that too.
    ensure_can_edit_activity(user=actor, activity=activity)
    _save(activity, m2m)
    _room_follow(activity, actor)
    _registrations_follow(activity, places_before)
    changes = diff(before, snapshot(activity, AUDITED_FIELDS))
    if changes:
        audit_record(
            actor=actor, code="programme.activity.updated", target=activity, changes=changes
        )
    return activity


def _set_status(*, actor, activity: Activity, status: str, code: str, **extra) -> Activity:
    activity = Activity.objects.select_for_update().get(pk=activity.pk)
    ensure_can_edit_branch(user=actor, branch=activity.branch)
    places_before = _places_snapshot(activity)
    before = {"status": activity.status, **{k: getattr(activity, k) for k in extra}}
    activity.status = status
    for key, value in extra.items():
        setattr(activity, key, value)
    activity.full_clean()
    activity.save(update_fields=["status", *extra, "updated_at"])
    content_changed(PUBLIC_CONTENT)
    _room_follow(activity, actor)
    _registrations_follow(activity, places_before)
    audit_record(
        actor=actor,
        code=code,
        target=activity,
        changes=diff(before, {"status": status, **extra}),
    )
    return activity


@transaction.atomic
def activity_publish(*, actor, activity: Activity) -> Activity:
    if activity.status == Activity.Status.PUBLISHED:
        return activity
    return _set_status(
        actor=actor,
        activity=activity,
        status=Activity.Status.PUBLISHED,
        code="programme.activity.published",
        published_at=activity.published_at or timezone.now(),
    )


@transaction.atomic
def activity_cancel(*, actor, activity: Activity, reason: str = "") -> Activity:
    if activity.status == Activity.Status.CANCELLED:
        return activity
    return _set_status(
        actor=actor,
        activity=activity,
        status=Activity.Status.CANCELLED,
        code="programme.activity.cancelled",
        cancellation_reason=reason[:300],
    )


def _wall_clock(moment: datetime.datetime) -> datetime.datetime:
    return timezone.localtime(moment).replace(tzinfo=None)


def _moved(moment: datetime.datetime, shift: datetime.timedelta) -> datetime.datetime:
    """``moment`` moved by ``shift`` on the local clock: a 19:00 evening stays at 19:00 across
    a change to or from summer time."""
    return timezone.make_aware(_wall_clock(moment) + shift)


@transaction.atomic
def activity_duplicate(*, actor, activity: Activity, starts_at=None) -> Activity:
    """A draft copy, by default one week later, for the same branch, with the further
    sessions of a course moved along."""
    shift = datetime.timedelta(days=7)
    if starts_at:
        shift = _wall_clock(starts_at) - _wall_clock(activity.starts_at)
    data = {name: getattr(activity, name) for name in SCALAR_FIELDS}
    data.update(
        starts_at=_moved(activity.starts_at, shift),
        ends_at=_moved(activity.ends_at, shift),
        registration_opens_at=None,
        registration_closes_at=None,
    )
    data.update({name: list(getattr(activity, name).all()) for name in M2M_FIELDS})
    copy = activity_create(actor=actor, data=data)
    for session in activity.sessions.all():
        ActivitySession(
            activity=copy,
            starts_at=_moved(session.starts_at, shift),
            ends_at=_moved(session.ends_at, shift),
        ).save()
    audit_record(
        actor=actor,
        code="programme.activity.duplicated",
        target=copy,
        changes={"source": [None, activity.pk]},
    )
    return copy


@transaction.atomic
def activity_session_add(*, actor, activity: Activity, starts_at, ends_at) -> ActivitySession:
    """Add a further meeting to a course; registrants are told of the new date."""
    activity = Activity.objects.select_for_update().get(pk=activity.pk)
    ensure_can_edit_branch(user=actor, branch=activity.branch)
    session = ActivitySession(activity=activity, starts_at=starts_at, ends_at=ends_at)
    session.full_clean()
    session.save()
    _session_changed(actor, activity, "programme.session.added", session)
    return session


@transaction.atomic
def activity_session_remove(*, actor, session: ActivitySession) -> None:
    activity = Activity.objects.select_for_update().get(pk=session.activity_id)
    ensure_can_edit_branch(user=actor, branch=activity.branch)
    session.delete()
    _session_changed(actor, activity, "programme.session.removed", session)


def _session_changed(actor, activity: Activity, code: str, session: ActivitySession) -> None:
    from ontmoet.registrations.services import registrations_follow_activity

    activity.save(update_fields=["updated_at"])  # calendars see the change
    content_changed(PUBLIC_CONTENT)
    audit_record(
        actor=actor,
        code=code,
        target=activity,
        changes={"session": [None, f"{session.starts_at:%Y-%m-%d %H:%M}"]},
    )
    registrations_follow_activity(activity_id=activity.pk, before={}, announce=True)
