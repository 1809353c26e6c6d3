"""Both logins, staff and partner contacts, count attempts per client address: past the
limit even the right password gets a 429, while another client logs in as usual."""

import pytest

PASSWORD = "een-lang-wachtwoord-42"


@pytest.mark.parametrize("login_url", ["/staff/login", "/partner/inloggen"])
def test_a_login_is_rate_limited_per_address(client, maker, settings, login_url):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "login-address": (3, 600)}
    maker.set_password(PASSWORD)
    maker.save()
    wrong = {"username": maker.username, "password": "geraden"}
    for _ in range(3):
        assert client.post(login_url, wrong).status_code == 200
    right = {"username": maker.username, "password": PASSWORD}
    blocked = client.post(login_url, right)
    assert blocked.status_code == 429 and int(blocked["Retry-After"]) > 0
    assert "_auth_user_id" not in client.session
    other = client.post(login_url, right, REMOTE_ADDR="192.0.2.7")  # another client
    assert other.status_code == 302 and client.session["_auth_user_id"] == str(maker.pk)
