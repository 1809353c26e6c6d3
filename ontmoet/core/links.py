"""Private links to one record (an idea's status page, an adjudicator's ballot):
``<id>-<mac>``, the MAC an HMAC of the id and a random nonce stored with the record, under
the site's secret and a salt per kind of link. The server makes the link again whenever it
shows or mails it, nobody makes it without the secret, and a new nonce revokes it."""

import secrets

from django.utils.crypto import constant_time_compare, salted_hmac

from ontmoet.core.forms import is_plain_number


def new_nonce() -> str:
    return secrets.token_hex(16)


class RecordLink:
    def __init__(self, salt: str, nonce_field: str):
        self.salt, self.nonce_field = salt, nonce_field

    def token(self, record) -> str:
        nonce = getattr(record, self.nonce_field)
        mac = salted_hmac(self.salt, f"{record.pk}:{nonce}", algorithm="sha256")
        return f"{record.pk}-{mac.hexdigest()[:32]}"

    def find(self, queryset, token: str):
        """The record of ``queryset`` the token opens, or None."""
        pk, _, mac = str(token)[:80].partition("-")
        if not is_plain_number(pk, max_digits=12) or not mac:
            return None
        record = queryset.filter(pk=pk).first()
        if record is None or not constant_time_compare(self.token(record), token):
            return None
        return record
