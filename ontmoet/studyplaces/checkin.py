"""Checking in at a zone: the QR poster's address carries a code derived from the zone and
the site's secret, so it cannot be guessed from the zone's number; the poster also shows a
short form of it to type in. Either proves the resident is at the zone, which a check-in
from anywhere would not.

Whatever arrives is compared as bytes (``constant_time_compare``): ``hmac.compare_digest``
refuses a str with characters outside ASCII, and an address or a typed code may hold any.
"""

import unicodedata

from django.urls import reverse
from django.utils.crypto import constant_time_compare, salted_hmac


def zone_code(zone_id: int) -> str:
    return salted_hmac("ontmoet.studyplaces.zone", str(zone_id)).hexdigest()[:20]


def zone_code_valid(zone_id: int, code: str) -> bool:
    return constant_time_compare(zone_code(zone_id), str(code)[:40])


def zone_desk_code(zone_id: int) -> str:
    """The short code printed under the QR code, typed on the seat's page by whoever cannot
    scan: proof of standing at the zone, like the scan."""
    return zone_code(zone_id)[:6].upper()


def zone_desk_code_valid(zone_id: int, code: str) -> bool:
    return constant_time_compare(zone_desk_code(zone_id), _as_typed(code))


def _as_typed(code) -> str:
    """The code as a phone's keyboard may send it: width variants folded (NFKC) and digits
    of other scripts (Arabic-Indic, say) read as the digits 0-9 that the poster shows."""
    typed = unicodedata.normalize("NFKC", str(code or "")[:24]).strip().upper()
    return "".join(
        str(unicodedata.decimal(c)) if not c.isascii() and c.isdecimal() else c for c in typed
    )[:12]


def zone_check_in_url(zone) -> str:
    return reverse("studyplaces:zone_check_in", kwargs={"pk": zone.pk, "code": zone_code(zone.pk)})
