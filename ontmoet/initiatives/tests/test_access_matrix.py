"""The access matrix of co-programming: every role against every partner, idea and activity
page and endpoint, for records that are theirs and records that are not. Nobody reads or
changes what is not theirs: it is a 404 (or, for the back office as a whole, the login or a
403), also when ids or links are guessed.

Roles: anonymous (an initiator has no account: their key is the status link, tested
below), a contact of partner A, a contact of partner B, the programme maker of A's branch,
a programme maker of another branch, central staff, read-only staff.
"""

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from conftest import make_user
from ontmoet.initiatives import services as ideas
from ontmoet.initiatives.links import status_token
from ontmoet.partners import services as partners
from ontmoet.partners.models import Partner, Role
from ontmoet.partners.tests.conftest import contact_of

from .conftest import idea_data

ROLES = ["anonymous", "contact_a", "contact_b", "maker", "other_maker", "central", "reader"]


@pytest.fixture
def world(central, maker, reader, schilderswijk, transvaal, make_activity):
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
    idea_x = ideas.initiative_submit(data=idea_data(schilderswijk))
    idea_y = ideas.initiative_submit(data=idea_data(transvaal, title="Elders"))
    users = {
        "anonymous": None,
        "contact_a": contact_of(a, central, email="a@example.org"),
        "contact_b": contact_of(b, central, email="b@example.org"),
        "maker": maker,
        "other_maker": make_user("ander", role="programme_maker", branches=[transvaal]),
        "central": central,
        "reader": reader,
    }
    return {"a": a, "act_a": act_a, "act_b": act_b, "x": idea_x, "y": idea_y, "users": users}


# (URL template, expected status per role in ROLES order). 302: to a login page; 403: a
# logged-in non-staff user at the back office.
PAGES = [
    ("/partners", [200, 200, 200, 200, 200, 200, 200]),
    ("/partners/{a.slug}", [200, 200, 200, 200, 200, 200, 200]),
    ("/partner/", [302, 200, 200, 404, 404, 404, 404]),
    ("/partner/activiteiten/{act_a.pk}", [302, 200, 404, 404, 404, 404, 404]),
    ("/partner/activiteiten/{act_a.pk}/bewerken", [302, 200, 404, 404, 404, 404, 404]),
    ("/partner/activiteiten/{act_b.pk}", [302, 404, 200, 404, 404, 404, 404]),
    ("/partner/activiteiten/987654", [302, 404, 404, 404, 404, 404, 404]),
    ("/activiteit/{act_a.pk}", [404, 404, 404, 404, 404, 404, 404]),  # a draft is not public
    ("/staff/partners", [302, 403, 403, 200, 200, 200, 200]),
    ("/staff/partners/{a.slug}", [302, 403, 403, 200, 200, 200, 200]),
    ("/staff/partners/nieuw", [302, 403, 403, 200, 200, 200, 404]),
    ("/staff/activiteiten/{act_a.pk}", [302, 403, 403, 200, 404, 200, 200]),
    ("/staff/activiteiten/{act_a.pk}/partners", [302, 403, 403, 200, 404, 200, 404]),
    ("/staff/ideeen", [302, 403, 403, 200, 200, 200, 200]),
    ("/staff/ideeen/{x.pk}", [302, 403, 403, 200, 404, 200, 200]),
    ("/staff/ideeen/{y.pk}", [302, 403, 403, 404, 200, 200, 200]),
    ("/staff/ideeen/987654", [302, 403, 403, 404, 404, 404, 404]),
    ("/staff/ideeen/overzicht", [302, 403, 403, 200, 200, 200, 200]),
]


@pytest.mark.parametrize(("url", "expected"), PAGES)
def test_pages(client, world, url, expected):
    target = url.format(**world)
    for role, status in zip(ROLES, expected, strict=True):
        client.logout()
        if world["users"][role] is not None:
            client.force_login(world["users"][role])
        assert client.get(target).status_code == status, (role, target)


def _api(user) -> APIClient:
    client = APIClient()
    if user is not None:
        client.credentials(
            HTTP_AUTHORIZATION=f"Token {Token.objects.get_or_create(user=user)[0].key}"
        )
    return client


API = [
    ("/api/v1/partner/activities", [401, 200, 200, 404, 404, 404, 404]),
    ("/api/v1/partner/activities/{act_a.pk}", [401, 200, 404, 404, 404, 404, 404]),
    ("/api/v1/partner/activities/{act_b.pk}", [401, 404, 200, 404, 404, 404, 404]),
    ("/api/v1/activities/{act_a.pk}", [404, 404, 404, 404, 404, 404, 404]),
    ("/api/v1/partners", [200, 200, 200, 200, 200, 200, 200]),
]


@pytest.mark.parametrize(("url", "expected"), API)
def test_api_reads(world, url, expected):
    target = url.format(**world)
    for role, status in zip(ROLES, expected, strict=True):
        got = _api(world["users"][role]).get(target).status_code
        assert got == status or (status == 401 and got == 403), (role, target, got)


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
    own = f"/idee/{status_token(x)}"
    assert client.get(own).status_code == 200
    forged = f"/idee/{y.pk}-{status_token(x).split('-', 1)[1]}"  # x's MAC on y's id
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
