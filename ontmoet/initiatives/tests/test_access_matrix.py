"""The access matrix of co-programming: every role against every partner, idea and activity
page and endpoint, for records that are theirs and records that are not. Nobody reads or
changes what is not theirs: it is a 404 (or, for the back office as a whole, the login or a
403), also when ids or links are guessed.

Roles, in the order of the tables' columns: anonymous; the initiator of idea X, who has no
account but holds X's status link (and has just opened it); a contact of partner A (working
with Schilderswijk); a contact of partner B (Transvaal); the programme maker of Schilderswijk;
a programme maker of Transvaal; central staff; read-only staff.
"""

import datetime

import pytest
from django.utils import timezone
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from conftest import make_user
from ontmoet.initiatives import services as ideas
from ontmoet.initiatives.links import status_token
from ontmoet.partners import services as partners
from ontmoet.partners.models import Partner, Role
from ontmoet.partners.tests.conftest import contact_of, lend_to_partners
from ontmoet.programme.models import Series

from .conftest import idea_data

ROLES = [
    "anonymous",
    "initiator",
    "contact_a",
    "contact_b",
    "maker",
    "other_maker",
    "central",
    "reader",
]


@pytest.fixture
def world(central, maker, reader, schilderswijk, transvaal, space, make_activity):
    a = partners.partner_create(
        actor=central, data={"name": "A", "kind": Partner.Kind.CULTURAL}, branches=[schilderswijk]
    )
    b = partners.partner_create(
        actor=central, data={"name": "B", "kind": Partner.Kind.SOCIAL}, branches=[transvaal]
    )
    act_a = make_activity(status="draft", title="Van A")
    act_b = make_activity(status="draft", title="Van B", branch=transvaal)
    partners.activity_hosts_set(actor=central, activity=act_a, hosts=[(a, Role.ORGANISER)])
    partners.activity_hosts_set(actor=central, activity=act_b, hosts=[(b, Role.ORGANISER)])
    series = Series.objects.create(title="Vrijheid in debat", slug="vrijheid")
    idea_x = ideas.initiative_submit(data=idea_data(schilderswijk))
    idea_y = ideas.initiative_submit(data=idea_data(transvaal, title="Elders"))
    ideas.initiative_support_open(actor=central, initiative=idea_x, is_open=True)
    x_link = status_token(idea_x)
    users = {
        "anonymous": None,
        "initiator": None,
        "contact_a": contact_of(a, central, email="a@example.org"),
        "contact_b": contact_of(b, central, email="b@example.org"),
        "maker": maker,
        "other_maker": make_user("ander", role="programme_maker", branches=[transvaal]),
        "central": central,
        "reader": reader,
    }
    return {
        "a": a,
        "act_a": act_a,
        "act_b": act_b,
        "series": series,
        "x": idea_x,
        "y": idea_y,
        "x_link": x_link,
        "forged_link": f"{idea_y.pk}-{x_link.split('-', 1)[1]}",  # X's MAC on Y's id
        "room_a": lend_to_partners(space),  # in Schilderswijk, lent to partners
        "users": users,
    }


def _as(client, world, role):
    """``client`` acting as ``role``."""
    client.logout()
    if world["users"][role] is not None:
        client.force_login(world["users"][role])
    if role == "initiator":
        assert client.get(f"/idee/{world['x_link']}").status_code == 200


# (URL template, expected status per role in ROLES order). 302: to a login page; 403: a
# logged-in non-staff user at the back office.
PAGES = [
    ("/partners", [200, 200, 200, 200, 200, 200, 200, 200]),
    ("/partners/{a.slug}", [200, 200, 200, 200, 200, 200, 200, 200]),
    ("/partner/", [302, 302, 200, 200, 404, 404, 404, 404]),
    ("/partner/activiteiten/nieuw", [302, 302, 200, 200, 404, 404, 404, 404]),
    ("/partner/ruimte-aanvragen", [302, 302, 200, 200, 404, 404, 404, 404]),
    ("/partner/api-sleutel", [302, 302, 200, 200, 404, 404, 404, 404]),
    ("/partner/activiteiten/{act_a.pk}", [302, 302, 200, 404, 404, 404, 404, 404]),
    ("/partner/activiteiten/{act_a.pk}/bewerken", [302, 302, 200, 404, 404, 404, 404, 404]),
    ("/partner/activiteiten/{act_b.pk}", [302, 302, 404, 200, 404, 404, 404, 404]),
    ("/partner/activiteiten/987654", [302, 302, 404, 404, 404, 404, 404, 404]),
    ("/activiteit/{act_a.pk}", [404, 404, 404, 404, 404, 404, 404, 404]),  # a draft
    ("/staff/partners", [302, 302, 403, 403, 200, 200, 200, 200]),
    ("/staff/partners/{a.slug}", [302, 302, 403, 403, 200, 200, 200, 200]),
    ("/staff/partners/bestaat-niet", [302, 302, 403, 403, 404, 404, 404, 404]),
    ("/staff/partners/nieuw", [302, 302, 403, 403, 200, 200, 200, 404]),
    ("/staff/partners/{a.slug}/bewerken", [302, 302, 403, 403, 200, 200, 200, 404]),
    ("/staff/partners/bestaat-niet/bewerken", [302, 302, 403, 403, 404, 404, 404, 404]),
    ("/staff/activiteiten/{act_a.pk}", [302, 302, 403, 403, 200, 404, 200, 200]),
    ("/staff/activiteiten/{act_a.pk}/partners", [302, 302, 403, 403, 200, 404, 200, 404]),
    ("/staff/series/{series.slug}/partners", [302, 302, 403, 403, 404, 404, 200, 404]),
    ("/staff/series/bestaat-niet/partners", [302, 302, 403, 403, 404, 404, 404, 404]),
    ("/staff/ideeen", [302, 302, 403, 403, 200, 200, 200, 200]),
    ("/staff/ideeen/{x.pk}", [302, 302, 403, 403, 200, 404, 200, 200]),
    ("/staff/ideeen/{y.pk}", [302, 302, 403, 403, 404, 200, 200, 200]),
    ("/staff/ideeen/987654", [302, 302, 403, 403, 404, 404, 404, 404]),
    ("/staff/ideeen/overzicht", [302, 302, 403, 403, 200, 200, 200, 200]),
    ("/ideeen", [200, 200, 200, 200, 200, 200, 200, 200]),
    ("/ideeen/nieuw", [200, 200, 200, 200, 200, 200, 200, 200]),
    # A status link is the key to one idea, whoever holds it; it opens no other.
    ("/idee/{x_link}", [200, 200, 200, 200, 200, 200, 200, 200]),
    ("/idee/{forged_link}", [404, 404, 404, 404, 404, 404, 404, 404]),
]


@pytest.mark.parametrize(("url", "expected"), PAGES)
def test_pages(client, world, url, expected):
    target = url.format(**world)
    for role, status in zip(ROLES, expected, strict=True):
        _as(client, world, role)
        assert client.get(target).status_code == status, (role, target)


# Form posts anyone may make, and posts to records that are not open to them.
POSTS = [
    ("/ideeen/{x.pk}/meedoen", {}, [302, 302, 302, 302, 302, 302, 302, 302]),  # open
    ("/ideeen/{y.pk}/meedoen", {}, [404, 404, 404, 404, 404, 404, 404, 404]),  # not open
    ("/idee/{forged_link}", {"text": "Hallo"}, [404, 404, 404, 404, 404, 404, 404, 404]),
    ("/partner/api-sleutel", {"action": "create"}, [302, 302, 200, 200, 404, 404, 404, 404]),
]


@pytest.mark.parametrize(("url", "data", "expected"), POSTS)
def test_posts(client, world, url, data, expected):
    target = url.format(**world)
    for role, status in zip(ROLES, expected, strict=True):
        _as(client, world, role)
        assert client.post(target, data).status_code == status, (role, target)
    assert not world["y"].messages.exists()


def _api(user) -> APIClient:
    client = APIClient()
    if user is not None:
        client.credentials(
            HTTP_AUTHORIZATION=f"Token {Token.objects.get_or_create(user=user)[0].key}"
        )
    return client


API = [
    ("/api/v1/partner/activities", [401, 401, 200, 200, 404, 404, 404, 404]),
    ("/api/v1/partner/activities/{act_a.pk}", [401, 401, 200, 404, 404, 404, 404, 404]),
    ("/api/v1/partner/activities/{act_b.pk}", [401, 401, 404, 200, 404, 404, 404, 404]),
    ("/api/v1/activities/{act_a.pk}", [404, 404, 404, 404, 404, 404, 404, 404]),
    ("/api/v1/partners", [200, 200, 200, 200, 200, 200, 200, 200]),
]


def _same(got: int, expected: int) -> bool:
    """401 and 403 both say "no credentials" to a caller without a token."""
    return got == expected or (expected == 401 and got == 403)


@pytest.mark.parametrize(("url", "expected"), API)
def test_api_reads(world, url, expected):
    target = url.format(**world)
    for role, status in zip(ROLES, expected, strict=True):
        got = _api(world["users"][role]).get(target).status_code
        assert _same(got, status), (role, target, got)


def _moment(n: int, hour: int) -> str:
    """A time tomorrow, an hour per role so that no two roles' requests meet."""
    day = timezone.localdate() + datetime.timedelta(days=1)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour + n))).isoformat()


def _idea(world, n):
    return {
        "title": "Schaakclub",
        "description": "Wekelijks schaken.",
        "audience": "Iedereen",
        "name": "Kees",
        "email": f"kees{n}@example.org",
    }


def _proposal(world, n):
    act = world["act_a"]
    return {
        "title": "Buurtsoep",
        "summary": "Soep en verhalen.",
        "format": act.format.slug,
        "branch": act.branch.slug,  # Schilderswijk: A's branch, not B's
        "starts_at": _moment(n, 9),
        "ends_at": _moment(n, 10),
    }


def _room(world, n):
    return {
        "space": world["room_a"].pk,  # lent to partners, in A's branch (not B's)
        "starts_at": _moment(n, 9),
        "ends_at": _moment(n, 10),
        "title": "Overleg",
        "expected_people": 5,
    }


# (method, URL template, body per role number, expected status per role in ROLES order)
API_WRITES = [
    ("post", "/api/v1/initiatives", _idea, [201, 201, 201, 201, 201, 201, 201, 201]),
    ("post", "/api/v1/partner/activities", _proposal, [401, 401, 201, 404, 404, 404, 404, 404]),
    (
        "patch",
        "/api/v1/partner/activities/{act_a.pk}",
        lambda world, n: {"title": f"Nieuw {n}"},
        [401, 401, 200, 404, 404, 404, 404, 404],
    ),
    (
        "patch",
        "/api/v1/partner/activities/{act_b.pk}",
        lambda world, n: {"title": f"Nieuw {n}"},
        [401, 401, 404, 200, 404, 404, 404, 404],
    ),
    # A partner asks (B: not its branch), staff of the branch book; others may not.
    ("post", "/api/v1/bookings", _room, [401, 401, 201, 400, 201, 403, 201, 403]),
]


@pytest.mark.parametrize(("method", "url", "body", "expected"), API_WRITES)
def test_api_writes(world, method, url, body, expected):
    target = url.format(**world)
    for n, (role, status) in enumerate(zip(ROLES, expected, strict=True)):
        call = getattr(_api(world["users"][role]), method)
        got = call(target, body(world, n), format="json")
        assert _same(got.status_code, status), (role, target, got.status_code, got.content)


def test_nobody_changes_what_is_not_theirs(client, world):
    act_a, act_b, x, y = world["act_a"], world["act_b"], world["x"], world["y"]
    users = world["users"]
    # A partner's contact cannot change another partner's draft, by page or by API.
    client.force_login(users["contact_a"])
    assert (
        client.post(f"/partner/activiteiten/{act_b.pk}/bewerken", {"title": "X"}).status_code == 404
    )
    api = _api(users["contact_a"])
    assert (
        api.patch(
            f"/api/v1/partner/activities/{act_b.pk}", {"title": "X"}, format="json"
        ).status_code
        == 404
    )
    # Nor use the staff API on their own activity.
    staff_api = api.patch(f"/api/v1/activities/{act_a.pk}", {"title": "X"}, format="json")
    assert staff_api.status_code in (403, 404)
    # A programme maker cannot act on another branch's idea or activity's partners.
    client.force_login(users["maker"])
    message = {"action": "message", "message-text": "Hallo"}
    assert client.post(f"/staff/ideeen/{y.pk}", message).status_code == 404
    hosts = {"partner_0": world["a"].pk, "role_0": "media"}
    assert client.post(f"/staff/activiteiten/{act_b.pk}/partners", hosts).status_code == 404
    # Read-only staff change nothing they can see.
    client.force_login(users["reader"])
    assert client.post(f"/staff/ideeen/{x.pk}", message).status_code == 404
    for activity in (act_a, act_b):
        activity.refresh_from_db()
    assert (act_a.title, act_b.title) == ("Van A", "Van B")
    assert not x.messages.exists() and not y.messages.exists()
    assert not act_b.hosts.filter(partner=world["a"]).exists()


def test_an_initiator_reaches_only_their_own_idea(client, world):
    x, y = world["x"], world["y"]
    own = f"/idee/{world['x_link']}"
    assert client.get(own).status_code == 200
    forged = f"/idee/{world['forged_link']}"
    assert client.get(forged).status_code == 404
    assert client.post(forged, {"text": "Hallo"}).status_code == 404
    assert not y.messages.exists()
    # The link does not open the back office or the workspace.
    assert client.get(f"/staff/ideeen/{x.pk}").status_code == 302
    assert client.get("/partner/").status_code == 302
    # Revoking: a new nonce makes the old link useless.
    x.link_nonce = "0" * 32
    x.save(update_fields=["link_nonce"])
    assert client.get(own).status_code == 404
