"""The registration rush: 10,000 registration POSTs at one 100-seat activity, then a count.

A fresh published activity (capacity 100, registration required, households of up to 4) is
made through the programme services for every run; the rush activities of earlier runs are
deleted first, so runs do not pile up. The production server is started with the
registration rate limits raised to 1,000,000 per window: the limiter still runs on every
request, it just does not refuse the one loopback address all clients share.

From the same closed-loop client, with the same number of concurrent clients, the floor
(``GET /healthz``) is measured first, then the rush: every POST a unique email address and
1 to 4 seats (seeded). Afterwards the database is read directly (SQL, not the application):
every 201 answer must have its row (found by the digest of the token in its manage link),
there must be no row nobody was told about, the seats held (confirmed + offered) must not
exceed the capacity, the activity's ``Tally`` must equal what the rows add up to, and every
registration must have its mail waiting in the outbox (no mail consumer runs meanwhile).

``bench/crash_rush.py`` uses the same pieces with a kill in the middle.
"""

import hashlib
import json
import random
import sqlite3
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

from cpu import CpuMeter, wait_for_quiet
from load import Reply, Request, http_request, run_closed_loop, summarise
from prepare import BENCH_VAR, PG_NAME, POSTGRES, Engine, log, manage
from server import HOST, Gunicorn

CAPACITY = 100
MAX_SEATS = 4
TITLE_PREFIX = "[bench] "
# High enough never to refuse the loopback client, low enough that the limiter still counts.
RATE_LIMIT_ENV = {
    "RATE_LIMIT_REGISTER_PER_ADDRESS": "1000000",
    "RATE_LIMIT_REGISTER_PER_EMAIL": "1000000",
}
HOLDING = ("confirmed", "offered")
HUEY_FILE = "huey.sqlite3"

ACTIVITY_SCRIPT = """
import datetime, json
from django.utils import timezone
from ontmoet.accounts.models import User
from ontmoet.programme import services
from ontmoet.programme.models import Activity, Format
from ontmoet.venues.models import Branch

actor = User.objects.filter(username="centraal").first()
branch = Branch.objects.order_by("pk").first()
fmt = Format.objects.order_by("pk").first()
if actor is None or branch is None or fmt is None:
    print(json.dumps({"missing": "demo data"}))
    raise SystemExit
old = Activity.objects.filter(title__startswith=PREFIX)
deleted = old.count()
old.delete()
start = timezone.now().replace(minute=0, second=0, microsecond=0) + datetime.timedelta(days=30)
made = {"deleted": deleted}
for key in KEYS:
    activity = services.activity_create(
        actor=actor,
        data={
            "title": f"{PREFIX}registration {key} {TAG}",
            "summary": "Made by the benchmark (bench/rush.py); deleted by its next run.",
            "format": fmt,
            "branch": branch,
            "starts_at": start,
            "ends_at": start + datetime.timedelta(hours=2),
            "languages": ["nl"],
            "registration_mode": Activity.RegistrationMode.REQUIRED,
            "capacity": CAPACITY,
            "max_seats_per_registration": MAX_SEATS,
            "waitlist_mode": Activity.WaitlistMode.AUTOMATIC,
        },
    )
    made[key] = services.activity_publish(actor=actor, activity=activity).pk
print(json.dumps(made))
"""


def create_activities(engine: Engine, keys: tuple[str, ...], tag: str) -> dict[str, int]:
    """Fresh rush activities (ids by key) through the programme services; earlier ones go.
    A database without the demo data gets it first (``load_demo``)."""
    script = (
        f"PREFIX = {TITLE_PREFIX!r}\nKEYS = {keys!r}\nTAG = {tag!r}\n"
        f"CAPACITY = {CAPACITY}\nMAX_SEATS = {MAX_SEATS}\n{ACTIVITY_SCRIPT}"
    )
    for attempt in range(2):
        made = json.loads(manage(engine, "shell", "-c", script, capture=True).splitlines()[-1])
        if "missing" not in made:
            if made["deleted"]:
                log(f"  deleted {made['deleted']} rush activities of earlier runs")
                vacuum_after_delete(engine)
            return {key: made[key] for key in keys}
        if attempt == 0:
            log(f"{engine.name}: no demo data; loading it")
            manage(engine, "load_demo")
    raise RuntimeError("the demo data is still missing after load_demo")


def vacuum_after_delete(engine: Engine) -> None:
    """Deleting the earlier rushes leaves tens of thousands of dead rows and index entries.
    On PostgreSQL autovacuum would clean them up within a minute of such a delete, but the
    benchmark server runs without it, and a rush right after would insert into bloated
    indexes: vacuum the tables the rush writes, as autovacuum would have."""
    if engine.sqlite_path is not None:
        return
    import psycopg

    names = ("registration", "accesstoken", "outboxmessage", "tally")
    tables = ", ".join(f"registrations_{name}" for name in names)
    with psycopg.connect(engine.database_url, autocommit=True) as conn:
        conn.execute(f"VACUUM ANALYZE {tables}, programme_activity")


# --- what is sent ------------------------------------------------------------------------


def registration_requests(
    port: int, activity_id: int, count: int, *, seed: int, tag: str
) -> list[Request]:
    """``count`` registrations, each a household of 1 to 4 with its own email address."""
    rng = random.Random(f"{seed}:rush")
    path = f"/api/v1/activities/{activity_id}/registrations"
    out = []
    for i in range(count):
        email = f"rush-{tag}-{i}@example.org"
        body = {
            "name": f"Huishouden {i}",
            "email": email,
            "seats": rng.randint(1, MAX_SEATS),
            "language": "en" if i % 4 == 0 else "nl",
        }
        raw = http_request("POST", HOST, port, path, json.dumps(body).encode())
        out.append(Request(kind=f"{body['seats']} seats", url=path, raw=raw, key=email))
    return out


def floor_requests(port: int, count: int) -> list[Request]:
    raw = http_request("GET", HOST, port, "/healthz")
    return [Request(kind="/healthz", url="/healthz", raw=raw) for _ in range(count)]


@dataclass
class Ack:
    """What a 201 answer told the registrant."""

    email: str
    token: str
    status: str
    seats: int


def acknowledged(replies: list[Reply]) -> list[Ack]:
    out = []
    for reply in replies:
        if reply.status != 201:
            continue
        answer = json.loads(reply.body)
        token = answer["manage_url"].rstrip("/").rsplit("/", 1)[-1]
        out.append(Ack(reply.key, token, answer["status"], answer["seats"]))
    return out


# --- what the database holds -------------------------------------------------------------


def connect(database_url: str):
    """A plain DB-API connection (no Django) and its placeholder."""
    if database_url.startswith("sqlite:///"):
        return sqlite3.connect(database_url.removeprefix("sqlite:///"), timeout=30), "?"
    import psycopg

    return psycopg.connect(database_url), "%s"


@dataclass
class Check:
    acknowledged: int  # 201 answers
    rows: int  # registrations of the activity in the database
    capacity: int
    held_seats: int  # confirmed + offered
    overbooked: int  # seats held beyond the capacity
    lost: int  # 201 answers without their registration (token digest and email)
    unacknowledged_rows: int  # rows no 201 answer speaks of
    confirmed_then_not: int  # answered "confirmed", no longer confirmed (nothing cancels)
    duplicate_emails: int  # live registrations sharing an address
    tally: dict[str, int]
    tally_from_rows: dict[str, int]
    by_status: dict[str, dict[str, int]]
    integrity: str = "not checked"
    lost_examples: list[str] = field(default_factory=list)
    # Registrations without a mail waiting in the outbox (None: there is no outbox table).
    unmailed_acknowledged: int | None = None
    unmailed_rows: int | None = None

    @property
    def tally_matches(self) -> bool:
        return self.tally == self.tally_from_rows

    def problems(self, *, every_row_acknowledged: bool) -> list[str]:
        out = []
        if self.overbooked:
            out.append(f"overbooked by {self.overbooked} seats")
        if self.lost:
            out.append(f"{self.lost} acknowledged registrations missing")
        if every_row_acknowledged and self.unacknowledged_rows:
            out.append(f"{self.unacknowledged_rows} rows without a 201 answer")
        if self.confirmed_then_not:
            out.append(f"{self.confirmed_then_not} confirmed answers no longer confirmed")
        if self.duplicate_emails:
            out.append(f"{self.duplicate_emails} addresses registered twice")
        if not self.tally_matches:
            out.append(f"tally {self.tally} != rows {self.tally_from_rows}")
        if self.unmailed_rows:
            out.append(
                f"{self.unmailed_rows} registrations without a mail in the outbox "
                f"({self.unmailed_acknowledged} of them answered 201)"
            )
        if self.integrity != "ok" and not self.integrity.startswith(("n/a", "not checked")):
            out.append(f"integrity check: {self.integrity}")
        return out


def _has_table(conn, ph: str, name: str) -> bool:
    if ph == "?":
        sql = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?"
    else:
        sql = "SELECT 1 FROM pg_tables WHERE schemaname = current_schema() AND tablename = %s"
    return conn.execute(sql, [name]).fetchone() is not None


def check_database(database_url: str, activity_id: int, acks: list[Ack]) -> Check:
    conn, ph = connect(database_url)
    try:

        def rows(sql: str) -> list[tuple]:
            return list(conn.execute(sql.replace("%s", ph), [activity_id]).fetchall())

        integrity = "n/a (PostgreSQL)"
        if ph == "?":
            # The pages and indexes; CHECK constraints that call Django's SQL functions
            # cannot be evaluated outside Django (the rows are checked below anyway).
            conn.execute("PRAGMA ignore_check_constraints = ON")
            integrity = "; ".join(r[0] for r in conn.execute("PRAGMA quick_check").fetchall())
        (capacity,) = rows("SELECT capacity FROM programme_activity WHERE id = %s")[0]
        registrations = rows(
            "SELECT id, email, seats, status FROM registrations_registration WHERE activity_id = %s"
        )
        tally_row = rows(
            "SELECT confirmed_seats, offered_seats, waitlisted_seats, waitlisted_entries "
            "FROM registrations_tally WHERE activity_id = %s"
        )
        tokens = rows(
            "SELECT t.digest, t.registration_id FROM registrations_accesstoken t "
            "JOIN registrations_registration r ON r.id = t.registration_id "
            "WHERE r.activity_id = %s"
        )
        mailed = None
        if _has_table(conn, ph, "registrations_outboxmessage"):
            mailed = {
                pk
                for (pk,) in rows(
                    "SELECT o.registration_id FROM registrations_outboxmessage o "
                    "JOIN registrations_registration r ON r.id = o.registration_id "
                    "WHERE r.activity_id = %s"
                )
            }
    finally:
        conn.close()

    by_id = {pk: (email, seats, status) for pk, email, seats, status in registrations}
    by_digest = dict(tokens)
    seen: set[int] = set()
    lost: list[str] = []
    confirmed_then_not = 0
    for ack in acks:
        pk = by_digest.get(hashlib.sha256(ack.token.encode()).hexdigest())
        if pk is None or by_id[pk][0] != ack.email.lower():  # the service lowercases
            lost.append(ack.email)
            continue
        seen.add(pk)
        if ack.status == "confirmed" and by_id[pk][2] != "confirmed":
            confirmed_then_not += 1

    by_status: dict[str, dict[str, int]] = {}
    for _, seats, status in by_id.values():
        entry = by_status.setdefault(status, {"rows": 0, "seats": 0})
        entry["rows"] += 1
        entry["seats"] += seats

    def seats_in(status: str) -> int:
        return by_status.get(status, {}).get("seats", 0)

    held = sum(seats_in(s) for s in HOLDING)
    live = Counter(email for email, _, status in by_id.values() if status != "cancelled")
    names = ("confirmed_seats", "offered_seats", "waitlisted_seats", "waitlisted_entries")
    unmailed = None if mailed is None else {pk for pk in by_id if pk not in mailed}
    tally = dict(zip(names, tally_row[0], strict=True)) if tally_row else {}
    return Check(
        acknowledged=len(acks),
        rows=len(by_id),
        capacity=capacity,
        held_seats=held,
        overbooked=max(0, held - capacity),
        lost=len(lost),
        unacknowledged_rows=len(by_id) - len(seen),
        confirmed_then_not=confirmed_then_not,
        duplicate_emails=sum(1 for n in live.values() if n > 1),
        tally=tally,
        tally_from_rows={
            "confirmed_seats": seats_in("confirmed"),
            "offered_seats": seats_in("offered"),
            "waitlisted_seats": seats_in("waitlisted"),
            "waitlisted_entries": by_status.get("waitlisted", {}).get("rows", 0),
        },
        by_status=by_status,
        integrity=integrity,
        lost_examples=lost[:5],
        unmailed_acknowledged=None if unmailed is None else len(unmailed & seen),
        unmailed_rows=None if unmailed is None else len(unmailed),
    )


# --- the mail queue ------------------------------------------------------------------------


def reset_mail_queue(var_dir: Path) -> None:
    """Start from an empty huey queue (the outbox's wake-ups land there), as a consumer
    keeping up would leave it. Only while no server runs."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{var_dir / HUEY_FILE}{suffix}").unlink(missing_ok=True)


# --- the benchmark -----------------------------------------------------------------------


def _by_answer(replies: list[Reply], window: float) -> dict[str, dict]:
    groups: dict[str, list[Reply]] = {}
    for reply in replies:
        if reply.status == 201:
            label = json.loads(reply.body)["status"]
        else:
            label = reply.error or f"HTTP {reply.status}"
        groups.setdefault(label, []).append(reply)
    return {
        label: asdict(summarise(group, window, ok=201)) for label, group in sorted(groups.items())
    }


def _by_tenth(replies: list[Reply], window: float) -> list[dict]:
    """p50/p95 of each tenth of the run in sending order: does a request get slower as
    the waiting list grows?"""
    ordered = sorted(replies, key=lambda r: r.sent)
    size = max(1, len(ordered) // 10)
    out = []
    for start in range(0, len(ordered), size):
        stats = summarise(ordered[start : start + size], window, ok=201)
        out.append({"from": start, "p50": stats.p50, "p95": stats.p95})
    return out[:10]


def _phase(label: str, replies: list[Reply], window: float, use, ok: int) -> dict:
    stats = summarise(replies, window, ok=ok)
    log(
        f"  {label}: {stats.requests} requests in {window:.1f} s = {stats.rate:.0f}/s; p50 "
        f"{stats.p50:.1f} ms, p95 {stats.p95:.1f} ms, p99 {stats.p99:.1f} ms, max "
        f"{stats.max:.1f} ms; {stats.errors} errors; CPU {use.busy_pct:.0f}% busy "
        f"(server {use.server_pct:.0f}%, client {use.generator_pct:.0f}%, other "
        f"{use.others_pct:.0f}%)"
    )
    return {
        "stats": asdict(stats),
        "window": window,
        "cpu": asdict(use),
        "server_cpu_ms": 1000 * use.server_seconds / max(1, stats.requests),
        "generator_cpu_ms": 1000 * use.generator_seconds / max(1, stats.requests),
    }


def measure(
    engine: Engine,
    *,
    requests: int,
    clients: int,
    floor_requests_count: int,
    seed: int,
    workers: int,
    worker_class: str,
    quiet_wait: float,
) -> tuple[dict, dict]:
    """Results and raw samples of one engine's rush."""
    tag = time.strftime("%Y%m%d-%H%M%S", time.gmtime())
    ids = create_activities(engine, ("warmup", "rush"), tag)
    reset_mail_queue(BENCH_VAR)
    log_path = BENCH_VAR / f"gunicorn-rush-{engine.name.lower()}.log"
    result: dict = {"engine": engine.name, "activity_id": ids["rush"], "capacity": CAPACITY}
    with Gunicorn(
        engine, workers=workers, worker_class=worker_class, env=RATE_LIMIT_ENV, log_path=log_path
    ) as server:
        log(f"{engine.name}: rush server on port {server.port} ({workers} workers)")
        port = server.port
        meter_args = {
            "server_pid": server.process.pid,
            "db_marker": PG_NAME if engine is POSTGRES else "",
        }

        def load(batch: list[Request]) -> tuple[list[Reply], float]:
            return run_closed_loop(host=HOST, port=port, requests=batch, concurrency=clients)

        # Warm-up, not counted: every worker through the floor and both paths of a
        # registration (confirmed, then the waiting list) on an activity of its own.
        warm, _ = load(floor_requests(port, 1000))
        warm += load(
            registration_requests(port, ids["warmup"], 400, seed=seed + 1000, tag=f"{tag}w")
        )[0]
        warm_errors = [r for r in warm if r.status not in (200, 201)]
        if warm_errors:
            first = warm_errors[0]
            log(f"  warm-up: {len(warm_errors)} errors, e.g. {first.status or first.error}")
        result["warmup_errors"] = len(warm_errors)

        batch = floor_requests(port, floor_requests_count)
        wait_for_quiet(max_others_pct=10, timeout=quiet_wait, log=log, **meter_args)
        with CpuMeter(**meter_args) as meter:
            floor, window = load(batch)
        result["floor"] = _phase("floor GET /healthz", floor, window, meter.use, ok=200)

        batch = registration_requests(port, ids["rush"], requests, seed=seed, tag=tag)
        wait_for_quiet(max_others_pct=10, timeout=quiet_wait, log=log, **meter_args)
        with CpuMeter(**meter_args) as meter:
            rush, window = load(batch)
        result["rush"] = _phase("rush POST registrations", rush, window, meter.use, ok=201)
        result["rush"]["by_answer"] = _by_answer(rush, window)
        result["rush"]["by_tenth"] = _by_tenth(rush, window)

    acks = acknowledged(rush)
    check = check_database(engine.database_url, ids["rush"], acks)
    result["check"] = asdict(check)
    result["check"]["tally_matches"] = check.tally_matches
    result["problems"] = check.problems(every_row_acknowledged=True)
    log(
        f"  database: {check.rows} rows for {check.acknowledged} 201 answers, "
        f"{check.held_seats}/{check.capacity} seats held, overbooked {check.overbooked}, "
        f"lost {check.lost}, tally {'matches' if check.tally_matches else 'DIFFERS'}; "
        f"registrations without a mail in the outbox: {check.unmailed_rows}"
    )
    for problem in result["problems"]:
        log(f"  PROBLEM: {problem}")
    raw = {
        "floor": [_raw(r) for r in floor],
        "rush": [_raw(r) for r in rush],
    }
    return result, raw


def _raw(reply: Reply) -> dict:
    return {
        "kind": reply.kind,
        "sent": round(reply.sent, 6),
        "latency_ms": round(reply.latency_ms, 3),
        "status": reply.status,
        "error": reply.error,
    }
