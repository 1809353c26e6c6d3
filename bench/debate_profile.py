"""Where a vote and a poll of the live result spend their time: in one process, no server.

Sends ``--requests`` result GETs and as many vote POSTs (each a token of its own), one after
the other, through Django's test client (the whole middleware and DRF stack, no gunicorn, no
concurrency) under the production settings, against the benchmark database of an engine, at
a fresh debate made as bench/debate.py makes it. Prints, for each, the wall and CPU time per
request and the statements per request with their time; ``--cprofile`` adds a cProfile of
each (cumulative, top functions).

    .venv/bin/python bench/debate_profile.py sqlite
    .venv/bin/python bench/debate_profile.py postgresql --requests 2000 --cprofile

The benchmark database must be prepared (``make bench`` or ``bench/run.py --only debate``).
"""

import argparse
import cProfile
import io
import json
import os
import pstats
import sys
import time
from collections import defaultdict
from pathlib import Path

import debate
from prepare import BASE_DIR, POSTGRES, SQLITE, django_env
from rush_profile import query_kind

ENGINES = {"sqlite": SQLITE, "postgresql": POSTGRES}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("engine", choices=sorted(ENGINES))
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--cprofile", action="store_true", help="profile both kinds")
    args = parser.parse_args(argv)
    engine = ENGINES[args.engine]
    ids = debate.create_debates(engine, ("profile",), "profile")["profile"]

    os.environ.update(django_env(engine))
    os.environ.update(debate.RATE_LIMIT_ENV)
    os.chdir(BASE_DIR)
    sys.path.insert(0, str(BASE_DIR))
    import django

    django.setup()
    from django.db import connection
    from django.test import Client

    client = Client(REMOTE_ADDR="127.0.0.1", HTTP_HOST="127.0.0.1")
    the_plan = debate.plan(
        ids["activity"], ids["code"], seed=7, voters=args.requests + 50, phones=500
    )
    votes = [t for t in the_plan.timetable if t.kind == "vote"]
    results = f"/api/v1/debates/{ids['activity']}/results"
    queries: dict[str, list] = defaultdict(lambda: [0, 0.0])

    def timed(execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            entry = queries[query_kind(sql)]
            entry[0] += 1
            entry[1] += time.perf_counter() - started

    def vote(i: int) -> None:
        item = votes[i]
        response = client.post(item.url, data=item.body, content_type="application/json")
        if response.status_code != 201:
            raise SystemExit(f"vote {i}: {response.status_code} {response.content[:300]!r}")

    def result(i: int) -> None:
        response = client.get(results if i % 5 else f"{results}?language=en")
        if response.status_code != 200:
            raise SystemExit(f"result {i}: {response.status_code} {response.content[:300]!r}")

    for i in range(50):  # warm: imports, the connection, the first ballots
        vote(args.requests + i)
        result(i)
    print(f"{args.engine}: {args.requests:,} of each at debate {ids['activity']}")
    with connection.execute_wrapper(timed):
        for label, send in (("result GET", result), ("vote POST", vote)):
            queries.clear()
            profile = cProfile.Profile() if args.cprofile else None
            wall, cpu = time.perf_counter(), time.process_time()
            if profile:
                profile.enable()
            for i in range(args.requests):
                send(i)
            if profile:
                profile.disable()
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            n = args.requests
            sql = sum(t for _, t in queries.values())
            count = sum(c for c, _ in queries.values())
            print(
                f"  {label}: {1000 * wall / n:5.2f} ms wall, {1000 * cpu / n:5.2f} ms CPU of this "
                f"process, {count / n:4.1f} statements taking {1000 * sql / n:5.2f} ms"
            )
            for kind, (c, t) in sorted(queries.items(), key=lambda kv: -kv[1][1]):
                print(f"        {1000 * t / n:6.3f} ms  {c / n:4.1f}x  {kind}")
            if profile:
                out = io.StringIO()
                pstats.Stats(profile, stream=out).sort_stats("cumulative").print_stats(40)
                print(out.getvalue().replace(str(Path(sys.prefix)), "<venv>"))
    print(json.dumps({"activity": ids["activity"]}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
