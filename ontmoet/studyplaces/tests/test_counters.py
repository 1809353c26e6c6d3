"""Door counters: their names are checked as text, on the staff page and in the service
and the command behind it, never cut off or stored with control bytes."""

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command

from ontmoet.studyplaces import services


@pytest.mark.parametrize(
    ("name", "says"),
    [
        ("Ingang\x00stilte", "Null characters are not allowed."),
        ("x" * 5000, "Ensure this value has at most 120 characters (it has 5000)."),
        ("   ", "Give the counter a name, such as where it hangs."),
    ],
)
def test_a_door_counter_name_is_checked_not_cut(client, zone, maker, schilderswijk, name, says):
    client.force_login(maker)
    url = f"/en/staff/studeren/{schilderswijk.slug}/zones/{zone.pk}/tellers"
    response = client.post(url, {"name": name})
    assert response.status_code == 302
    assert [str(m) for m in get_messages(response.wsgi_request)] == [says]
    assert not zone.counters.exists()
    assert client.post(url, {"name": "y" * 120}).status_code == 200
    assert zone.counters.get().name == "y" * 120


@pytest.mark.parametrize("name", ["Ingang\x00stilte", "x" * 121])
def test_the_service_and_the_command_refuse_what_the_page_refuses(zone, name):
    with pytest.raises(ValidationError):
        services.counter_token_create(zone=zone, name=name)
    with pytest.raises(CommandError):
        call_command("counter_token", str(zone.pk), name)
    assert not zone.counters.exists()
