"""Crash safety of registrations: kill -9 the production server in the middle of a rush.

Starts gunicorn with the production settings on a database, fires registration POSTs at a
fresh 100-seat activity from 32 concurrent clients, and 0-10 ms after a random share (20-80%)
of them is answered SIGKILLs the master and every worker at once. Nothing is restarted: the
database is opened directly (plain SQL) and must show

- every registration answered with 201 (found by the digest of the token in its manage link,
  with its email address);
- no more seats held (confirmed + offered) than the capacity;
- the activity's Tally equal to what its rows add up to;
- no address registered twice; on SQLite, a file that passes ``PRAGMA quick_check``;
- a mail waiting in the outbox (``OutboxMessage``, written in the registration's
  transaction) for every registration committed, answered or not.

Registrations committed whose answer was lost in the crash (the requests in flight) are
counted and reported; they do not fail the run. Several rounds (``--rounds``), each with
its own activity and a new server. Prints PASS or FAIL; the exit status is non-zero on FAIL.

    .venv/bin/python bench/crash_rush.py            # SQLite in var/bench/crash/
    .venv/bin/python bench/crash_rush.py --database-url postgres://postgres@127.0.0.1:5432/ontmoet_crash

The database is migrated (and, when it has no demo data, given ``load_demo``) first; a
PostgreSQL database that does not exist is created. ``--fresh`` starts from an empty one.
"""

import argparse
import asyncio
import random
import sys
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import rush
from load import run_closed_loop
from prepare import BENCH_VAR, Engine, collectstatic, log, manage
from server import HOST, Gunicorn

CRASH_VAR = BENCH_VAR / "crash"
DEFAULT_URL = f"sqlite:///{CRASH_VAR / 'ontmoet.sqlite3'}"


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database-url", default=DEFAULT_URL, help=f"default {DEFAULT_URL}")
    parser.add_argument("--requests", type=int, default=3000, help="POSTs per round at most")
    parser.add_argument("--clients", type=int, default=32, help="concurrent clients")
    parser.add_argument("--rounds", type=int, default=3, help="crashes, each on a new activity")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--seed", type=int, default=None, help="seed of the kill points")
    parser.add_argument(
        "--fresh", action="store_true", help="start from an empty database (dropped first)"
    )
    return parser.parse_args(argv)


def engine_for(url: str) -> Engine:
    if url.startswith("sqlite:///"):
        path = Path(url.removeprefix("sqlite:///"))
        return Engine(name="SQLite", database_url=url, sqlite_path=path)
    if url.split("://", 1)[0] in ("postgres", "postgresql"):
        return Engine(name="PostgreSQL", database_url=url)
    raise SystemExit(f"unsupported database URL: {url}")


def ensure_database(engine: Engine, fresh: bool) -> None:
    if engine.sqlite_path is not None:
        engine.sqlite_path.parent.mkdir(parents=True, exist_ok=True)
        if fresh:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{engine.sqlite_path}{suffix}").unlink(missing_ok=True)
        return
    import psycopg

    parts = urlsplit(engine.database_url)
    name = parts.path.lstrip("/")
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        if fresh:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            log(f"creating the PostgreSQL database {name}")
            conn.execute(f'CREATE DATABASE "{name}"')


def gone(pid: int) -> bool:
    """The process no longer runs (reaped, or a zombie waiting for its parent)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return True
    return stat.rsplit(")", 1)[1].split()[0] == "Z"


def crash_round(
    engine: Engine, activity_id: int, number: int, args: argparse.Namespace, rng
) -> list[str]:
    """One rush with a kill in the middle; the problems found (empty: passed)."""
    rush.reset_mail_queue(CRASH_VAR)
    env = {**rush.RATE_LIMIT_ENV, "ONTMOET_VAR_DIR": str(CRASH_VAR)}
    log_path = CRASH_VAR / f"gunicorn-{engine.name.lower()}.log"
    server = Gunicorn(engine, workers=args.workers, worker_class="sync", env=env, log_path=log_path)
    server.__enter__()
    requests = rush.registration_requests(
        server.port, activity_id, args.requests, seed=rng.randrange(1 << 30), tag=f"c{number}"
    )
    kill_at = rng.randint(args.requests // 5, args.requests * 4 // 5)
    # A little later than that answer, so that the kill falls anywhere in the requests the
    # workers are handling (one takes a few milliseconds), not just after one ended.
    kill_delay = rng.uniform(0, 0.01)
    killed: list[int] = []
    killed_at = 0.0
    scheduled = False

    def kill() -> None:
        nonlocal killed_at
        killed.extend(server.kill())
        killed_at = time.perf_counter()

    def on_reply(reply, answered: int) -> bool:
        nonlocal scheduled
        if answered >= kill_at and not scheduled:
            scheduled = True
            asyncio.get_running_loop().call_later(kill_delay, kill)
        return bool(killed)  # after the kill send nothing more; what is in flight fails

    try:
        replies, window = run_closed_loop(
            host=HOST,
            port=server.port,
            requests=requests,
            concurrency=args.clients,
            timeout=30,
            on_reply=on_reply,
        )
    finally:
        if not killed:  # the rush ended before the kill point: stop the server anyway
            server.__exit__(None, None, None)
    problems: list[str] = []
    if not killed:
        problems.append("the server was not killed during the rush")
    time.sleep(0.5)
    alive = [pid for pid in killed if not gone(pid)]
    if alive:
        problems.append(f"processes still running after SIGKILL: {alive}")
    answers = Counter(str(r.status) for r in replies if not r.error)
    failed = Counter(r.error for r in replies if r.error)
    before_kill = Counter(
        r.error for r in replies if r.error and (not killed or r.done < killed_at)
    )
    log(
        f"round {number} ({engine.name}): killed pids {', '.join(map(str, killed))} (master "
        f"and {len(killed) - 1} workers) {1000 * kill_delay:.1f} ms after answer {kill_at:,}; "
        f"{len(replies):,} requests sent "
        f"in {window:.1f} s; answers: "
        + ", ".join(f"HTTP {k}: {n:,}" for k, n in sorted(answers.items()))
        + "; no answer (in flight at the kill): "
        + (", ".join(f"{k}: {n}" for k, n in sorted(failed.items())) or "none")
    )
    if set(answers) - {"201"}:
        problems.append(f"answers other than 201: {dict(answers)}")
    if before_kill:
        problems.append(f"requests failed before the kill: {dict(before_kill)}")

    acks = rush.acknowledged(replies)
    check = rush.check_database(engine.database_url, activity_id, acks)
    log(
        f"  database: {check.rows:,} rows; {check.acknowledged:,} answered 201, "
        f"{check.lost} of them missing; {check.unacknowledged_rows} committed without an "
        f"answer (in flight at the kill); seats held {check.held_seats}/{check.capacity}, "
        f"overbooked {check.overbooked}; tally {'matches' if check.tally_matches else 'DIFFERS'}"
        f"; integrity {check.integrity}"
    )
    if check.unmailed_rows is None:
        log("  mail: no outbox table, not checked")
    else:
        log(
            f"  mail: acknowledged registrations without a mail in the outbox: "
            f"{check.unmailed_acknowledged}; committed ones without: {check.unmailed_rows}"
        )
    problems += check.problems(every_row_acknowledged=False)
    if check.lost_examples:
        log(f"  missing, e.g.: {', '.join(check.lost_examples)}")
    return problems


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    engine = engine_for(args.database_url)
    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    rng = random.Random(seed)
    CRASH_VAR.mkdir(parents=True, exist_ok=True)
    log(f"crash test on {engine.name} ({engine.database_url}), seed {seed}")
    ensure_database(engine, args.fresh)
    collectstatic()
    manage(engine, "migrate", "--noinput", "-v0")
    tag = time.strftime("%Y%m%d-%H%M%S", time.gmtime())
    keys = tuple(f"crash{n}" for n in range(1, args.rounds + 1))
    activities = rush.create_activities(engine, keys, tag)
    failures: list[str] = []
    for number, key in enumerate(keys, start=1):
        problems = crash_round(engine, activities[key], number, args, rng)
        for problem in problems:
            log(f"  PROBLEM: {problem}")
        failures += [f"round {number}: {p}" for p in problems]
    print()
    if failures:
        print(f"FAIL: crash safety on {engine.name}, {args.rounds} rounds (seed {seed})")
        for failure in failures:
            print(f"  - {failure}")
        return 1
    print(
        f"PASS: crash safety on {engine.name}, {args.rounds} rounds (seed {seed}): every "
        "registration answered 201 survived a SIGKILL of the whole server, no activity was "
        "overbooked and every Tally matched its rows."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
