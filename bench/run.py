"""`make bench`: the programme, a registration rush and the spaces, under the production server.

For SQLite and then PostgreSQL: prepare a database with 100,000 activities and 520,000 room
bookings (reused between runs), start gunicorn with the production settings, and drive each
scenario (floor, programme page, API list) with an open-loop load of 50 requests/s. Then the
registration rush (rush.py): a fresh 100-seat activity, a new server, the floor and 10,000
registration POSTs from 32 concurrent clients, and a check of the database. Then the spaces
(spaces.py): the floor, a branch's spaces for a week and the occupancy feed, open loop at the
same rate, on a server of their own. Then the debate vote (debate.py): a fresh debate, a
server of its own, the floor, and 2,000 votes in 10 s while 500 phones poll the result every
2 s, open loop, and a count of the votes in the database. ``--only programme``, ``--only
rush``, ``--only spaces`` or ``--only debate`` (or a comma-separated list) runs only those
parts. Results go to stdout and to docs/benchmarks.md; raw samples to var/bench/. The exit
status is non-zero only when requests failed, the rush or the vote left the database wrong,
or an engine could not be measured — a missed target is reported, not an error.
See docs/benchmarks.md for the method.
"""

import argparse
import json
import sys
import time
from dataclasses import asdict

import debate
import report
import rush
import scenarios
import spaces
from cpu import CpuMeter, wait_for_quiet
from load import run_open_loop, summarise
from prepare import (
    BENCH_VAR,
    PG_ADMIN,
    PG_NAME,
    POSTGRES,
    SQLITE,
    Engine,
    collectstatic,
    log,
    postgres_reachable,
    prepare,
    wait_for_commands,
)
from server import HOST, Gunicorn

ENGINES = {"sqlite": SQLITE, "postgresql": POSTGRES}
PARTS = ("programme", "rush", "spaces", "debate")
# Where each part's results go in the run.
RESULT_KEYS = {"programme": "engines", "rush": "rush", "spaces": "spaces", "debate": "debate"}


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--engines", default="sqlite,postgresql", help="comma-separated")
    parser.add_argument(
        "--only",
        default=",".join(PARTS),
        help="comma-separated parts: programme, rush, spaces, debate",
    )
    parser.add_argument("--activities", type=int, default=100_000)
    parser.add_argument(
        "--bookings", type=int, default=520_000, help="generated room bookings (spaces part)"
    )
    parser.add_argument("--rebuild", action="store_true", help="refill the databases")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--worker-class", default="sync", help="gunicorn worker class")
    parser.add_argument("--rate", type=float, default=50.0, help="requests per second")
    parser.add_argument("--duration", type=float, default=20.0, help="measured seconds")
    parser.add_argument("--warmup", type=float, default=5.0, help="warm-up seconds")
    parser.add_argument("--threads", type=int, default=16, help="load generator threads")
    parser.add_argument("--seed", type=int, default=1, help="seed of the URL sequence")
    parser.add_argument(
        "--wait-for-commands",
        type=float,
        default=1200,
        help="seconds to wait for load_demo/generate_scale to exist",
    )
    parser.add_argument(
        "--quiet-wait",
        type=float,
        default=120,
        help="seconds each scenario waits for other work to leave the CPUs",
    )
    parser.add_argument(
        "--rush-requests", type=int, default=10_000, help="registration POSTs in the rush"
    )
    parser.add_argument(
        "--rush-clients", type=int, default=32, help="concurrent clients of the rush"
    )
    parser.add_argument(
        "--floor-requests", type=int, default=10_000, help="GET /healthz before the rush"
    )
    parser.add_argument(
        "--debate-voters", type=int, default=debate.VOTERS, help="voters in the 10 s of the vote"
    )
    parser.add_argument(
        "--debate-phones", type=int, default=debate.PHONES, help="phones polling every 2 s"
    )
    parser.add_argument("--no-docs", action="store_true", help="leave docs/benchmarks.md")
    args = parser.parse_args(argv)
    unknown = set(args.engines.split(",")) - set(ENGINES)
    if unknown:
        parser.error(f"unknown engine(s): {', '.join(sorted(unknown))}")
    args.parts = [p for p in PARTS if p in args.only.split(",")]
    if not args.parts or set(args.only.split(",")) - set(PARTS):
        parser.error(f"--only takes one or more of: {', '.join(PARTS)}")
    return args


def measure(
    engine: Engine, args: argparse.Namespace, database: dict, build=scenarios.build
) -> tuple[dict, dict]:
    """Results and raw samples of one engine's scenarios (``build(port)`` lists them: the
    programme's by default)."""
    result: dict = {"engine": engine.name, "database": database, "scenarios": []}
    raw: dict = {}
    with Gunicorn(engine, workers=args.workers, worker_class=args.worker_class) as server:
        log(f"{engine.name}: gunicorn on port {server.port} ({args.workers} workers)")
        meter_args = {
            "server_pid": server.process.pid,
            "db_marker": PG_NAME if engine is POSTGRES else "",
        }
        for scenario in build(server.port):
            before = wait_for_quiet(
                max_others_pct=10, timeout=args.quiet_wait, log=log, **meter_args
            )
            warm, _ = run_open_loop(
                host=HOST,
                port=server.port,
                next_request=scenario.generator(args.seed + 1000),
                rate=args.rate,
                duration=args.warmup,
                threads=args.threads,
            )
            warm_errors = [s for s in warm if s.status != 200]
            if warm_errors:
                first = warm_errors[0]
                log(
                    f"  warm-up of {scenario.key}: {len(warm_errors)} errors, "
                    f"e.g. {first.status or first.error} for {first.url}"
                )
            with CpuMeter(**meter_args) as meter:
                samples, window = run_open_loop(
                    host=HOST,
                    port=server.port,
                    next_request=scenario.generator(args.seed),
                    rate=args.rate,
                    duration=args.duration,
                    threads=args.threads,
                )
            stats = summarise(samples, window)
            by_kind = {}
            for kind in sorted(scenario.kinds):
                mine = [s for s in samples if s.kind == kind]
                by_kind[kind] = asdict(summarise(mine, window))
            result["scenarios"].append(
                {
                    "key": scenario.key,
                    "label": scenario.label,
                    "target_p95_ms": scenario.target_p95_ms,
                    "stats": asdict(stats),
                    "by_kind": by_kind,
                    "cpu": asdict(meter.use),
                    "server_cpu_ms": 1000 * meter.use.server_seconds / max(1, stats.requests),
                    "generator_cpu_ms": 1000 * meter.use.generator_seconds / max(1, stats.requests),
                    "cpu_before": asdict(before),
                    "warmup_errors": len(warm_errors),
                }
            )
            raw[scenario.key] = [
                {
                    "kind": s.kind,
                    "url": s.url,
                    "latency_ms": round(s.latency_ms, 3),
                    "lag_ms": round(s.lag_ms, 3),
                    "status": s.status,
                    "bytes": s.size,
                    "error": s.error,
                }
                for s in samples
            ]
            log(
                f"  {scenario.key}: p50 {stats.p50:.1f} ms, p95 {stats.p95:.1f} ms, "
                f"p99 {stats.p99:.1f} ms, max {stats.max:.1f} ms, {stats.rate:.1f} req/s, "
                f"{stats.errors} errors; CPU {meter.use.busy_pct:.0f}% busy, "
                f"{meter.use.others_pct:.0f}% other work"
            )
            time.sleep(1)
    result["max_lag_ms"] = max(sc["stats"]["lag_max"] for sc in result["scenarios"])
    return result, raw


def postgres_version() -> str:
    import psycopg

    with psycopg.connect(**PG_ADMIN) as conn:
        version = conn.execute("SHOW server_version").fetchone()[0]
    return f"PostgreSQL {version.split()[0]}"


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    started = time.monotonic()
    wait_for_commands(args.wait_for_commands)
    log("collectstatic (production storage)")
    collectstatic()
    run: dict = {
        "config": {
            "rate": args.rate,
            "duration": args.duration,
            "warmup": args.warmup,
            "workers": args.workers,
            "worker_class": args.worker_class,
            "activities": args.activities,
            "bookings": args.bookings,
            "seed": args.seed,
        },
        "rush_config": {
            "requests": args.rush_requests,
            "clients": args.rush_clients,
            "floor_requests": args.floor_requests,
            "capacity": rush.CAPACITY,
            "workers": args.workers,
            "worker_class": args.worker_class,
            "seed": args.seed,
        },
        "debate_config": {
            "voters": args.debate_voters,
            "seconds": debate.VOTE_SECONDS,
            "phones": args.debate_phones,
            "poll_every": debate.POLL_EVERY,
            "tail": debate.TAIL,
            "retry_share": debate.RETRY_SHARE,
            "workers": args.workers,
            "worker_class": args.worker_class,
            "seed": args.seed,
        },
        "engines": [],
        "rush": [],
        "spaces": [],
        "debate": [],
    }
    raw_all: dict = {}
    failed = False

    def skip_or_fail(engine: Engine, key: str, why: str) -> None:
        for part in args.parts:
            run[RESULT_KEYS[part]].append({"engine": engine.name, key: why})

    for key in args.engines.split(","):
        engine = ENGINES[key]
        if engine is POSTGRES:
            why = postgres_reachable()
            if why:
                log(f"PostgreSQL skipped: not reachable at 127.0.0.1:5432 ({why})")
                skip_or_fail(engine, "skipped", f"not reachable at 127.0.0.1:5432 ({why})")
                continue
            run["postgres_version"] = postgres_version()
        log(f"{engine.name}: preparing")
        try:
            database = prepare(
                engine,
                activities=args.activities,
                rebuild=args.rebuild,
                bookings=args.bookings if "spaces" in args.parts else 0,
            )
        except Exception as exc:  # report the engine as failed, go on with the next
            log(f"{engine.name} FAILED: {exc}")
            skip_or_fail(engine, "failed", str(exc))
            failed = True
            continue
        raw_all[engine.name] = {}
        if "programme" in args.parts:
            try:
                result, raw = measure(engine, args, database)
            except Exception as exc:
                log(f"{engine.name} FAILED: {exc}")
                run["engines"].append({"engine": engine.name, "failed": str(exc)})
                failed = True
            else:
                run["engines"].append(result)
                raw_all[engine.name].update(raw)
                if any(sc["stats"]["errors"] or sc["warmup_errors"] for sc in result["scenarios"]):
                    failed = True
        if "rush" in args.parts:
            try:
                result, raw = rush.measure(
                    engine,
                    requests=args.rush_requests,
                    clients=args.rush_clients,
                    floor_requests_count=args.floor_requests,
                    seed=args.seed,
                    workers=args.workers,
                    worker_class=args.worker_class,
                    quiet_wait=args.quiet_wait,
                )
            except Exception as exc:
                log(f"{engine.name} rush FAILED: {exc}")
                run["rush"].append({"engine": engine.name, "failed": str(exc)})
                failed = True
            else:
                run["rush"].append(result)
                raw_all[engine.name].update({f"rush-{k}": v for k, v in raw.items()})
                if result["rush"]["stats"]["errors"] or result["problems"]:
                    failed = True
        if "spaces" in args.parts:
            try:
                result, raw = measure(engine, args, database, build=spaces.build)
            except Exception as exc:
                log(f"{engine.name} spaces FAILED: {exc}")
                run["spaces"].append({"engine": engine.name, "failed": str(exc)})
                failed = True
            else:
                run["spaces"].append(result)
                raw_all[engine.name].update({f"spaces-{k}": v for k, v in raw.items()})
                if any(sc["stats"]["errors"] or sc["warmup_errors"] for sc in result["scenarios"]):
                    failed = True
        if "debate" in args.parts:
            try:
                result, raw = debate.measure(
                    engine,
                    seed=args.seed,
                    workers=args.workers,
                    worker_class=args.worker_class,
                    quiet_wait=args.quiet_wait,
                    threads=args.threads,
                    voters=args.debate_voters,
                    phones=args.debate_phones,
                )
            except Exception as exc:
                log(f"{engine.name} debate FAILED: {exc}")
                run["debate"].append({"engine": engine.name, "failed": str(exc)})
                failed = True
            else:
                run["debate"].append(result)
                raw_all[engine.name].update({f"debate-{k}": v for k, v in raw.items()})
                if result["vote"]["errors"] or result["floor"]["errors"] or result["problems"]:
                    failed = True

    run["machine"] = report.machine()
    run["runtime_seconds"] = time.monotonic() - started
    stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
    raw_path = BENCH_VAR / f"results-{stamp}.json"
    raw_path.write_text(json.dumps({"run": run, "samples": raw_all}))
    print()
    if run["engines"]:
        print(report.results_markdown(run))
    if run["rush"]:
        print(report.rush_markdown(run))
    if run["spaces"]:
        print(report.spaces_markdown(run))
    if run["debate"]:
        print(report.debate_markdown(run))
    if not args.no_docs:
        report.write_docs(run)
        log(f"results written to {report.DOCS.relative_to(report.BASE_DIR)} and {raw_path}")
    log(f"total {run['runtime_seconds'] / 60:.1f} min")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
