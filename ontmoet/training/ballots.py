"""An adjudicator's private ballot link: ``<pairing id>-<HMAC(id, nonce)>`` under the
site's secret, as for residents' ideas: made again whenever it is shown, revoked by a new
nonce."""

import secrets

from django.utils.crypto import constant_time_compare, salted_hmac

SALT = "ontmoet.training.ballot-link"


def new_nonce() -> str:
    return secrets.token_hex(16)


def ballot_token(pairing) -> str:
    mac = salted_hmac(SALT, f"{pairing.pk}:{pairing.ballot_nonce}", algorithm="sha256")
    return f"{pairing.pk}-{mac.hexdigest()[:32]}"


def pairing_by_token(token: str):
    from .models import Pairing

    pk, _, mac = str(token)[:80].partition("-")
    if not pk.isdigit() or len(pk) > 12 or not mac:
        return None
    pairing = (
        Pairing.objects.select_related("round__tournament__club", "proposition", "opposition")
        .filter(pk=pk)
        .first()
    )
    if pairing is None or not constant_time_compare(ballot_token(pairing), token):
        return None
    return pairing
