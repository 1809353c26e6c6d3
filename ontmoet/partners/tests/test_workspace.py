"""A contact's own API key from the workspace (made and shown once, replaced, revoked,
audited, and working with the partner API). The partner login's limit per address is tested
with the staff login's, in core."""

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from ontmoet.core.models import AuditEntry


def test_a_contact_makes_uses_and_revokes_an_api_key(client, contact):
    client.force_login(contact)
    page = client.get("/partner/api-sleutel")
    assert page.status_code == 200 and 'id="api-key"' not in page.content.decode()
    assert page["Cache-Control"].startswith("max-age=0")
    made = client.post("/partner/api-sleutel", {"action": "create"})
    assert made.status_code == 200 and "no-store" in made["Cache-Control"]
    key = Token.objects.get(user=contact).key
    assert f'<code id="api-key">{key}</code>' in made.content.decode()
    assert key not in client.get("/partner/api-sleutel").content.decode()  # shown once
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    assert api.get("/api/v1/partner/activities").status_code == 200
    client.post("/partner/api-sleutel", {"action": "create"})  # a new one replaces it
    assert api.get("/api/v1/partner/activities").status_code in (401, 403)
    revoked = client.post("/partner/api-sleutel", {"action": "revoke"})
    assert revoked.status_code == 302 and not Token.objects.exists()
    assert client.post("/partner/api-sleutel", {"action": "rommel"}).status_code == 400
    codes = sorted(AuditEntry.objects.filter(actor=contact).values_list("code", flat=True))
    assert codes == [
        "partners.member.accepted",
        "partners.token.created",
        "partners.token.created",
        "partners.token.revoked",
    ]


@pytest.mark.parametrize("who", ["anonymous", "maker", "central"])
def test_the_key_page_is_for_contacts_only(db, client, who, request):
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    response = client.post("/partner/api-sleutel", {"action": "create"})
    assert response.status_code == (302 if who == "anonymous" else 404)
    assert not Token.objects.exists()
