"""Cached public pages: served from the cache, and never older than the last change."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ontmoet.programme import services

pytestmark = pytest.mark.django_db


def test_second_visit_is_served_from_the_cache(client, make_activity):
    make_activity(title="Eerste")
    client.get("/programma")
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/programma")
    assert response.status_code == 200 and "Eerste" in response.text
    assert len(queries) == 1  # the content version, nothing else
    assert response["Content-Security-Policy"]  # middleware still applies


def test_a_change_shows_at_once(client, make_activity, central):
    activity = make_activity(title="Concept", status="draft")
    assert "Concept" not in client.get("/programma").text
    services.activity_publish(actor=central, activity=activity)
    assert "Concept" in client.get("/programma").text
    services.activity_cancel(actor=central, activity=activity, reason="Regen")
    assert "Regen" in client.get(activity.get_absolute_url()).text


def test_languages_and_queries_are_cached_apart(client, make_activity):
    make_activity(title="Tweetalig")
    assert '<html lang="nl">' in client.get("/programma").text
    assert '<html lang="en">' in client.get("/en/programma").text
    assert "Tweetalig" not in client.get("/programma?q=zwemmen").text
    assert "Tweetalig" in client.get("/programma?q=tweetalig").text


def test_visitors_with_a_session_get_a_fresh_page(client, make_activity, central):
    make_activity(title="Vers")
    client.force_login(central)
    client.get("/programma")
    with CaptureQueriesContext(connection) as queries:
        client.get("/programma")
    assert any('FROM "programme_activity"' in q["sql"] for q in queries.captured_queries)


def test_admin_change_of_a_branch_refreshes_pages(client, central, schilderswijk):
    from ontmoet.accounts.models import User

    assert "Bibliotheek Schilderswijk" in client.get("/vestigingen").text
    admin = User.objects.create_superuser("beheer", password="pw-for-tests")
    staff = client.__class__()
    staff.force_login(admin)
    response = staff.post(
        f"/admin/venues/branch/{schilderswijk.pk}/change/",
        {
            "name": "Bibliotheek De Schilders",
            "slug": "schilderswijk",
            "city": "Den Haag",
            "district": schilderswijk.district_id,
            **{
                f"{prefix}-{k}": v
                for prefix in ("opening_hours", "opening_exceptions", "spaces")
                for k, v in {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0}.items()
            },
        },
    )
    assert response.status_code == 302, response.content[:2000]
    assert "Bibliotheek De Schilders" in client.get("/vestigingen").text


def test_api_reads_are_cached_and_refreshed(client, make_activity, central):
    activity = make_activity(title="Api eerst")
    assert client.get("/api/v1/activities").json()["results"][0]["title"] == "Api eerst"
    services.activity_update(actor=central, activity=activity, data={"title": "Api daarna"})
    assert client.get("/api/v1/activities").json()["results"][0]["title"] == "Api daarna"
    with CaptureQueriesContext(connection) as queries:
        client.get("/api/v1/activities")
    assert len(queries) == 1
