"""Benchmark databases: one SQLite file and one PostgreSQL database, filled once and reused.

Filling 100,000 activities (and, for the spaces part, 520,000 room bookings) takes minutes,
so a database that already holds enough of them is reused (after ``migrate``, which is cheap
and picks up new migrations); ``--rebuild`` starts from an empty one. Every management
command runs under the production settings, the same ones the server uses.
"""

import os
import secrets
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
BENCH_VAR = BASE_DIR / "var" / "bench"
PYTHON = BASE_DIR / ".venv" / "bin" / "python"
COMMANDS_DIR = BASE_DIR / "ontmoet" / "demo" / "management" / "commands"
REQUIRED_COMMANDS = ("load_demo", "generate_scale")
PG_ADMIN = {"host": "127.0.0.1", "port": 5432, "user": "postgres", "dbname": "postgres"}
PG_NAME = "ontmoet_bench"

# Keep the run independent of whatever the calling shell has configured.
SCRUBBED_ENV = ("DATABASE_URL", "REDIS_URL", "DEBUG", "DJANGO_SETTINGS_MODULE", "CONN_MAX_AGE")


@dataclass
class Engine:
    name: str  # "SQLite" or "PostgreSQL"
    database_url: str
    sqlite_path: Path | None = None


SQLITE = Engine(
    name="SQLite",
    database_url=f"sqlite:///{BENCH_VAR / 'ontmoet.sqlite3'}",
    sqlite_path=BENCH_VAR / "ontmoet.sqlite3",
)
POSTGRES = Engine(
    name="PostgreSQL",
    database_url=f"postgres://postgres@127.0.0.1:5432/{PG_NAME}",
)

SECRET_KEY = secrets.token_urlsafe(48)[:64]


def django_env(engine: Engine) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in SCRUBBED_ENV}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY=SECRET_KEY,
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="false",
        ONTMOET_VAR_DIR=str(BENCH_VAR),
        DATABASE_URL=engine.database_url,
        LOG_LEVEL="WARNING",
        PYTHONUNBUFFERED="1",
    )
    return env


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", flush=True)


def manage(engine: Engine, *args: str, capture: bool = False) -> str:
    """Run ``manage.py`` under the production settings; raise on failure."""
    started = time.monotonic()
    result = subprocess.run(
        [str(PYTHON), "manage.py", *args],
        cwd=BASE_DIR,
        env=django_env(engine),
        capture_output=capture,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        detail = (result.stderr or "")[-2000:] if capture else ""
        raise RuntimeError(f"manage.py {' '.join(args)} failed ({result.returncode}) {detail}")
    if not capture:
        log(f"  manage.py {' '.join(args)}: {time.monotonic() - started:.1f} s")
    return result.stdout if capture else ""


def wait_for_commands(timeout: float) -> None:
    """The data commands are written elsewhere; wait for them rather than fail at once."""
    deadline = time.monotonic() + timeout
    announced = False
    while True:
        missing = [c for c in REQUIRED_COMMANDS if not (COMMANDS_DIR / f"{c}.py").exists()]
        if not missing:
            return
        if time.monotonic() > deadline:
            raise RuntimeError(f"management command(s) missing: {', '.join(missing)}")
        if not announced:
            log(f"waiting up to {timeout:.0f} s for command(s): {', '.join(missing)}")
            announced = True
        time.sleep(15)


def postgres_reachable() -> str | None:
    """None when the server answers, otherwise why not."""
    try:
        import psycopg
    except ImportError:
        return "psycopg is not installed in the virtualenv"
    try:
        with psycopg.connect(**PG_ADMIN, connect_timeout=3):
            return None
    except psycopg.Error as exc:
        return str(exc).strip().splitlines()[0]


def _pg_admin(sql: str) -> None:
    import psycopg

    with psycopg.connect(**PG_ADMIN, autocommit=True) as conn:
        conn.execute(sql)


def _pg_exists() -> bool:
    import psycopg

    with psycopg.connect(**PG_ADMIN) as conn:
        row = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [PG_NAME]).fetchone()
        return row is not None


def reset(engine: Engine) -> None:
    if engine.sqlite_path is not None:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{engine.sqlite_path}{suffix}").unlink(missing_ok=True)
    else:
        _pg_admin(f'DROP DATABASE IF EXISTS "{PG_NAME}" WITH (FORCE)')
        _pg_admin(f'CREATE DATABASE "{PG_NAME}"')


COUNT_SCRIPT = """
from django.utils import timezone
from ontmoet.programme.models import Activity
try:
    upcoming = Activity.objects.public().upcoming(timezone.now()).count()
except Exception:  # the queryset API moved; the total is what matters
    upcoming = -1
print(Activity.objects.count(), upcoming)
"""


def activity_counts(engine: Engine) -> tuple[int, int]:
    """(all activities, public upcoming ones) in the engine's database."""
    out = manage(engine, "shell", "-c", COUNT_SCRIPT, capture=True)
    total, upcoming = out.split()[-2:]
    return int(total), int(upcoming)


BOOKING_COUNT_SCRIPT = """
from ontmoet.bookings.models import Booking
from ontmoet.demo.scale_bookings import scale_bookings
from ontmoet.venues.models import Branch, Space
print(
    Booking.objects.count(),
    scale_bookings().count(),
    Booking.objects.filter(is_long=True).count(),
    Booking.objects.filter(status="confirmed").count(),
    Space.objects.count(),
    Branch.objects.count(),
)
"""
BOOKING_COUNT_KEYS = ("all", "generated", "long", "confirmed", "spaces", "branches")


def booking_counts(engine: Engine) -> dict[str, int]:
    """How many room bookings the engine's database holds (all, generated, long, ...)."""
    if not (COMMANDS_DIR.parent.parent / "scale_bookings.py").exists():
        return dict.fromkeys(BOOKING_COUNT_KEYS, 0)
    out = manage(engine, "shell", "-c", BOOKING_COUNT_SCRIPT, capture=True)
    values = [int(v) for v in out.split()[-len(BOOKING_COUNT_KEYS) :]]
    return dict(zip(BOOKING_COUNT_KEYS, values, strict=True))


def prepare(engine: Engine, *, activities: int, rebuild: bool, bookings: int = 0) -> dict:
    """Bring the engine's database to ``activities`` activities and, if ``bookings``, that
    many generated room bookings; return what it holds."""
    BENCH_VAR.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    if engine.sqlite_path is None and not _pg_exists():
        _pg_admin(f'CREATE DATABASE "{PG_NAME}"')
    elif rebuild:
        log(f"{engine.name}: --rebuild, dropping the benchmark database")
        reset(engine)
    manage(engine, "migrate", "--noinput", "-v0")
    total, _ = activity_counts(engine)
    generated = booking_counts(engine)["generated"] if bookings else 0
    reused = total >= activities and generated >= bookings
    if reused:
        log(
            f"{engine.name}: reusing the prepared database ({total:,} activities"
            + (f", {generated:,} generated room bookings)" if bookings else ")")
        )
    else:
        # Both commands are idempotent: load_demo changes nothing the second time and
        # generate_scale tops the generated activities (and bookings) up, so a half-filled
        # database is completed rather than thrown away.
        log(
            f"{engine.name}: {total:,} activities, {generated:,} generated room bookings; "
            "loading the demo and generating more"
        )
        if total < activities:
            manage(engine, "load_demo")
        command = ["generate_scale", "--activities", str(activities)]
        if bookings:
            command += ["--bookings", str(bookings)]
        manage(engine, *command)
    if engine.sqlite_path is None:
        # Autovacuum would analyse the freshly filled tables within minutes anyway; doing it
        # now keeps it from happening (and changing plans) in the middle of a measurement.
        import psycopg

        with psycopg.connect(engine.database_url, autocommit=True) as conn:
            conn.execute("VACUUM ANALYZE")
    total, upcoming = activity_counts(engine)
    if total < activities:
        raise RuntimeError(f"{engine.name}: expected {activities:,} activities, found {total:,}")
    result = {
        "activities": total,
        "upcoming_public": upcoming,
        "reused": reused,
        "prepare_seconds": time.monotonic() - started,
    }
    if bookings:
        counts = booking_counts(engine)
        # The spaces are nearly full at this scale: a handful may not fit, which is no reason
        # to throw the run away; the report says how many there are.
        if counts["generated"] < 0.99 * bookings:
            raise RuntimeError(
                f"{engine.name}: expected {bookings:,} generated room bookings, "
                f"found {counts['generated']:,}"
            )
        result["bookings"] = counts
    return result


def collectstatic() -> None:
    manage(SQLITE, "collectstatic", "--noinput", "-v0")
