"""The back office and the admin under branch scoping: the same rule everywhere."""

import datetime

import pytest
from django.utils import timezone

from ontmoet.core.models import AuditEntry
from ontmoet.programme.models import Activity

pytestmark = pytest.mark.django_db


def form_data(branch, taxonomy, **extra):
    start = timezone.localtime() + datetime.timedelta(days=5)
    return {
        "title": "Huiswerkbegeleiding",
        "summary": "Hulp bij je huiswerk.",
        "format": taxonomy["lecture"].pk,
        "branch": branch.pk,
        "starts_at": start.strftime("%Y-%m-%dT%H:%M"),
        "ends_at": (start + datetime.timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"),
        "registration_mode": "drop_in",
        # The registration settings' defaults, as the rendered form fills them in.
        "max_seats_per_registration": "4",
        "waitlist_mode": "automatic",
        "allocation": "first_come",
        "lottery_quota_first_time": "0",
        "lottery_quota_district": "0",
        "offer_hours": "24",
        "reminder_hours": "24",
        "erase_after_days": "30",
        **extra,
    }


def test_anonymous_is_sent_to_login(client):
    response = client.get("/staff/activiteiten")
    assert response.status_code == 302 and "/staff/login" in response["Location"]


def test_user_without_role_is_refused(client, django_user_model):
    user = django_user_model.objects.create_user("burger", password="pw-for-tests")
    client.force_login(user)
    assert client.get("/staff/activiteiten").status_code == 403


def test_maker_creates_and_publishes_at_own_branch(client, maker, schilderswijk, taxonomy):
    client.force_login(maker)
    response = client.post("/staff/activiteiten/nieuw", form_data(schilderswijk, taxonomy))
    assert response.status_code == 302, response.context["form"].errors
    activity = Activity.objects.get()
    assert activity.status == "draft" and activity.created_by == maker
    client.post(f"/staff/activiteiten/{activity.pk}/publiceren")
    activity.refresh_from_db()
    assert activity.status == "published"
    assert client.get(activity.get_absolute_url()).status_code == 200
    assert AuditEntry.objects.filter(code="programme.activity.published", actor=maker).exists()


def test_maker_cannot_create_at_other_branch(client, maker, transvaal, taxonomy):
    client.force_login(maker)
    response = client.post("/staff/activiteiten/nieuw", form_data(transvaal, taxonomy))
    assert response.status_code == 200
    assert "branch" in response.context["form"].errors
    assert not Activity.objects.exists()


def test_maker_cannot_see_or_touch_other_branch(client, maker, transvaal, make_activity):
    activity = make_activity(branch=transvaal, status="draft", title="Transvaal concept")
    client.force_login(maker)
    assert "Transvaal concept" not in client.get("/staff/activiteiten").text
    for url in [
        f"/staff/activiteiten/{activity.pk}",
        f"/staff/activiteiten/{activity.pk}/bewerken",
    ]:
        assert client.get(url).status_code == 404
    for action in ["publiceren", "annuleren", "dupliceren"]:
        assert client.post(f"/staff/activiteiten/{activity.pk}/{action}").status_code == 404
    activity.refresh_from_db()
    assert activity.status == "draft" and Activity.objects.count() == 1


def test_maker_in_admin_sees_only_own_branch(client, maker, transvaal, make_activity):
    mine = make_activity(title="Mijn activiteit")
    theirs = make_activity(branch=transvaal, title="Andere vestiging")
    client.force_login(maker)
    listing = client.get("/admin/programme/activity/")
    assert listing.status_code == 200
    assert "Mijn activiteit" in listing.text and "Andere vestiging" not in listing.text
    assert client.get(f"/admin/programme/activity/{mine.pk}/change/").status_code == 200
    assert client.get(f"/admin/programme/activity/{theirs.pk}/change/").status_code in (
        302,
        403,
        404,
    )
    assert client.get("/admin/programme/theme/add/").status_code == 403


def test_reader_sees_all_changes_nothing(client, reader, transvaal, make_activity):
    activity = make_activity(branch=transvaal, status="draft")
    client.force_login(reader)
    assert client.get(f"/staff/activiteiten/{activity.pk}").status_code == 200
    assert client.get(f"/staff/activiteiten/{activity.pk}/bewerken").status_code == 404
    assert client.post(f"/staff/activiteiten/{activity.pk}/publiceren").status_code == 404
    assert client.get("/staff/activiteiten/nieuw").status_code == 403


def test_cancel_needs_post_and_shows_notice(client, central, make_activity):
    activity = make_activity()
    client.force_login(central)
    assert client.get(f"/staff/activiteiten/{activity.pk}/annuleren").status_code == 405
    client.post(f"/staff/activiteiten/{activity.pk}/annuleren", {"reason": "Zaal onder water"})
    activity.refresh_from_db()
    assert activity.status == "cancelled"
    assert "Zaal onder water" in client.get(activity.get_absolute_url()).text


def test_duplicate_and_edit(client, central, make_activity):
    activity = make_activity()
    client.force_login(central)
    response = client.post(f"/staff/activiteiten/{activity.pk}/dupliceren")
    copy = Activity.objects.exclude(pk=activity.pk).get()
    assert response["Location"].endswith(f"/staff/activiteiten/{copy.pk}")
    edit = client.get(f"/staff/activiteiten/{copy.pk}/bewerken")
    assert edit.status_code == 200


def test_form_errors_are_shown_not_500(client, central, schilderswijk, taxonomy):
    client.force_login(central)
    data = form_data(schilderswijk, taxonomy, ends_at="2020-01-01T10:00", title="<b>x</b>" * 100)
    response = client.post("/staff/activiteiten/nieuw", data)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "ends_at" in errors and "title" in errors
    assert "<b>x</b>" not in response.text


def test_audit_log_page(client, central, make_activity):
    make_activity(title="Gelogd")
    client.force_login(central)
    page = client.get("/staff/logboek?code=programme.activity")
    assert page.status_code == 200 and "programme.activity.created" in page.text


def test_upload_that_is_not_an_image_is_refused(client, central, schilderswijk, taxonomy):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(central)
    fake = SimpleUploadedFile("poster.png", b"<?php echo 1; ?>", content_type="image/png")
    response = client.post(
        "/staff/activiteiten/nieuw", {**form_data(schilderswijk, taxonomy), "image": fake}
    )
    assert response.status_code == 200 and "image" in response.context["form"].errors
    assert not Activity.objects.exists()
