"""Seeding the reference data of the demo: places, taxonomies, staff users and series.

Real: districts, neighbourhoods (with population, year and source) and the 15 library
locations with their district and, where found, street address, read from the CSV copies in
``data/`` (see ``data/README.md``). Illustrative: everything ``content/reference.py`` adds
to them (coordinates, hours, closures, spaces, descriptions, accessibility features); every
branch is therefore flagged ``is_illustrative`` and its ``source`` says what was made up.

Every loader creates what is missing, looked up by a natural key (slug, username, branch and
name, branch and date), and leaves existing rows alone: running the demo twice changes
nothing, and the demo never overwrites what staff edited afterwards. There is no service for
these lists (they are kept in the admin), so rows are validated with ``full_clean()`` and
saved here.
"""

import csv
import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.contrib.auth.hashers import make_password
from django.utils.text import slugify

from ontmoet.accounts.models import User
from ontmoet.programme.models import Audience, Format, LibraryFunction, Series, Theme
from ontmoet.venues.models import (
    AccessibilityFeature,
    Branch,
    District,
    Neighbourhood,
    OpeningException,
    OpeningHours,
    Space,
)

from .content import reference

DATA_DIR = Path(__file__).resolve().parent / "data"


@dataclass
class Tally:
    """How many rows each loader created, for the command's summary."""

    created: dict[str, int] = field(default_factory=dict)

    def add(self, label: str, was_created: bool) -> None:
        self.created[label] = self.created.get(label, 0) + int(was_created)


def ensure(model, lookup: dict, defaults: dict | None = None, m2m: dict | None = None):
    """Get the row matching ``lookup``, or validate and create it. Returns (row, created)."""
    row = model.objects.filter(**lookup).first()
    if row is not None:
        return row, False
    row = model(**lookup, **(defaults or {}))
    row.full_clean()
    row.save()
    for name, values in (m2m or {}).items():
        getattr(row, name).set(values)
    return row, True


def read_csv(name: str) -> list[dict[str, str]]:
    with (DATA_DIR / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _int_or_none(value: str) -> int | None:
    value = (value or "").strip()
    return int(value) if value else None


def wijk_name(raw: str) -> str:
    """'Wijk 29 Schildersbuurt (Schilderswijk)' -> 'Schildersbuurt (Schilderswijk)'."""
    name = re.sub(r"^Wijk \d+ ", "", raw.strip())
    return re.sub(r"\s*\(incl\.[^)]*\)", "", name)


def load_districts(tally: Tally) -> dict[str, District]:
    districts = {}
    for row in read_csv("districts.csv"):
        name = row["stadsdeel"].strip()
        district, created = ensure(
            District,
            {"slug": slugify(name)},
            {
                "name": name,
                "population": _int_or_none(row["population"]),
                "population_year": _int_or_none(row["year"]),
                "source": row["source"].strip(),
            },
        )
        districts[name] = district
        tally.add("districts", created)
    return districts


def load_neighbourhoods(tally: Tally, districts: dict[str, District]) -> None:
    for row in read_csv("neighbourhoods.csv"):
        raw = row["wijk"].strip()
        name = wijk_name(raw)
        source = row["source"].strip()
        if name != raw:
            source = f"{source} (listed as '{raw}')"
        _, created = ensure(
            Neighbourhood,
            {"slug": slugify(name)},
            {
                "name": name,
                "district": districts[row["stadsdeel"].strip()],
                "population": _int_or_none(row["population"]),
                "population_year": _int_or_none(row["year"]),
                "source": source,
            },
        )
        tally.add("neighbourhoods", created)


def load_taxonomies(tally: Tally) -> None:
    for slug, name, name_en in reference.ACCESSIBILITY_FEATURES:
        _, created = ensure(
            AccessibilityFeature, {"slug": slug}, {"name": name, "name_en": name_en}
        )
        tally.add("accessibility features", created)
    for position, (slug, name, name_en, sdgs, description) in enumerate(reference.THEMES, 1):
        _, created = ensure(
            Theme,
            {"slug": slug},
            {
                "name": name,
                "name_en": name_en,
                "sdgs": sdgs,
                "description": description,
                "position": position,
            },
        )
        tally.add("themes", created)
    for model, rows, label in [
        (Audience, reference.AUDIENCES, "audiences"),
        (Format, reference.FORMATS, "formats"),
        (LibraryFunction, reference.LIBRARY_FUNCTIONS, "library functions"),
    ]:
        for position, (slug, name, name_en, description) in enumerate(rows, 1):
            _, created = ensure(
                model,
                {"slug": slug},
                {
                    "name": name,
                    "name_en": name_en,
                    "description": description,
                    "position": position,
                },
            )
            tally.add(label, created)


def _time(text: str) -> datetime.time:
    return datetime.time.fromisoformat(text)


def next_occurrence(today: datetime.date, month: int, day: int) -> datetime.date:
    candidate = datetime.date(today.year, month, day)
    return candidate if candidate >= today else datetime.date(today.year + 1, month, day)


def _branch_source(row: dict[str, str], extra: dict) -> str:
    missing = []
    if not row["address"].strip():
        missing.append("street address not found")
    elif extra.get("address"):
        missing.append(f"address shown as '{extra['address']}'")
    if not row["postcode"].strip():
        missing.append("postcode not found")
    notes = "; ".join([reference.ILLUSTRATIVE_NOTE, *missing])
    return f"{row['source'].strip()} | {notes}."


def load_branches(tally: Tally, districts: dict[str, District], today: datetime.date) -> None:
    features = {f.slug: f for f in AccessibilityFeature.objects.all()}
    neighbourhoods = {n.slug: n for n in Neighbourhood.objects.all()}
    for row in read_csv("branches.csv"):
        extra = reference.BRANCHES[row["name"].strip()]
        feature_slugs = [*reference.STANDARD_FEATURES, *extra["features"]]
        branch, created = ensure(
            Branch,
            {"slug": extra["slug"]},
            {
                "name": row["name"].strip(),
                "is_central": extra.get("central", False),
                "address": extra.get("address") or row["address"].strip(),
                "postcode": row["postcode"].strip(),
                "district": districts[row["stadsdeel"].strip()],
                "neighbourhood": neighbourhoods.get(extra.get("wijk", "")),
                "latitude": extra["lat"],
                "longitude": extra["lon"],
                "description": extra["description"],
                "source": _branch_source(row, extra),
                "is_illustrative": True,
            },
            m2m={"accessibility_features": [features[s] for s in feature_slugs if s in features]},
        )
        tally.add("branches", created)
        _load_hours(tally, branch, extra["hours"], today)
        _load_spaces(tally, branch, extra["spaces"], features)


def _load_hours(tally: Tally, branch: Branch, profile: str, today: datetime.date) -> None:
    if not branch.opening_hours.exists():
        for weekday, periods in reference.HOURS_PROFILES[profile].items():
            for opens, closes in periods:
                _, created = ensure(
                    OpeningHours,
                    {
                        "branch": branch,
                        "weekday": weekday,
                        "opens": _time(opens),
                        "closes": _time(closes),
                    },
                )
                tally.add("opening hours", created)
    for month, day, reason in reference.CLOSURES:
        date = next_occurrence(today, month, day)
        _, created = ensure(OpeningException, {"branch": branch, "date": date}, {"reason": reason})
        tally.add("closures", created)
    if branch.is_central:
        for month, day, opens, closes, reason in reference.CENTRAL_SHORT_DAYS:
            date = next_occurrence(today, month, day)
            _, created = ensure(
                OpeningException,
                {"branch": branch, "date": date},
                {
                    "opens": _time(opens),
                    "closes": _time(closes),
                    "reason": reason,
                },
            )
            tally.add("closures", created)


def _load_spaces(tally: Tally, branch: Branch, space_set: str, features: dict) -> None:
    if space_set == "central":
        rows = reference.CENTRAL_SPACES
    else:
        rows = [(n, k, c, "", d, f) for n, k, c, d, f in reference.BRANCH_SPACE_SETS[space_set]]
    base = ["rolstoeltoegankelijk", "zitplaatsen"]
    for name, kind, capacity, floor, description, extra in rows:
        _, created = ensure(
            Space,
            {"branch": branch, "name": name},
            {
                "kind": kind,
                "capacity": capacity,
                "floor": floor,
                "description": description,
            },
            m2m={"accessibility_features": [features[s] for s in [*base, *extra] if s in features]},
        )
        tally.add("spaces", created)


def load_users(tally: Tally) -> dict[str, User]:
    """Demo staff users; the password is set only when a user is created."""
    users = {}
    branches = {b.slug: b for b in Branch.objects.all()}
    # One (slow, salted) hash for the one published demo password, shared by the users.
    password_hash = None
    for username, role, first_name, branch_slugs, _what in reference.USERS:
        user = User.objects.filter(username=username).first()
        created = user is None
        if created:
            user = User(
                username=username,
                first_name=first_name,
                role=role,
                is_staff=True,
                is_superuser=username == "admin",
                email=f"{username}@example.org",
            )
            password_hash = password_hash or make_password(reference.DEMO_PASSWORD)
            user.password = password_hash
            user.full_clean()
            user.save()
            user.branches.set([branches[s] for s in branch_slugs if s in branches])
        users[username] = user
        tally.add("users", created)
    return users


def load_series(tally: Tally) -> dict[str, Series]:
    themes = {t.slug: t for t in Theme.objects.all()}
    series = {}
    for spec in reference.SERIES:
        row, created = ensure(
            Series,
            {"slug": spec["slug"]},
            {
                "title": spec["title"],
                "summary": spec["summary"],
                "description": spec["description"],
                "organisers": spec["organisers"],
            },
            m2m={"themes": [themes[s] for s in spec["themes"] if s in themes]},
        )
        series[spec["slug"]] = row
        tally.add("series", created)
    return series


def load_reference(tally: Tally, today: datetime.date) -> dict[str, User]:
    """Everything but the activities, in dependency order. Returns the demo users."""
    districts = load_districts(tally)
    load_neighbourhoods(tally, districts)
    load_taxonomies(tally)
    load_branches(tally, districts, today)
    users = load_users(tally)
    load_series(tally)
    return users
