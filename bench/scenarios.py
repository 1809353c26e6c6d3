"""What is measured: the floor, the programme page and the API list, as realistic URL mixes.

Slugs come from the running server's own API, so the mix follows whatever the demo holds.
Each request draws its URL kind uniformly and its slugs at random from a seeded generator:
every run sends the same sequence of URLs.
"""

import itertools
import random
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlencode

from server import get_json


@dataclass
class Scenario:
    key: str
    label: str
    target_p95_ms: float | None
    kinds: dict[str, Callable[[random.Random], str]]

    def generator(self, seed: int) -> Callable[[], tuple[str, str]]:
        rng = random.Random(f"{seed}:{self.key}")
        names = sorted(self.kinds)

        def next_request() -> tuple[str, str]:
            kind = rng.choice(names)
            return kind, self.kinds[kind](rng)

        return next_request


def _q(path: str, **params: str) -> str:
    return f"{path}?{urlencode(params)}"


def _cache_missing(make: Callable[[random.Random], str], counter) -> Callable:
    """``make``'s URL plus a parameter the page ignores but the page cache keys on."""

    def url(rng: random.Random) -> str:
        base = make(rng)
        return f"{base}{'&' if '?' in base else '?'}n={next(counter)}"

    return url


def build(port: int) -> list[Scenario]:
    themes = [t["slug"] for t in get_json(port, "/api/v1/themes")]
    audiences = [a["slug"] for a in get_json(port, "/api/v1/audiences")]
    formats = [f["slug"] for f in get_json(port, "/api/v1/formats")]
    branch_list = get_json(port, "/api/v1/branches")
    branches = [b["slug"] for b in branch_list]
    districts = sorted({b["district"]["slug"] for b in branch_list})
    for name, values in [
        ("themes", themes),
        ("audiences", audiences),
        ("formats", formats),
        ("branches", branches),
    ]:
        if not values:
            raise RuntimeError(f"the API lists no {name}; is the demo loaded?")

    floor = Scenario("floor", "floor: GET /healthz", None, {"/healthz": lambda r: "/healthz"})
    programme = Scenario(
        "programme",
        "programme page /programma",
        25.0,
        {
            "/programma": lambda r: "/programma",
            "/programma?theme=": lambda r: _q("/programma", theme=r.choice(themes)),
            "/programma?branch=": lambda r: _q("/programma", branch=r.choice(branches)),
            "/programma?q=debat": lambda r: "/programma?q=debat",
            "/programma?format=&district=": lambda r: _q(
                "/programma", format=r.choice(formats), district=r.choice(districts)
            ),
            "/programma?page=3": lambda r: "/programma?page=3",
            "/en/programma?audience=": lambda r: _q("/en/programma", audience=r.choice(audiences)),
        },
    )
    # The same mix with a unique, ignored parameter per request, so every request misses the
    # page cache: what a page costs to build, for comparison with the cached mix above.
    fresh = itertools.count()
    uncached = Scenario(
        "programme-uncached",
        "programme page, every request a cache miss",
        None,
        {kind: _cache_missing(make, fresh) for kind, make in programme.kinds.items()},
    )
    api = Scenario(
        "api",
        "API list /api/v1/activities",
        15.0,
        {
            "/api/v1/activities": lambda r: "/api/v1/activities",
            "/api/v1/activities?theme=": lambda r: _q("/api/v1/activities", theme=r.choice(themes)),
            "/api/v1/activities?branch=&q=taal": lambda r: _q(
                "/api/v1/activities", branch=r.choice(branches), q="taal"
            ),
        },
    )
    api_uncached = Scenario(
        "api-uncached",
        "API list, every request a cache miss",
        None,
        {kind: _cache_missing(make, fresh) for kind, make in api.kinds.items()},
    )
    return [floor, programme, uncached, api, api_uncached]
