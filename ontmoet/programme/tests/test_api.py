import datetime

import pytest
from django.utils import timezone
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from ontmoet.core.models import AuditEntry
from ontmoet.programme.models import Activity

pytestmark = pytest.mark.django_db
PROBLEM = "application/problem+json"


def token_client(user) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    return client


def new_activity_payload(branch="schilderswijk", **extra):
    start = timezone.now() + datetime.timedelta(days=3)
    return {
        "title": "Taalcafé Nederlands",
        "summary": "Oefen Nederlands in een kleine groep.",
        "format": "lezing",
        "branch": branch,
        "starts_at": start.isoformat(),
        "ends_at": (start + datetime.timedelta(hours=2)).isoformat(),
        "themes": ["gezondheid"],
        "languages": ["nl", "ar"],
        **extra,
    }


def test_list_filters_and_links(make_activity, taxonomy, transvaal):
    make_activity(title="Recht")
    make_activity(title="Gezond", themes=[taxonomy["health"]], branch=transvaal)
    response = APIClient().get("/api/v1/activities?theme=gezondheid")
    assert response.status_code == 200
    [item] = response.json()["results"]
    assert item["title"] == "Gezond"
    assert item["url"].endswith(f"/activiteit/{item['id']}/gezond")
    assert item["ical_url"].endswith(f"/activiteit/{item['id']}.ics")
    assert item["branch"]["url"].endswith("/vestigingen/transvaal")
    assert item["themes"][0]["slug"] == "gezondheid"


def test_list_uses_cursor_pagination(make_activity):
    base = timezone.now() + datetime.timedelta(days=1)
    for i in range(3):
        make_activity(title=f"S{i}", start=base + datetime.timedelta(hours=3 * i))
    page = APIClient().get("/api/v1/activities?page_size=2").json()
    assert [a["title"] for a in page["results"]] == ["S0", "S1"]
    assert "cursor=" in page["next"]
    rest = APIClient().get(page["next"]).json()
    assert [a["title"] for a in rest["results"]] == ["S2"]


def test_list_search_understands_dutch(make_activity):
    make_activity(title="Debatten in de wijken")
    results = APIClient().get("/api/v1/activities?q=debat wijk").json()["results"]
    assert len(results) == 1


@pytest.mark.parametrize(
    "query",
    [
        "theme=onbekend",
        "from=2026-13-01",
        "from=2026-05-02&to=2026-05-01",
        "branch=%00",
        "q=" + "y" * 300,
        "cursor=rommel",
    ],
)
def test_list_bad_input_is_problem_json(query):
    response = APIClient().get(f"/api/v1/activities?{query}")
    assert response.status_code in (400, 404)
    assert response["Content-Type"] == PROBLEM
    body = response.json()
    assert body["status"] == response.status_code and body["title"]


def test_detail_and_404(make_activity):
    activity = make_activity()
    assert APIClient().get(f"/api/v1/activities/{activity.pk}").json()["id"] == activity.pk
    draft = make_activity(status="draft")
    response = APIClient().get(f"/api/v1/activities/{draft.pk}")
    assert response.status_code == 404 and response["Content-Type"] == PROBLEM
    response = APIClient().get("/api/v1/bestaat/niet")
    assert response.status_code == 404 and response["Content-Type"] == PROBLEM


def test_branches_and_taxonomies(schilderswijk, taxonomy):
    branches = APIClient().get("/api/v1/branches").json()
    assert branches[0]["slug"] == "schilderswijk"
    assert branches[0]["url"].endswith("/vestigingen/schilderswijk")
    assert APIClient().get("/api/v1/branches/schilderswijk").json()["spaces"] == []
    assert APIClient().get("/api/v1/branches/nergens").status_code == 404
    assert {t["slug"] for t in APIClient().get("/api/v1/themes").json()} == {
        "rechtvaardigheid",
        "gezondheid",
    }
    assert APIClient().get("/api/v1/formats").status_code == 200
    assert APIClient().get("/api/v1/audiences").json()[0]["slug"] == "senioren"


def test_staff_token_creates_a_draft(maker, taxonomy):
    response = token_client(maker).post("/api/v1/activities", new_activity_payload(), format="json")
    assert response.status_code == 201, response.json()
    activity = Activity.objects.get(pk=response.json()["id"])
    assert activity.status == Activity.Status.DRAFT
    assert activity.languages == ["nl", "ar"]
    assert AuditEntry.objects.filter(code="programme.activity.created", actor=maker).exists()


def test_anonymous_cannot_write(taxonomy, schilderswijk):
    response = APIClient().post("/api/v1/activities", new_activity_payload(), format="json")
    assert response.status_code in (401, 403)
    assert response["Content-Type"] == PROBLEM
    assert not Activity.objects.exists()


def test_reader_cannot_write(reader, taxonomy, schilderswijk):
    response = token_client(reader).post(
        "/api/v1/activities", new_activity_payload(), format="json"
    )
    assert response.status_code == 403
    assert not Activity.objects.exists()


def test_programme_maker_scoped_to_own_branch(maker, taxonomy, transvaal, make_activity):
    client = token_client(maker)
    response = client.post("/api/v1/activities", new_activity_payload("transvaal"), format="json")
    assert response.status_code == 403
    theirs = make_activity(branch=transvaal, title="Van Transvaal")
    response = client.patch(f"/api/v1/activities/{theirs.pk}", {"title": "Gekaapt"}, format="json")
    assert response.status_code == 404
    mine = make_activity(title="Van mij")
    response = client.patch(f"/api/v1/activities/{mine.pk}", {"branch": "transvaal"}, format="json")
    assert response.status_code == 403
    theirs.refresh_from_db()
    mine.refresh_from_db()
    assert theirs.title == "Van Transvaal" and mine.branch.slug == "schilderswijk"


def test_patch_validates_and_changes_nothing_on_error(maker, make_activity):
    activity = make_activity()
    client = token_client(maker)
    bad = client.patch(
        f"/api/v1/activities/{activity.pk}",
        {"ends_at": (activity.starts_at - datetime.timedelta(hours=1)).isoformat()},
        format="json",
    )
    assert bad.status_code == 400 and bad["Content-Type"] == PROBLEM
    assert bad.json()["invalid_params"][0]["name"] == "ends_at"
    ok = client.patch(f"/api/v1/activities/{activity.pk}", {"title": "Nieuw"}, format="json")
    assert ok.status_code == 200 and ok.json()["title"] == "Nieuw"


@pytest.mark.parametrize(
    "payload",
    [
        {"title": "x" * 5000},
        {"capacity": "veel"},
        {"starts_at": "2026-02-30T10:00:00+01:00"},
        {"format": "<script>"},
        {"languages": "nl"},
        {"themes": [{"slug": 1}]},
        {"space": 999999},
    ],
)
def test_create_bad_input(maker, taxonomy, payload):
    response = token_client(maker).post(
        "/api/v1/activities", new_activity_payload(**payload), format="json"
    )
    assert response.status_code == 400
    assert response["Content-Type"] == PROBLEM
    assert not Activity.objects.exists()


def test_malformed_json_is_400(maker):
    response = token_client(maker).generic(
        "POST", "/api/v1/activities", "{nope", content_type="application/json"
    )
    assert response.status_code == 400 and response["Content-Type"] == PROBLEM


def test_schema_and_docs():
    client = APIClient()
    schema = client.get("/api/v1/schema?format=json")
    assert schema.status_code == 200
    paths = schema.json()["paths"]
    assert "/api/v1/activities" in paths and "/api/v1/activities/{id}" in paths
    assert not any(p.endswith("/") for p in paths)
    assert client.get("/api/v1/docs").status_code == 200


def test_patch_can_publish_and_cancel(maker, make_activity):
    activity = make_activity(status="draft")
    client = token_client(maker)
    published = client.patch(
        f"/api/v1/activities/{activity.pk}", {"status": "published"}, format="json"
    )
    assert published.status_code == 200 and published.json()["status"] == "published"
    cancelled = client.patch(
        f"/api/v1/activities/{activity.pk}",
        {"status": "cancelled", "cancellation_reason": "Storm"},
        format="json",
    )
    assert cancelled.json()["status"] == "cancelled"
    activity.refresh_from_db()
    assert activity.cancellation_reason == "Storm"
    refused = client.patch(f"/api/v1/activities/{activity.pk}", {"status": "draft"}, format="json")
    assert refused.status_code == 400


def test_presented_activity_matches_documented_fields(make_activity, taxonomy):
    from ontmoet.programme.api.serializers import ActivityDetailSerializer

    activity = make_activity(
        audiences=[taxonomy["seniors"]],
        library_functions=[taxonomy["meeting"]],
        accessibility_features=[taxonomy["wheelchair"]],
    )
    item = APIClient().get(f"/api/v1/activities/{activity.pk}").json()
    assert set(item) == set(ActivityDetailSerializer().fields)
    assert [t["slug"] for t in item["themes"]] == ["rechtvaardigheid"]
    assert [a["slug"] for a in item["audiences"]] == ["senioren"]
    assert [f["slug"] for f in item["library_functions"]] == ["ontmoeting-en-debat"]
    assert item["accessibility_features"] == ["rolstoel"]
    schema = APIClient().get("/api/v1/schema?format=json").json()
    documented = schema["components"]["schemas"]["ActivityDetail"]["properties"]
    assert set(documented) == set(item)


@pytest.mark.parametrize("field", ["format", "branch", "series"])
def test_references_with_nul_bytes_are_400(maker, taxonomy, field):
    payload = new_activity_payload(**{field: "le\x00zing"})
    response = token_client(maker).post("/api/v1/activities", payload, format="json")
    assert response.status_code == 400 and response["Content-Type"] == PROBLEM
    assert not Activity.objects.exists()
