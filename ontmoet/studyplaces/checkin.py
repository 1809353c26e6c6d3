"""Checking in at a zone: the QR poster's address carries a code derived from the zone and
the site's secret, so it cannot be guessed from the zone's number; the poster also shows a
short form of it to type in. Either proves the resident is at the zone, which a check-in
from anywhere would not."""

import hmac

from django.urls import reverse
from django.utils.crypto import salted_hmac


def zone_code(zone_id: int) -> str:
    return salted_hmac("ontmoet.studyplaces.zone", str(zone_id)).hexdigest()[:20]


def zone_code_valid(zone_id: int, code: str) -> bool:
    return hmac.compare_digest(zone_code(zone_id), str(code)[:40])


def zone_desk_code(zone_id: int) -> str:
    """The short code printed under the QR code, typed on the seat's page by whoever cannot
    scan: proof of standing at the zone, like the scan."""
    return zone_code(zone_id)[:6].upper()


def zone_desk_code_valid(zone_id: int, code: str) -> bool:
    typed = str(code or "").strip().upper()[:12]
    return hmac.compare_digest(zone_desk_code(zone_id), typed)


def zone_check_in_url(zone) -> str:
    return reverse("studyplaces:zone_check_in", kwargs={"pk": zone.pk, "code": zone_code(zone.pk)})
