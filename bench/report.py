"""The machine a run happened on, and the results as Markdown for stdout and docs/benchmarks.md."""

import math
import platform
import sqlite3
import subprocess
import sys
from pathlib import Path

from prepare import BASE_DIR

DOCS = BASE_DIR / "docs" / "benchmarks.md"
MARKER = "<!-- Everything below is written by bench/run.py (make bench); edits are overwritten. -->"

INTRO = """# Benchmarks

`make bench` (`bench/run.py`) measures the public programme the way residents reach it: over
HTTP, under the production server (gunicorn, `config.settings.production`, `DEBUG` off, no
access log), with a database holding 100,000 activities, once on SQLite and once on
PostgreSQL. Timing lives here and never in a test.

## Target
With 100,000 activities, under the production server with 2 or more workers, on SQLite and
on PostgreSQL, at 50 requests/s measured at the origin:

- the programme page (`/programma` with realistic filters): p95 ≤ 25 ms;
- the API list (`/api/v1/activities` with filters): p95 ≤ 15 ms;
- and, from the same server in the same run, the floor: a trivial view (`/healthz`, no
  database) — what the server, the framework and the load generator cost on their own.

## Method
- **Data**: `manage.py migrate`, `load_demo` and `generate_scale --activities 100000` into
  `var/bench/` (SQLite) and the database `ontmoet_bench` on `postgres@127.0.0.1:5432`
  (PostgreSQL is skipped, with a message, when it does not answer). A database that already
  holds enough activities is reused; `bench/run.py --rebuild` fills it afresh. PostgreSQL is
  `VACUUM ANALYZE`d after filling, as autovacuum would do shortly after a bulk load; SQLite is
  used as the application leaves it.
- **Server**: `gunicorn config.wsgi --workers 2` (sync workers) with the production settings,
  `SECURE_SSL_REDIRECT=false` because there is no TLS proxy in front, static files collected.
- **Load**: open loop. Request *i* is sent at `t0 + i/50 s` whatever the previous responses
  did, by a pool of threads with their own connections. Each scenario gets a 5 s warm-up (not
  counted), then 20 s measured: 1,000 requests. Latency is from sending the request to
  reading the whole response body. URLs are drawn from a seeded random mix (the same sequence
  every run) with slugs taken from the server's own API:
  - programme: `/programma`, `?theme=`, `?branch=`, `?q=debat`, `?format=&district=`,
    `?page=3`, `/en/programma?audience=`;
  - API: `/api/v1/activities`, `?theme=`, `?branch=&q=taal`.
- **Errors**: any response other than 200 counts as an error. The run exits non-zero on
  errors; a missed target is reported, not treated as a failure.
- The load generator runs on the same machine as the server and the database; the floor
  shows what that costs. Percentiles are nearest-rank over the measured requests.
- **CPU**: each scenario first waits (up to 2 min) until other work on the machine uses at
  most 10% of the CPUs. During the measurement the share of all CPUs that was busy, and the
  part of it that was neither the server, its database backends nor the load generator
  ("other work"), is recorded next to the numbers from per-process CPU times: a run that
  shared the machine says so.
  "Server CPU ms/request" is the CPU time gunicorn and its database backends spent per
  request (the load generator's own share is in the raw results). With 2 CPUs at 50
  requests/s, 40 ms/request would use them fully, and queueing sets in well before that.
  "(saturated)" marks a scenario whose achieved rate fell more than 5% short of the
  offered rate.

## Running it
```sh
make bench                                # both engines, results into this file
.venv/bin/python bench/run.py --help      # --rebuild, --engines, --rate, --duration, ...
```
Raw per-request samples of each run are kept in `var/bench/results-<time>.json`.
"""


def _run(*cmd: str) -> str:
    try:
        return subprocess.run(cmd, capture_output=True, text=True, check=False).stdout.strip()
    except OSError:
        return ""


def machine() -> dict[str, str]:
    import django
    import gunicorn
    import rest_framework

    cpu = "unknown"
    mem = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                mem = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
                break
    except OSError:
        pass
    commit = _run("git", "-C", str(BASE_DIR), "rev-parse", "--short", "HEAD")
    changed = [
        line.split(maxsplit=1)[-1]
        for line in _run(
            "git",
            "--no-optional-locks",  # never take the index lock from under a commit
            "-C",
            str(BASE_DIR),
            "status",
            "--porcelain",
            "--untracked-files=no",
        ).splitlines()
    ]
    dirty = (
        f" with uncommitted changes to {', '.join(f'`{p}`' for p in changed)}" if changed else ""
    )
    return {
        "date": _run("date", "-u"),
        "cpus": _run("nproc"),
        "cpu": cpu,
        "memory": mem,
        "kernel": f"{platform.system()} {platform.release()}",
        "python": sys.version.split()[0],
        "django": django.get_version(),
        "djangorestframework": rest_framework.VERSION,
        "gunicorn": gunicorn.__version__,
        "sqlite": sqlite3.sqlite_version,
        "commit": f"{commit}{dirty}",
    }


def _ms(value: float) -> str:
    return "–" if math.isnan(value) else f"{value:.1f}"


def engine_table(result: dict, rate: float) -> list[str]:
    lines = [
        "| scenario | requests | rate (req/s) | p50 ms | p95 ms | p99 ms | max ms | errors "
        "| target p95 | met? | server CPU ms/request | CPU busy / other work |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---|---|---:|---|",
    ]
    for sc in result["scenarios"]:
        s = sc["stats"]
        target = sc["target_p95_ms"]
        if target is None:
            label = "floor" if sc["key"] == "floor" else "for comparison"
            target_text, met = f"{label} (no target)", "–"
        else:
            target_text = f"≤ {target:g} ms"
            met = "yes" if s["p95"] <= target and s["errors"] == 0 else "**no**"
            if s["rate"] < 0.95 * rate:
                met += " (saturated)"
        lines.append(
            f"| {sc['label']} | {s['requests']} | {s['rate']:.1f} | {_ms(s['p50'])} "
            f"| {_ms(s['p95'])} | {_ms(s['p99'])} | {_ms(s['max'])} | {s['errors']} "
            f"| {target_text} | {met} | {sc['server_cpu_ms']:.1f} "
            f"| {sc['cpu']['busy_pct']:.0f}% / "
            f"{sc['cpu']['others_pct']:.0f}% |"
        )
    return lines


def kinds_table(result: dict) -> list[str]:
    lines = [
        "| URL kind | requests | p50 ms | p95 ms | max ms | errors |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for sc in result["scenarios"]:
        if sc["key"] == "floor":
            continue
        for kind, s in sc["by_kind"].items():
            lines.append(
                f"| `{kind}` | {s['requests']} | {_ms(s['p50'])} | {_ms(s['p95'])} "
                f"| {_ms(s['max'])} | {s['errors']} |"
            )
    return lines


def results_markdown(run: dict) -> str:
    m = run["machine"]
    cfg = run["config"]
    out = [
        "## Latest results",
        "",
        f"- **Date**: {m['date']}",
        f"- **Machine**: {m['cpus']} CPUs ({m['cpu']}), {m['memory']} RAM, {m['kernel']}",
        f"- **Software**: Python {m['python']}, Django {m['django']}, "
        f"DRF {m['djangorestframework']}, gunicorn {m['gunicorn']}, SQLite {m['sqlite']}"
        + (f", {run['postgres_version']}" if run.get("postgres_version") else ""),
        f"- **Code**: commit {m['commit']}",
        f"- **Load**: {cfg['rate']:g} requests/s open loop, {cfg['warmup']:g} s warm-up + "
        f"{cfg['duration']:g} s measured per scenario; gunicorn {cfg['workers']} "
        f"{cfg['worker_class']} workers",
        f"- **Run time**: {run['runtime_seconds'] / 60:.1f} min in all",
        "",
    ]
    for result in run["engines"]:
        out.append(f"### {result['engine']}")
        out.append("")
        if result.get("skipped"):
            out += [f"Skipped: {result['skipped']}", ""]
            continue
        if result.get("failed"):
            out += [f"Failed: {result['failed']}", ""]
            continue
        db = result["database"]
        out.append(
            f"{db['activities']:,} activities"
            + (
                f", {db['upcoming_public']:,} of them public and upcoming"
                if db["upcoming_public"] >= 0
                else ""
            )
            + f"; database {'reused' if db['reused'] else 'prepared in this run'} "
            f"({db['prepare_seconds']:.0f} s). The load generator sent every request at most "
            f"{result['max_lag_ms']:.1f} ms after its scheduled time and used "
            f"{max(sc['generator_cpu_ms'] for sc in result['scenarios']):.1f} ms CPU per "
            "request at most."
        )
        warm = {sc["key"]: sc.get("warmup_errors", 0) for sc in result["scenarios"]}
        if any(warm.values()):
            out.append(
                "Errors during the warm-up (not in the table): "
                + ", ".join(f"{key} {n}" for key, n in warm.items() if n)
                + "."
            )
        out.append("")
        out += engine_table(result, cfg["rate"])
        out += ["", "<details><summary>By URL kind</summary>", ""]
        out += kinds_table(result)
        out += ["", "</details>", ""]
    return "\n".join(out).rstrip() + "\n"


def write_docs(run: dict) -> None:
    head = INTRO
    if DOCS.exists():
        text = DOCS.read_text()
        if MARKER in text:
            head = text.split(MARKER, 1)[0].rstrip() + "\n"
    DOCS.write_text(f"{head}\n{MARKER}\n\n{results_markdown(run)}")
