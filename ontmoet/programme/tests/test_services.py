import datetime
import zoneinfo

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from ontmoet.core.models import AuditEntry
from ontmoet.programme import services
from ontmoet.programme.models import Activity, ActivitySearchTerm

pytestmark = pytest.mark.django_db


def test_create_writes_audit_and_search_terms(make_activity):
    activity = make_activity(status="draft", title="Debatten over de wijken")
    entry = AuditEntry.objects.get(code="programme.activity.created", target_id=str(activity.pk))
    assert entry.actor_label == "centraal"
    assert entry.changes["title"] == [None, "Debatten over de wijken"]
    terms = set(ActivitySearchTerm.objects.filter(activity=activity).values_list("term", flat=True))
    assert {"debat", "wijk"} <= terms


def test_publish_and_cancel_are_audited_with_a_diff(make_activity, central):
    activity = make_activity(status="draft")
    services.activity_publish(actor=central, activity=activity)
    services.activity_cancel(actor=central, activity=activity, reason="Spreker ziek")
    activity.refresh_from_db()
    assert activity.status == Activity.Status.CANCELLED
    assert activity.cancellation_reason == "Spreker ziek"
    codes = list(
        AuditEntry.objects.filter(target_id=str(activity.pk)).values_list("code", flat=True)
    )
    assert "programme.activity.published" in codes and "programme.activity.cancelled" in codes
    cancelled = AuditEntry.objects.get(code="programme.activity.cancelled")
    assert cancelled.changes["status"] == ["published", "cancelled"]


def test_update_records_only_changed_fields(make_activity, central, taxonomy):
    activity = make_activity()
    services.activity_update(
        actor=central,
        activity=activity,
        data={"title": "Nieuwe titel", "themes": [taxonomy["health"]]},
    )
    entry = AuditEntry.objects.get(code="programme.activity.updated")
    assert set(entry.changes) == {"title", "themes"}
    assert entry.changes["themes"] == [["Rechtvaardigheid"], ["Gezondheid"]]


def test_duplicate_is_a_draft_one_week_later(make_activity, central, taxonomy):
    activity = make_activity(audiences=[taxonomy["seniors"]])
    copy = services.activity_duplicate(actor=central, activity=activity)
    assert copy.pk != activity.pk and copy.status == Activity.Status.DRAFT
    assert copy.starts_at - activity.starts_at == datetime.timedelta(days=7)
    assert list(copy.audiences.all()) == [taxonomy["seniors"]]


def test_duplicate_keeps_the_local_time_across_summer_time_and_copies_sessions(
    make_activity, central
):
    amsterdam = zoneinfo.ZoneInfo("Europe/Amsterdam")
    # Wednesday 24 March 2027, 19:00 in winter time; a week later is summer time.
    start = datetime.datetime(2027, 3, 24, 19, 0, tzinfo=amsterdam)
    activity = make_activity(start=start)
    services.activity_session_add(
        actor=central,
        activity=activity,
        starts_at=start + datetime.timedelta(days=2),
        ends_at=start + datetime.timedelta(days=2, hours=2),
    )
    copy = services.activity_duplicate(actor=central, activity=activity)
    local = copy.starts_at.astimezone(amsterdam)
    assert (local.date(), local.hour) == (datetime.date(2027, 3, 31), 19)
    assert copy.ends_at - copy.starts_at == datetime.timedelta(hours=2)
    [session] = copy.sessions.all()
    assert session.starts_at.astimezone(amsterdam) == datetime.datetime(
        2027, 4, 2, 19, 0, tzinfo=amsterdam
    )
    assert activity.sessions.count() == 1  # the original keeps its own


def test_programme_maker_cannot_create_at_another_branch(maker, transvaal, taxonomy):
    start = timezone.now() + datetime.timedelta(days=1)
    with pytest.raises(PermissionDenied):
        services.activity_create(
            actor=maker,
            data={
                "title": "X",
                "summary": "Y",
                "format": taxonomy["debate"],
                "branch": transvaal,
                "starts_at": start,
                "ends_at": start + datetime.timedelta(hours=1),
            },
        )
    assert not Activity.objects.exists()


def test_programme_maker_cannot_move_activity_away(make_activity, maker, transvaal):
    activity = make_activity()
    with pytest.raises(PermissionDenied):
        services.activity_update(actor=maker, activity=activity, data={"branch": transvaal})
    activity.refresh_from_db()
    assert activity.branch.slug == "schilderswijk"


def test_end_before_start_is_refused_by_validation(make_activity):
    start = timezone.now() + datetime.timedelta(days=1)
    with pytest.raises(ValidationError):
        make_activity(start=start, ends_at=start - datetime.timedelta(hours=1))


def test_end_before_start_is_refused_by_the_database(make_activity):
    activity = make_activity()
    with pytest.raises(IntegrityError), transaction.atomic():
        Activity.objects.filter(pk=activity.pk).update(ends_at=activity.starts_at)


def test_space_must_belong_to_branch(make_activity, transvaal, space):
    with pytest.raises(ValidationError):
        make_activity(branch=transvaal, space=space)
