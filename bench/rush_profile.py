"""Where a registration POST spends its time: the rush's requests in one process, no server.

Runs ``--requests`` registration POSTs one after the other through Django's test client
(the whole middleware and DRF stack, no gunicorn, no concurrency, so no lock waits) under the
production settings, against the benchmark database of an engine, at a fresh 100-seat
activity made as bench/rush.py makes it. For each tenth of the rush it prints the wall and
CPU time per POST, the queries per POST and the time spent in them, and for the first and
last tenth the time per kind of query — so a cost that grows with the waiting list shows.
``--cprofile`` adds a cProfile of the last tenth (cumulative, top functions).

    .venv/bin/python bench/rush_profile.py sqlite
    .venv/bin/python bench/rush_profile.py postgresql --requests 10000 --cprofile

The benchmark database must be prepared (``make bench`` or ``bench/run.py --only rush``).
"""

import argparse
import cProfile
import io
import json
import os
import pstats
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

import rush
from prepare import BASE_DIR, POSTGRES, SQLITE, django_env

ENGINES = {"sqlite": SQLITE, "postgresql": POSTGRES}


def query_kind(sql: str) -> str:
    """A short label for a statement: what it does, and to which table."""
    sql = " ".join(sql.split())
    table = re.search(r'(?:FROM|INTO|UPDATE) "(\w+)"', sql)
    name = table.group(1) if table else ""
    if sql.startswith("SELECT COUNT"):
        what = "count"
    elif re.match(r'SELECT (1|%s) AS "a" ', sql):
        what = "exists"
    elif sql.startswith("SELECT"):
        what = "select for update" if " FOR " in sql[-60:] else "select"
    else:
        what = sql.split()[0].lower()
    return f"{what} {name}".strip()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("engine", choices=sorted(ENGINES))
    parser.add_argument("--requests", type=int, default=10_000)
    parser.add_argument("--cprofile", action="store_true", help="profile the last tenth")
    parser.add_argument("--dump", metavar="PATH", help="with --cprofile: also save the stats")
    args = parser.parse_args(argv)
    engine = ENGINES[args.engine]
    activity_id = rush.create_activities(engine, ("profile",), "profile")["profile"]

    os.environ.update(django_env(engine))
    os.environ.update(rush.RATE_LIMIT_ENV)
    os.chdir(BASE_DIR)
    sys.path.insert(0, str(BASE_DIR))
    import django

    django.setup()
    from django.db import connection
    from django.test import Client

    client = Client(REMOTE_ADDR="127.0.0.1", HTTP_HOST="127.0.0.1")
    path = f"/api/v1/activities/{activity_id}/registrations"
    queries: dict[str, list] = defaultdict(lambda: [0, 0.0])

    def timed(execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            entry = queries[query_kind(sql)]
            entry[0] += 1
            entry[1] += time.perf_counter() - started

    def post(i: int) -> None:
        body = {"name": f"H {i}", "email": f"p{i}@example.org", "seats": 1 + i % 4}
        response = client.post(path, data=json.dumps(body), content_type="application/json")
        if response.status_code != 201:
            raise SystemExit(f"POST {i}: {response.status_code} {response.content[:300]!r}")

    for i in range(20):  # warm: imports, connections, the first confirmed registrations
        post(-1 - i)
    tenth = max(1, args.requests // 10)
    print(f"{args.engine}: {args.requests:,} POSTs at activity {activity_id}, in tenths")
    with connection.execute_wrapper(timed):
        for part in range(10):
            queries.clear()
            profile = cProfile.Profile() if args.cprofile and part == 9 else None
            wall, cpu = time.perf_counter(), time.process_time()
            if profile:
                profile.enable()
            for i in range(part * tenth, (part + 1) * tenth):
                post(i)
            if profile:
                profile.disable()
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            sql = sum(t for _, t in queries.values())
            count = sum(n for n, _ in queries.values())
            print(
                f"  {part * 10:3d}-{part * 10 + 10:3d}%: {1000 * wall / tenth:5.2f} ms/POST wall, "
                f"{1000 * cpu / tenth:5.2f} ms CPU of this process, {count / tenth:4.1f} "
                f"queries taking {1000 * sql / tenth:5.2f} ms"
            )
            if part in (0, 9):
                for kind, (n, t) in sorted(queries.items(), key=lambda kv: -kv[1][1]):
                    print(f"        {1000 * t / tenth:6.3f} ms  {n / tenth:4.1f}x  {kind}")
            if profile:
                out = io.StringIO()
                pstats.Stats(profile, stream=out).sort_stats("cumulative").print_stats(45)
                if args.dump:
                    profile.dump_stats(args.dump)
                print(out.getvalue().replace(str(Path(sys.prefix)), "<venv>"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
