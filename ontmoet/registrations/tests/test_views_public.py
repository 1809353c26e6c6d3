import re

import pytest
from django.urls import reverse

from ontmoet.registrations.models import Registration
from ontmoet.registrations.tokens import new_token, sign_form_token

pytestmark = pytest.mark.django_db


def form_data(client, activity, **overrides):
    page = client.get(reverse("registrations:register", kwargs={"pk": activity.pk}))
    token = re.search(rb'name="form_token" value="([^"]+)"', page.content).group(1).decode()
    data = {
        "name": "Ada de Vries",
        "email": "ada@example.org",
        "seats": "2",
        "language": "nl",
        "form_token": token,
    }
    data.update(overrides)
    return data


def register_url(activity):
    return reverse("registrations:register", kwargs={"pk": activity.pk})


def test_register_then_manage_then_cancel(client, event):
    activity = event(capacity=5)
    response = client.post(register_url(activity), form_data(client, activity))
    assert response.status_code == 302
    manage = response["Location"]
    assert "/aanmelding/" in manage
    page = client.get(manage)
    assert page.status_code == 200
    assert page["Cache-Control"].startswith("max-age=0") or "no-store" in page["Cache-Control"]
    assert page["Referrer-Policy"] == "same-origin"
    assert page["X-Robots-Tag"].startswith("noindex")
    assert b"<svg" in page.content  # the ticket's QR code
    registration = Registration.objects.get()
    assert registration.ticket_code.encode() in page.content
    cancel_url = manage + "/annuleren"
    assert client.get(cancel_url).status_code == 200
    registration.refresh_from_db()
    assert registration.status == "confirmed"  # a GET changes nothing
    assert client.post(cancel_url).status_code == 302
    registration.refresh_from_db()
    assert registration.status == "cancelled"


def test_double_submit_makes_one_registration(client, event):
    activity = event(capacity=5)
    data = form_data(client, activity)
    first = client.post(register_url(activity), data)
    second = client.post(register_url(activity), data)
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    assert Registration.objects.count() == 1


def test_forged_form_token_is_refused(client, event):
    activity = event()
    response = client.post(register_url(activity), form_data(client, activity, form_token="x"))
    assert response.status_code == 400
    assert not Registration.objects.exists()


@pytest.mark.parametrize(
    "overrides",
    [
        {"seats": "0"},
        {"seats": "-3"},
        {"seats": "99999999999999999999"},
        {"email": "geen-adres"},
        {"name": ""},
        {"language": "xx"},
        {"needs": ["teleport"]},
    ],
)
def test_bad_input_shows_linked_errors_and_saves_nothing(client, event, overrides):
    activity = event()
    response = client.post(register_url(activity), form_data(client, activity, **overrides))
    assert response.status_code == 400
    content = response.content.decode()
    assert 'role="alert"' in content and 'aria-invalid="true"' in content
    assert re.search(r'<a class="utrecht-link" href="#id_\w+"', content)
    assert not Registration.objects.exists()


def test_html_in_name_is_escaped(client, event):
    activity = event()
    data = form_data(client, activity, name="<script>alert(1)</script>")
    manage = client.post(register_url(activity), data)["Location"]
    content = client.get(manage).content.decode()
    assert "<script>alert(1)</script>" not in content
    assert "&lt;script&gt;" in content


def test_honeypot_writes_nothing(client, event):
    activity = event()
    response = client.post(
        register_url(activity), form_data(client, activity, website="http://spam")
    )
    assert response.status_code == 302
    assert not Registration.objects.exists()


def test_rate_limit_per_address(client, event, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "register-address": (2, 600)}
    activity = event()
    for n in range(2):
        client.post(register_url(activity), form_data(client, activity, email=f"a{n}@example.org"))
    response = client.post(
        register_url(activity), form_data(client, activity, email="a9@example.org")
    )
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert Registration.objects.count() == 2


def test_full_activity_puts_people_on_the_waiting_list(client, event):
    activity = event(capacity=1)
    client.post(register_url(activity), form_data(client, activity, seats="1"))
    response = client.post(
        register_url(activity), form_data(client, activity, email="b@example.org", seats="1")
    )
    page = client.get(response["Location"])
    assert Registration.objects.get(email="b@example.org").status == "waitlisted"
    assert b"1" in page.content


def test_closed_registration_shows_why(client, event):
    activity = event(registration_mode="drop_in")
    response = client.get(register_url(activity))
    assert response.status_code == 200
    assert b'<form method="post" class="utrecht-form"' not in response.content


@pytest.mark.parametrize("token", ["A" * 24, "short", "../../x", "%00" * 8])
def test_unknown_or_malformed_tokens_are_404(client, token):
    assert client.get(f"/aanmelding/{token}").status_code == 404
    assert client.post(f"/aanmelding/{token}/annuleren").status_code == 404


def test_unknown_activity_is_404(client, db):
    assert client.get("/activiteit/999999/aanmelden").status_code == 404


def test_change_seats_and_accept_are_post_only(client, event):
    activity = event(capacity=5)
    manage = client.post(register_url(activity), form_data(client, activity))["Location"]
    assert client.get(manage + "/plaatsen").status_code == 405
    client.post(manage + "/plaatsen", {"seats": "3"})
    assert Registration.objects.get().seats == 3


def test_activity_page_shows_places_and_refreshes_after_registration(client, event):
    activity = event(capacity=3)
    url = activity.get_absolute_url()
    assert (
        "3 plaatsen" in client.get(url).content.decode() or b"3 places" in client.get(url).content
    )
    client.post(register_url(activity), form_data(client, activity, seats="2"))
    client.cookies.clear()
    content = client.get(url).content.decode()
    assert "1 place" in content or "1 plaats" in content


def test_signed_token_from_another_form_cannot_open_someone_elses_registration(client, event):
    activity = event(capacity=5)
    manage = client.post(register_url(activity), form_data(client, activity))["Location"]
    other = sign_form_token(new_token())
    response = client.post(
        register_url(activity), form_data(client, activity, form_token=other)
    )  # same email, fresh token: refused as a duplicate, not redirected to the first
    assert response.status_code == 400
    assert manage not in response.content.decode()
