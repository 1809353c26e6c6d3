import pytest

from ontmoet.core.models import AuditEntry
from ontmoet.registrations.models import Registration

pytestmark = pytest.mark.django_db


def base(activity):
    return f"/staff/activiteiten/{activity.pk}"


def test_list_and_door_list_are_branch_scoped(client, event, maker, transvaal, register):
    here, there = event(), event(branch=transvaal)
    register(here, name="Ada")
    client.force_login(maker)
    assert client.get(base(here) + "/aanmeldingen").status_code == 200
    assert b"Ada" in client.get(base(here) + "/deurlijst?q=ad").content
    assert client.get(base(there) + "/aanmeldingen").status_code == 404
    assert client.get(base(there) + "/deurlijst").status_code == 404


def test_anonymous_is_sent_to_login(client, event):
    response = client.get(base(event()) + "/aanmeldingen")
    assert response.status_code == 302 and "/staff/login" in response["Location"]


def test_assisted_registration_and_ticket(client, event, maker):
    activity = event(capacity=2)
    client.force_login(maker)
    response = client.post(
        base(activity) + "/aanmeldingen/nieuw",
        {"name": "Mevrouw Jansen", "phone": "070 1234567", "seats": "2", "language": "nl"},
    )
    registration = Registration.objects.get()
    assert registration.channel == "assisted" and registration.status == "confirmed"
    assert response["Location"].endswith(f"/aanmeldingen/{registration.pk}/ticket")
    ticket = client.get(response["Location"])
    assert registration.ticket_code.encode() in ticket.content and b"<svg" in ticket.content
    assert AuditEntry.objects.filter(code="registrations.registration.assisted").exists()


def test_assisted_needs_phone_or_email(client, event, maker):
    activity = event()
    client.force_login(maker)
    response = client.post(
        base(activity) + "/aanmeldingen/nieuw", {"name": "X", "seats": "1", "language": "nl"}
    )
    assert response.status_code == 200 and not Registration.objects.exists()


def test_reader_cannot_change(client, event, reader, register):
    activity = event()
    registration = register(activity)
    client.force_login(reader)
    assert client.get(base(activity) + "/aanmeldingen").status_code == 200
    response = client.post(base(activity) + f"/deurlijst/{registration.pk}", {"present": "1"})
    assert response.status_code == 404
    registration.refresh_from_db()
    assert registration.checked_in_at is None


def test_check_in_walk_ins_and_move(client, event, maker, register):
    activity = event(capacity=1)
    holder = register(activity, name="Ada")
    first, second = register(activity), register(activity)
    client.force_login(maker)
    client.post(base(activity) + f"/deurlijst/{holder.pk}", {"present": "1"})
    holder.refresh_from_db()
    assert holder.checked_in_at is not None
    client.post(base(activity) + "/deurlijst/binnenlopers", {"delta": "1"})
    client.post(base(activity) + "/deurlijst/binnenlopers", {"delta": "1"})
    assert activity.tally.__class__.objects.get(pk=activity.pk).walk_ins == 2
    counted = AuditEntry.objects.filter(code="registrations.walk_ins.counted").order_by("id")
    assert [e.changes["walk_ins"] for e in counted] == [[0, 1], [1, 2]]
    assert counted[0].actor == maker
    client.post(
        base(activity) + f"/aanmeldingen/{second.pk}/verplaatsen",
        {f"m{second.pk}-before": str(first.pk), f"m{second.pk}-reason": "Telefonisch"},
    )
    client.post(base(activity) + f"/aanmeldingen/{holder.pk}/annuleren")
    second.refresh_from_db()
    assert second.status == "confirmed"  # moved to the front, then promoted
    assert AuditEntry.objects.filter(code="registrations.waitlist.moved").exists()


def test_list_page_queries_do_not_grow_with_the_waiting_list(
    client, event, maker, register, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    activity = event(capacity=1)
    for _ in range(3):
        register(activity)
    client.force_login(maker)
    with CaptureQueriesContext(connection) as few:
        client.get(base(activity) + "/aanmeldingen")
    for _ in range(6):
        register(activity)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(base(activity) + "/aanmeldingen").status_code == 200
