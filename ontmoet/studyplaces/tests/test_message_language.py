"""A seat is booked in the language of the page unless the booker chooses another, and the
confirmation's link opens the seat's page in the booker's language."""

import datetime
import re

import pytest
from django.core import mail
from django.utils import timezone, translation

from ontmoet.registrations.tokens import digest
from ontmoet.studyplaces.mail import send_seat_confirmation
from ontmoet.studyplaces.models import SeatBooking


def selected_language(html: str) -> list[str]:
    form = html[html.index('name="language"') :]
    return re.findall(r'<option value="(\w+)" selected>', form[: form.index("</select>")])


def test_the_form_starts_on_the_language_of_the_page(client, zone, schilderswijk):
    # Tomorrow: today's last slot may be over (the zone's branch closes at 20:00).
    day = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    english = client.get(f"/en/studeren/{schilderswijk.slug}?zone={zone.pk}&dag={day}")
    assert selected_language(english.content.decode()) == ["en"]
    dutch = client.get(f"/studeren/{schilderswijk.slug}?zone={zone.pk}&dag={day}")
    assert selected_language(dutch.content.decode()) == ["nl"]


@pytest.mark.parametrize("language, prefix, active", [("en", "/en/", "nl"), ("nl", "/", "en")])
def test_the_confirmation_links_to_the_page_in_the_bookers_language(zone, language, prefix, active):
    """Whatever language the sender (a worker, a request) happens to be in."""
    start = timezone.now() + datetime.timedelta(hours=1)
    booking = SeatBooking.objects.create(
        zone=zone,
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=2),
        name="Sam",
        email="sam@example.org",
        language=language,
        token_digest=digest("een-geheime-sleutel"),
    )
    with translation.override(active):
        assert send_seat_confirmation(booking.pk, "een-geheime-sleutel")
    [message] = mail.outbox
    assert re.search(rf"https?://[^/\s]+{prefix}studieplek/een-geheime-sleutel\n", message.body), (
        message.body
    )
