"""Every link a person is shown leads somewhere they may go: the site is crawled from its
start pages as each role, following the links and GET forms on every HTML page, and no page
reached that way may answer with an error (a 403 or 404 behind a link means a link shown to
the wrong person; a 5xx a fault)."""

import collections
import re
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest

from ontmoet.debates import services as debates
from ontmoet.initiatives import services as initiatives
from ontmoet.initiatives.tests.conftest import idea_data
from ontmoet.partners import services as partners
from ontmoet.partners.models import Partner
from ontmoet.partners.tests.conftest import contact_of

pytestmark = pytest.mark.django_db

# Not pages to read: leaving, files, the Django admin (its own app), outside addresses.
NOT_FOLLOWED = re.compile(
    r"(uitloggen|logout|/admin/|/static/|/media/|\.ics$|/ical|/rss|/feed|^mailto:|^tel:)"
)
# Of URLs that differ only in their numbers or tokens (every activity, every day of a grid),
# this many are visited: the shape of a page is what a link error depends on.
SAME_SHAPE = 3
PAGES_AT_MOST = 400


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "a" and attributes.get("href"):
            self.found.append(attributes["href"])
        elif tag == "form" and (attributes.get("method") or "get").lower() == "get":
            self.found.append(attributes.get("action") or "")


def _shape(url: str) -> str:
    parts = urlsplit(url)
    path = re.sub(r"[A-Za-z0-9_-]{20,}", "T", re.sub(r"\d+", "N", parts.path))
    return path + "?" + ",".join(sorted(p.split("=")[0] for p in parts.query.split("&") if p))


def crawl(client, starts: list[str]) -> tuple[int, list[str]]:
    """Visit what the start pages link to; returns the pages seen and the errors found."""
    queue = collections.deque((url, "start") for url in starts)
    seen: set[str] = set()
    shapes: collections.Counter = collections.Counter()
    errors = []
    while queue and len(seen) < PAGES_AT_MOST:
        url, came_from = queue.popleft()
        if url in seen or shapes[_shape(url)] >= SAME_SHAPE:
            continue
        seen.add(url)
        shapes[_shape(url)] += 1
        response = client.get(url, follow=True)
        if response.status_code >= 400:
            errors.append(f"{response.status_code} {url} (linked from {came_from})")
            continue
        if "text/html" not in response.get("Content-Type", ""):
            continue
        page = response.request["PATH_INFO"]
        links = _Links()
        links.feed(response.content.decode())
        for href in links.found:
            target = urlsplit(urljoin(page, href))
            if target.netloc not in ("", "testserver") or NOT_FOLLOWED.search(href):
                continue
            queue.append((target.path + (f"?{target.query}" if target.query else ""), page))
    return len(seen), errors


@pytest.fixture
def city(make_activity, maker, central, schilderswijk):
    """A little of everything a page can link to: activities, a debate, an idea, a partner."""
    make_activity(title="Taalcafé")
    debate = make_activity(title="Debat over vrijheid", capacity=80)
    debates.debate_save(
        actor=maker,
        activity=debate,
        motion="Vrijheid kent geen grenzen",
        speakers_for=["Anna"],
        speakers_against=["Cem"],
        moderator="Dewi",
    )
    initiatives.initiative_submit(data=idea_data(schilderswijk))
    partner = partners.partner_create(
        actor=central,
        data={"name": "Stichting Buurtkracht", "kind": Partner.Kind.NEIGHBOURHOOD},
        branches=[schilderswijk],
    )
    return partner


PUBLIC_STARTS = ["/", "/en/"]
STAFF_STARTS = ["/staff/", "/en/staff/"]


def test_a_resident_meets_no_broken_link(client, city):
    seen, errors = crawl(client, PUBLIC_STARTS)
    assert seen > 40
    assert errors == []


@pytest.mark.parametrize("role", ["central", "maker", "reader"])
def test_staff_meet_no_link_they_may_not_follow(client, city, role, request):
    client.force_login(request.getfixturevalue(role))
    seen, errors = crawl(client, STAFF_STARTS + PUBLIC_STARTS)
    assert seen > 80
    assert errors == []


def test_a_partner_contact_meets_no_link_they_may_not_follow(client, city, central):
    client.force_login(contact_of(city, central))
    seen, errors = crawl(client, ["/partner/", "/en/partner/"] + PUBLIC_STARTS)
    assert seen > 30
    assert errors == []
