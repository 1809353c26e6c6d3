"""What the planning grids tell staff: hours the branch is closed, bookings held for days,
the messages of a repeating booking, and dates written as each language writes them."""

import datetime
import re

from django.contrib.messages import get_messages

from ontmoet.bookings import services
from ontmoet.venues.models import OpeningException

from .conftest import at

DUTCH_MONTHS = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]


def grid(branch, page, day, language=""):
    return f"{language}/staff/ruimtes/{branch.slug}/{page}?dag={day.isoformat()}"


def cell(page: str, hour: int) -> str:
    """The grid's first cell (the tests' only space) at ``hour``, up to its </td>."""
    rows = page.split('<th class="utrecht-table__header-cell" scope="row">')
    [row] = [r for r in rows if r.startswith(f"{hour:02d}:00")]
    return row.split("<td ")[1].split("</td>")[0]


def test_closed_hours_are_marked_closed_and_still_bookable_with_a_reason(
    client, maker, reader, room, schilderswijk, next_monday
):
    client.force_login(maker)
    page = client.get(grid(schilderswijk, "planning", next_monday, "/en")).content.decode()
    assert "Opening hours this day: 09:00–21:00." in page
    # Open 9:00–21:00: 8:00 and 21:00 are closed, with a link that says what it is.
    for hour in (8, 21):
        closed = cell(page, hour)
        assert "planning-grid__cell--closed" in closed and ">Free<" not in closed
        assert re.search(
            rf">Closed<span class=\"visually-hidden\">: book Zaal 1 at {hour:02d}:00 outside "
            r"the opening hours, with a reason</span></a>",
            closed,
        )
        assert f"uur={hour}" in closed
    open_hour = cell(page, 14)
    assert ">Free<" in open_hour and "--closed" not in open_hour and "Closed" not in open_hour

    christmas = next_monday + datetime.timedelta(days=3)
    OpeningException.objects.create(branch=schilderswijk, date=christmas, reason="Kerstmis")
    page = client.get(grid(schilderswijk, "planning", christmas, "/en")).content.decode()
    assert "Opening hours this day: closed (Kerstmis)." in page
    assert ">Free<" not in page and page.count("planning-grid__cell--closed") == 14
    # Someone who only reads sees the same, without links.
    client.force_login(reader)
    page = client.get(grid(schilderswijk, "planning", christmas, "/en")).content.decode()
    assert page.count('<span class="planning-grid__free planning-grid__closed">Closed<') == 14
    assert "uur=" not in page

    week = client.get(grid(schilderswijk, "week", christmas, "/en")).content.decode()
    header = week.split("</thead>")[0]
    assert re.search(
        r"Thu \d+ \w+\.?</a><br><span class=\"planning-grid__meta\">closed "
        r"\(Kerstmis\)</span>",
        header,
    )
    assert header.count("closed") == 1
    body = week.split("</thead>")[1]
    assert body.count(">Closed<") == 1 and body.count(">Free<") == 6


def test_a_booking_held_for_days_shows_its_span_not_midnight(
    client, maker, room, schilderswijk, next_monday
):
    wednesday = next_monday + datetime.timedelta(days=2)
    services.booking_create(
        actor=maker,
        space=room,
        starts_at=at(next_monday, 10),
        ends_at=at(wednesday, 17),
        title="Tentoonstelling",
        override_reason="Expositie",
    )
    client.force_login(maker)
    tuesday = next_monday + datetime.timedelta(days=1)
    last = f"{wednesday.day} {DUTCH_MONTHS[wednesday.month - 1]}"
    first = f"{next_monday.day} {DUTCH_MONTHS[next_monday.month - 1]}"
    page = client.get(grid(schilderswijk, "planning", tuesday)).content.decode()
    assert "00:00–00:00" not in page and "00:00" not in cell(page, 12)
    assert page.count(f"hele dag (tot {last})") == 14  # each hour of the grid
    monday = client.get(grid(schilderswijk, "planning", next_monday)).content.decode()
    assert f"vanaf 09:45 (tot {last})" in monday
    assert "–00:00" not in monday
    page = client.get(grid(schilderswijk, "planning", wednesday)).content.decode()
    assert f"tot 17:15 (sinds {first})" in page and "00:00–" not in page

    week = client.get(grid(schilderswijk, "week", tuesday)).content.decode()
    assert "00:00" not in week
    assert f"vanaf 09:45 (tot {last}) Tentoonstelling" in week
    assert f"hele dag (tot {last}) Tentoonstelling" in week
    assert f"tot 17:15 (sinds {first}) Tentoonstelling" in week

    sheet = client.get(grid(schilderswijk, "dagblad", tuesday)).content.decode()
    assert f"{first} 10:00–{last} 17:00" in sheet  # not "10:00–17:00", as if that day only
    assert f"{first} 09:45–{last} 17:15" in sheet


def test_the_series_message_uses_plurals(client, maker, room, schilderswijk, next_monday):
    third = next_monday + datetime.timedelta(weeks=2)
    services.booking_create(
        actor=maker, space=room, starts_at=at(third, 10), ends_at=at(third, 11), title="Bestuur"
    )
    client.force_login(maker)
    url = f"/en/staff/ruimtes/{schilderswijk.slug}/boeken"
    data = {
        "space": room.pk,
        "day": next_monday.isoformat(),
        "start": "10:00",
        "end": "11:00",
        "title": "Taalcafé",
        "purpose": "internal",
        "repeat": "FREQ=WEEKLY",
        "repeat_until": (next_monday + datetime.timedelta(weeks=3)).isoformat(),
        "skip_taken": "on",
    }
    made = client.post(url, data)
    said = f"3 dates booked, 1 taken date skipped: {third:%d-%m-%Y}."
    assert said in map(str, get_messages(made.wsgi_request))
    # One date, none taken.
    later = next_monday + datetime.timedelta(weeks=5)
    data |= {"day": later.isoformat(), "repeat_until": later.isoformat()}
    one = client.post(url, data)
    assert "1 date booked." in map(str, get_messages(one.wsgi_request))


def test_dates_in_the_week_are_written_as_each_language_writes_them(
    client, maker, room, schilderswijk, next_monday
):
    client.force_login(maker)
    dutch = client.get(grid(schilderswijk, "week", next_monday)).content.decode()
    for n in range(7):
        day = next_monday + datetime.timedelta(days=n)
        assert f" {day.day} {DUTCH_MONTHS[day.month - 1]}</a>" in dutch  # "ma 7 dec"
    assert f">ma {next_monday.day} {DUTCH_MONTHS[next_monday.month - 1]}</a>" in dutch
    english = client.get(grid(schilderswijk, "week", next_monday, "/en")).content.decode()
    assert f">Mon {next_monday.day} {next_monday:%b}" in english  # "Mon 7 Dec."
