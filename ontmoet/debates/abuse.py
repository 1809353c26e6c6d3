"""Limits that keep the hall's vote to the hall (``settings.RATE_LIMITS``).

- ``vote-address``: votes and upvotes per network address. Generous, because a whole hall
  votes from the library's wifi, which is one address.
- ``vote-device``: votes per phone (its cookie, ticket or API token) and round, so that one
  phone cannot use up its hall's allowance. (A script that drops its cookie is a new phone
  every time; the address limit still holds it.)
- ``debate-code-address``: wrong join codes per address. A join code is what lets a phone
  vote, so guessing codes must not pay. Only wrong codes count (a hall entering the right
  one never runs into it), but once an address is over the limit, *every* code it tries
  answers 429 for the rest of the window, right ones included: if right codes still got
  through, a 429 would itself tell a guess apart from a hit.
"""

import hashlib
import math
import time

from django.core.cache import cache

from ontmoet.core.ratelimit import client_address, retry_after

CODE_SCOPE = "debate-code-address"


def _blocked_key(address: str) -> str:
    return "debates:code-guessing:" + hashlib.sha256(address.encode()).hexdigest()[:32]


def code_guessing_wait(request) -> int | None:
    """The seconds left when this address tried too many wrong codes, else None (one cache
    read)."""
    until = cache.get(_blocked_key(client_address(request)))
    return max(1, math.ceil(until - time.time())) if until else None


def code_missed(request) -> int | None:
    """Count a wrong code of this address; when it is one too many, block the address's
    code lookups for the rest of the window and return the seconds to wait."""
    address = client_address(request)
    wait = retry_after(CODE_SCOPE, address)
    if wait:
        cache.set(_blocked_key(address), time.time() + wait, wait)
    return wait
