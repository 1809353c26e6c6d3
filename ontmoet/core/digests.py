"""Keyed one-way digests that count someone once without keeping who: an HMAC under the
site's secret and a salt per purpose, of the record's id and the person's key (a random id
their browser keeps). The same key gives unrelated digests for two records."""

from django.utils.crypto import salted_hmac


def keyed_digest(salt: str, record_id: int, key: str) -> str:
    return salted_hmac(salt, f"{record_id}:{key}", algorithm="sha256").hexdigest()
