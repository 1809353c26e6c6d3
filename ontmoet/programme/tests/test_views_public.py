import datetime
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from icalendar import Calendar

pytestmark = pytest.mark.django_db


def test_programme_lists_published_not_drafts(client, make_activity):
    make_activity(title="Gepubliceerd debat")
    make_activity(title="Concept debat", status="draft")
    response = client.get("/programma")
    assert response.status_code == 200
    assert "Gepubliceerd debat" in response.text
    assert "Concept debat" not in response.text


def test_programme_filters_by_theme_and_branch(client, make_activity, taxonomy, transvaal):
    make_activity(title="Over recht", themes=[taxonomy["justice"]])
    make_activity(title="Over gezondheid", themes=[taxonomy["health"]], branch=transvaal)
    text = client.get("/programma?theme=gezondheid").text
    assert "Over gezondheid" in text and "Over recht" not in text
    text = client.get("/programma?branch=schilderswijk").text
    assert "Over recht" in text and "Over gezondheid" not in text


def test_programme_date_range(client, make_activity):
    start = timezone.localtime() + datetime.timedelta(days=10)
    make_activity(title="Later", start=start)
    make_activity(title="Eerder", start=start - datetime.timedelta(days=8))
    day = start.date().isoformat()
    text = client.get(f"/programma?date_from={day}&date_to={day}").text
    assert "Later" in text and "Eerder" not in text


def test_programme_pages_without_count(client, make_activity):
    base = timezone.now() + datetime.timedelta(days=1)
    for i in range(21):
        make_activity(title=f"Sessie {i:02d}", start=base + datetime.timedelta(hours=i * 3))
    first = client.get("/programma")
    assert "Sessie 19" in first.text and "Sessie 20" not in first.text
    assert 'rel="next"' in first.text
    second = client.get("/programma?page=2")
    assert "Sessie 20" in second.text and 'rel="next"' not in second.text


@pytest.mark.parametrize("n", [3, 25])
def test_programme_query_count_is_constant(client, make_activity, n):
    base = timezone.now() + datetime.timedelta(days=1)
    for i in range(n):
        make_activity(title=f"A{i}", start=base + datetime.timedelta(hours=i * 3))
    with CaptureQueriesContext(connection) as cold:
        assert client.get("/programma?theme=rechtvaardigheid&q=debat").status_code == 200
    with CaptureQueriesContext(connection) as warm:
        assert client.get("/programma?theme=rechtvaardigheid&q=debat").status_code == 200
    assert len(cold) <= 6
    assert len(warm) <= 2


@pytest.mark.parametrize(
    "query",
    [
        "theme=bestaat-niet",
        "branch=%27%3B%20DROP%20TABLE",
        "date_from=2026-02-31",
        "date_from=2026-05-01&date_to=2026-04-01",
        "date_from=9999-01-01",
        "page=abc",
        "page=-1",
        "q=" + "x" * 500,
        "q=%00",
        "q=%E0%A4%A",
    ],
)
def test_programme_bad_input_is_a_clear_400(client, query):
    response = client.get(f"/programma?{query}")
    assert response.status_code == 400
    assert "<script" not in response.text.split("</head>")[1]


def test_programme_escapes_html_in_search(client):
    response = client.get("/programma?q=%3Cscript%3Ealert(1)%3C/script%3E")
    assert response.status_code == 200
    assert "<script>alert(1)" not in response.text
    assert "&lt;script&gt;alert(1)" in response.text


def test_activity_page_has_event_jsonld(client, make_activity, taxonomy):
    activity = make_activity(organisers=["ProDemos"], title="Vrijheid </script><b>x</b>")
    response = client.get(activity.get_absolute_url())
    assert response.status_code == 200
    assert "<b>x</b>" not in response.text
    raw = response.text.split('<script type="application/ld+json">')[1].split("</script>")[0]
    data = json.loads(raw)
    assert data["@type"] == "Event"
    assert data["name"] == "Vrijheid </script><b>x</b>"
    assert data["startDate"] == timezone.localtime(activity.starts_at).isoformat() or data[
        "startDate"
    ].endswith(("+00:00", "+01:00", "+02:00"))
    assert datetime.datetime.fromisoformat(data["startDate"]) == activity.starts_at
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["location"]["address"]["streetAddress"] == "Koningstraat 439"
    assert data["offers"]["price"] == "0"
    assert {"@type": "Organization", "name": "ProDemos"} in data["organizer"]


def test_cancelled_activity_keeps_its_page_with_notice(client, make_activity):
    activity = make_activity(status="cancelled")
    response = client.get(activity.get_absolute_url())
    assert response.status_code == 200
    assert "cancelled" in response.text.lower() or "geannuleerd" in response.text.lower()
    raw = response.text.split('<script type="application/ld+json">')[1].split("</script>")[0]
    assert json.loads(raw)["eventStatus"] == "https://schema.org/EventCancelled"


def test_draft_activity_page_is_404(client, make_activity):
    activity = make_activity(status="draft")
    assert client.get(f"/activiteit/{activity.pk}/{activity.slug}").status_code == 404
    assert client.get(f"/activiteit/{activity.pk}.ics").status_code == 404


def test_wrong_slug_redirects_to_canonical(client, make_activity):
    activity = make_activity()
    response = client.get(f"/activiteit/{activity.pk}/oud")
    assert response.status_code == 301
    assert response["Location"] == activity.get_absolute_url()


def test_activity_ics_parses_with_vtimezone(client, make_activity):
    start = timezone.make_aware(datetime.datetime(2027, 3, 28, 19, 30))  # day of DST change
    activity = make_activity(start=start, hours=2)
    response = client.get(activity.get_ical_url())
    assert response["Content-Type"].startswith("text/calendar")
    cal = Calendar.from_ical(response.content)
    assert [tz["TZID"] for tz in cal.walk("VTIMEZONE")] == ["Europe/Amsterdam"]
    event = cal.walk("VEVENT")[0]
    assert event["SUMMARY"] == activity.title
    assert event.decoded("DTSTART") == activity.starts_at
    assert event.decoded("DTSTART").utcoffset() == datetime.timedelta(hours=2)
    assert event["STATUS"] == "CONFIRMED"


def test_feeds_per_branch_and_theme(client, make_activity, taxonomy, transvaal):
    make_activity(title="Recht in Schilderswijk")
    make_activity(title="Gezond in Transvaal", themes=[taxonomy["health"]], branch=transvaal)
    cal = Calendar.from_ical(client.get("/feeds/branch/transvaal.ics").content)
    assert [str(e["SUMMARY"]) for e in cal.walk("VEVENT")] == ["Gezond in Transvaal"]
    cal = Calendar.from_ical(client.get("/feeds/theme/rechtvaardigheid.ics").content)
    assert [str(e["SUMMARY"]) for e in cal.walk("VEVENT")] == ["Recht in Schilderswijk"]
    rss = client.get("/feeds/programma.rss")
    assert rss.status_code == 200 and b"Gezond in Transvaal" in rss.content
    assert client.get("/feeds/onzin/transvaal.ics").status_code == 404
    assert client.get("/feeds/branch/bestaat-niet.rss").status_code == 404


def test_branch_theme_series_pages(client, make_activity, taxonomy):
    from ontmoet.programme.models import Series

    series = Series.objects.create(title="Vrijheid in debat", slug="vrijheid", organisers=["ANP"])
    make_activity(title="Eerste debat", series=series)
    assert "Eerste debat" in client.get("/vestigingen/schilderswijk").text
    assert "Eerste debat" in client.get("/thema/rechtvaardigheid").text
    page = client.get("/reeks/vrijheid")
    assert "Eerste debat" in page.text and "ANP" in page.text
    assert client.get("/vestigingen/nergens").status_code == 404


def test_english_pages_carry_lang_and_switch(client, make_activity):
    make_activity()
    response = client.get("/en/programma?theme=rechtvaardigheid")
    assert response.status_code == 200
    assert '<html lang="en">' in response.text
    assert 'href="/programma?theme=rechtvaardigheid"' in response.text
    assert '<html lang="nl">' in client.get("/programma").text


def test_security_headers(client):
    response = client.get("/")
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize(
    "url",
    [
        "/activiteit/99999999999999999999/x",
        "/activiteit/99999999999999999999.ics",
        "/api/v1/activities/99999999999999999999",
        "/staff/activiteiten/99999999999999999999",
    ],
)
def test_ids_beyond_any_integer_column_are_404(client, central, url):
    client.force_login(central)
    assert client.get(url).status_code == 404
