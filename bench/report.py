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
PostgreSQL; then a registration rush, the spaces: a branch's spaces for a week and the
occupancy feed with 520,000 room bookings (issue 4: p95 ≤ 30 ms and ≤ 10 ms), and a debate's
vote: 2,000 votes in 10 s while 500 phones poll the result every 2 s (issue 6: every vote
counted once, p95 ≤ 100 ms for a vote, ≤ 30 ms for the result). Timing lives here and never
in a test.

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
make bench                                # both engines, all parts, results into this file
.venv/bin/python bench/run.py --help      # --rebuild, --engines, --rate, --duration, ...
.venv/bin/python bench/run.py --only spaces  # one part: programme, rush, spaces or debate
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


def _engine_heading(result: dict) -> list[str]:
    """The engine's heading, and why it has no numbers when it was skipped or failed."""
    out = [f"### {result['engine']}", ""]
    for key, label in (("skipped", "Skipped"), ("failed", "Failed")):
        if result.get(key):
            out += [f"{label}: {result[key]}", ""]
    return out


def _measured(result: dict) -> bool:
    return not (result.get("skipped") or result.get("failed"))


def _generator_sentence(result: dict) -> str:
    return (
        "The load generator sent every request at most "
        f"{result['max_lag_ms']:.1f} ms after its scheduled time and used "
        f"{max(sc['generator_cpu_ms'] for sc in result['scenarios']):.1f} ms CPU per "
        "request at most."
    )


def _scenario_tables(result: dict, rate: float) -> list[str]:
    """Warm-up errors if any, the scenario table and the per-URL-kind table of one engine."""
    out = []
    warm = {sc["key"]: sc.get("warmup_errors", 0) for sc in result["scenarios"]}
    if any(warm.values()):
        out.append(
            "Errors during the warm-up (not in the table): "
            + ", ".join(f"{key} {n}" for key, n in warm.items() if n)
            + "."
        )
    out.append("")
    out += engine_table(result, rate)
    out += ["", "<details><summary>By URL kind</summary>", ""]
    out += kinds_table(result)
    out += ["", "</details>", ""]
    return out


def _machine_lines(run: dict) -> list[str]:
    m = run["machine"]
    return [
        f"- **Date**: {m['date']}",
        f"- **Machine**: {m['cpus']} CPUs ({m['cpu']}), {m['memory']} RAM, {m['kernel']}",
        f"- **Software**: Python {m['python']}, Django {m['django']}, "
        f"DRF {m['djangorestframework']}, gunicorn {m['gunicorn']}, SQLite {m['sqlite']}"
        + (f", {run['postgres_version']}" if run.get("postgres_version") else ""),
        f"- **Code**: commit {m['commit']}",
    ]


def results_markdown(run: dict) -> str:
    cfg = run["config"]
    out = [
        "## Latest results",
        "",
        *_machine_lines(run),
        f"- **Load**: {cfg['rate']:g} requests/s open loop, {cfg['warmup']:g} s warm-up + "
        f"{cfg['duration']:g} s measured per scenario; gunicorn {cfg['workers']} "
        f"{cfg['worker_class']} workers",
        f"- **Run time**: {run['runtime_seconds'] / 60:.1f} min in all",
        "",
    ]
    for result in run["engines"]:
        out += _engine_heading(result)
        if not _measured(result):
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
            f"({db['prepare_seconds']:.0f} s). {_generator_sentence(result)}"
        )
        out += _scenario_tables(result, cfg["rate"])
    return "\n".join(out).rstrip() + "\n"


# The rush's targets (the registration issue): on 2 cores, under the production server.
RUSH_TARGETS = {"rate": 400.0, "p95": 100.0, "p99": 300.0}


def _yes(ok: bool) -> str:
    return "yes" if ok else "**no**"


def rush_markdown(run: dict) -> str:
    cfg = run["rush_config"]
    out = [
        "## Registration rush: latest results",
        "",
        *_machine_lines(run),
        f"- **Load**: {cfg['requests']:,} registration POSTs (unique addresses, 1–4 seats) at "
        f"one activity of {cfg['capacity']} seats, from {cfg['clients']} concurrent clients "
        f"(closed loop, one asyncio process); the floor: {cfg['floor_requests']:,} "
        f"`GET /healthz` from the same client and clients, same server, just before; gunicorn "
        f"{cfg['workers']} {cfg['worker_class']} workers; registration rate limits raised to "
        "1,000,000 per window (still counted on every request)",
        "",
    ]
    measured = [r for r in run["rush"] if not r.get("skipped") and not r.get("failed")]
    for r in run["rush"]:
        if r.get("skipped"):
            out += [f"{r['engine']}: skipped: {r['skipped']}", ""]
        elif r.get("failed"):
            out += [f"{r['engine']}: failed: {r['failed']}", ""]
    if not measured:
        return "\n".join(out).rstrip() + "\n"
    out += [
        "| engine | what | requests | per s | p50 ms | p95 ms | p99 ms | max ms | errors "
        "| server CPU ms/request | client CPU ms/request | CPU busy: server / client / other |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for r in measured:
        for key, label in (("floor", "floor `GET /healthz`"), ("rush", "registration POST")):
            ph = r[key]
            s, cpu = ph["stats"], ph["cpu"]
            errors = f"{s['errors']}" + (
                f" ({', '.join(f'{k}: {n}' for k, n in s['error_kinds'].items())})"
                if s["errors"]
                else ""
            )
            out.append(
                f"| {r['engine']} | {label} | {s['requests']:,} | {s['rate']:.0f} "
                f"| {_ms(s['p50'])} | {_ms(s['p95'])} | {_ms(s['p99'])} | {_ms(s['max'])} "
                f"| {errors} | {ph['server_cpu_ms']:.2f} | {ph['generator_cpu_ms']:.2f} "
                f"| {cpu['busy_pct']:.0f}%: {cpu['server_pct']:.0f}% / "
                f"{cpu['generator_pct']:.0f}% / {cpu['others_pct']:.0f}% |"
            )
    t = RUSH_TARGETS
    out += [
        "",
        "Targets of the issue (2 cores), met?",
        "",
        "| target | " + " | ".join(r["engine"] for r in measured) + " |",
        "|---|" + "---|" * len(measured),
    ]

    def row(label: str, cell) -> str:
        return f"| {label} | " + " | ".join(cell(r) for r in measured) + " |"

    def rs(r: dict) -> dict:
        return r["rush"]["stats"]

    out += [
        row(
            f"≥ {t['rate']:g} POSTs/s",
            lambda r: f"{rs(r)['rate']:.0f}/s: {_yes(rs(r)['rate'] >= t['rate'])}",
        ),
        row(
            f"p95 ≤ {t['p95']:g} ms",
            lambda r: f"{_ms(rs(r)['p95'])} ms: {_yes(rs(r)['p95'] <= t['p95'])}",
        ),
        row(
            f"p99 ≤ {t['p99']:g} ms",
            lambda r: f"{_ms(rs(r)['p99'])} ms: {_yes(rs(r)['p99'] <= t['p99'])}",
        ),
        row(
            "0 overbooked",
            lambda r: f"{r['check']['overbooked']}: {_yes(r['check']['overbooked'] == 0)}",
        ),
        row("0 errors", lambda r: f"{rs(r)['errors']}: {_yes(rs(r)['errors'] == 0)}"),
        "",
        "The database afterwards (read with plain SQL, not through the application):",
        "",
        "| engine | 201 answers | rows | lost (201 without row) | rows without 201 "
        "| seats held / capacity | overbooked | confirmed / waitlisted rows "
        "| Tally matches rows | with a mail waiting in the outbox |",
        "|---|---:|---:|---:|---:|---|---:|---|---|---:|",
    ]
    for r in measured:
        c = r["check"]
        statuses = c["by_status"]
        confirmed = statuses.get("confirmed", {}).get("rows", 0)
        waitlisted = statuses.get("waitlisted", {}).get("rows", 0)
        unmailed = c.get("unmailed_rows")
        mail = "–" if unmailed is None else f"{c['rows'] - unmailed:,}"
        out.append(
            f"| {r['engine']} | {c['acknowledged']:,} | {c['rows']:,} | {c['lost']} "
            f"| {c['unacknowledged_rows']} | {c['held_seats']} / {c['capacity']} "
            f"| {c['overbooked']} | {confirmed} / {waitlisted:,} "
            f"| {'yes' if c['tally_matches'] else '**no**'} | {mail} |"
        )
    out += ["", "<details><summary>Latency by answer, and over the run</summary>", ""]
    out += [
        "| engine | answer | requests | p50 ms | p95 ms | p99 ms | max ms |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    for r in measured:
        for answer, s in r["rush"]["by_answer"].items():
            out.append(
                f"| {r['engine']} | {answer} | {s['requests']:,} | {_ms(s['p50'])} "
                f"| {_ms(s['p95'])} | {_ms(s['p99'])} | {_ms(s['max'])} |"
            )
    out += [
        "",
        "Each tenth of the rush, in sending order (p50 / p95 ms):",
        "",
        "| engine | " + " | ".join(f"{10 * i}–{10 * i + 10}%" for i in range(10)) + " |",
        "|---|" + "---:|" * 10,
    ]
    for r in measured:
        cells = [f"{_ms(x['p50'])} / {_ms(x['p95'])}" for x in r["rush"]["by_tenth"]]
        out.append(f"| {r['engine']} | " + " | ".join(cells) + " |")
    out += ["", "</details>", ""]
    return "\n".join(out).rstrip() + "\n"


def spaces_markdown(run: dict) -> str:
    cfg = run["config"]
    out = [
        "## Spaces: latest results",
        "",
        *_machine_lines(run),
        f"- **Load**: {cfg['rate']:g} requests/s open loop, {cfg['warmup']:g} s warm-up + "
        f"{cfg['duration']:g} s measured per scenario; gunicorn {cfg['workers']} "
        f"{cfg['worker_class']} workers",
        "",
    ]
    for result in run["spaces"]:
        out += _engine_heading(result)
        if not _measured(result):
            continue
        db = result["database"]
        b = db.get("bookings", {})
        out.append(
            f"{b.get('all', 0):,} room bookings ({b.get('generated', 0):,} generated, "
            f"{b.get('confirmed', 0):,} confirmed, {b.get('long', 0):,} held for more than a "
            f"day) in {b.get('spaces', 0)} spaces of {b.get('branches', 0)} branches, and "
            f"{db['activities']:,} activities; database "
            f"{'reused' if db['reused'] else 'prepared in this run'} "
            f"({db['prepare_seconds']:.0f} s). {_generator_sentence(result)}"
        )
        out += _scenario_tables(result, cfg["rate"])
    return "\n".join(out).rstrip() + "\n"


# The debate vote's targets (issue 6): on 2 cores, under the production server.
DEBATE_TARGETS = {"vote": 100.0, "result": 30.0}  # p95, ms
DEBATE_STREAMS = (
    ("votes (all POSTs)", "vote POSTs, all"),
    ("vote", "— first votes"),
    ("retry", "— retries (same token)"),
    ("result", "result GETs (the phones)"),
)


def _debate_rows(r: dict) -> list[str]:
    out = []
    phases = [("floor", [("all", "floor `GET /healthz`, same timetable")])]
    phases.append(("vote", list(DEBATE_STREAMS)))
    for phase, streams in phases:
        ph = r[phase]
        for key, label in streams:
            s = ph["streams"].get(key)
            if s is None:
                continue
            errors = f"{s['errors']}" + (
                f" ({', '.join(f'{k}: {n}' for k, n in s['error_kinds'].items())})"
                if s["errors"]
                else ""
            )
            out.append(
                f"| {r['engine']} | {label} | {s['requests']:,} | {s['rate']:.0f} "
                f"| {_ms(s['p50'])} | {_ms(s['p95'])} | {_ms(s['p99'])} | {_ms(s['max'])} "
                f"| {errors} | {_ms(s['lag_p99'])} / {_ms(s['lag_max'])} |"
            )
    return out


def debate_markdown(run: dict) -> str:
    cfg = run["debate_config"]
    rate = cfg["voters"] / cfg["seconds"]
    polls = cfg["phones"] / cfg["poll_every"]
    out = [
        "## Debate vote: latest results",
        "",
        *_machine_lines(run),
        f"- **Load**: {cfg['voters']:,} voters, one vote each at {rate:g}/s for "
        f"{cfg['seconds']:g} s, {cfg['retry_share']:.0%} of them sending it once more "
        f"0.5–3 s later; {cfg['phones']} phones polling the result every "
        f"{cfg['poll_every']:g} s ({polls:g}/s) for {cfg['seconds'] + cfg['tail']:g} s; open "
        "loop (threads); the floor: the same timetable, all `GET /healthz`, same server just "
        f"before; gunicorn {cfg['workers']} {cfg['worker_class']} workers; vote limit per "
        "address raised to 1,000,000 a minute (still counted on every vote)",
        "",
    ]
    measured = [r for r in run["debate"] if not r.get("skipped") and not r.get("failed")]
    for r in run["debate"]:
        if r.get("skipped"):
            out += [f"{r['engine']}: skipped: {r['skipped']}", ""]
        elif r.get("failed"):
            out += [f"{r['engine']}: failed: {r['failed']}", ""]
    if not measured:
        return "\n".join(out).rstrip() + "\n"
    warm = [f"{r['engine']} {r['warmup_errors']}" for r in measured if r.get("warmup_errors")]
    if warm:
        out += ["Errors during the warm-up (not in the tables): " + ", ".join(warm) + ".", ""]
    out += [
        "| engine | what | requests | per s | p50 ms | p95 ms | p99 ms | max ms | errors "
        "| send lag p99 / max ms |",
        "|---|---|---:|---:|---:|---:|---:|---:|---|---:|",
    ]
    for r in measured:
        out += _debate_rows(r)
    out += [
        "",
        "| engine | phase | requests | in s | server CPU ms/request | client CPU ms/request "
        "| CPU busy: server / client / other |",
        "|---|---|---:|---:|---:|---:|---|",
    ]
    for r in measured:
        for key, label in (("floor", "floor"), ("vote", "votes and polls")):
            ph, cpu = r[key], r[key]["cpu"]
            out.append(
                f"| {r['engine']} | {label} | {ph['requests']:,} | {ph['window']:.1f} "
                f"| {ph['server_cpu_ms']:.2f} | {ph['generator_cpu_ms']:.2f} "
                f"| {cpu['busy_pct']:.0f}%: {cpu['server_pct']:.0f}% / "
                f"{cpu['generator_pct']:.0f}% / {cpu['others_pct']:.0f}% |"
            )
    t = DEBATE_TARGETS
    out += [
        "",
        "Targets of the issue (2 cores), met?",
        "",
        "| target | " + " | ".join(r["engine"] for r in measured) + " |",
        "|---|" + "---|" * len(measured),
    ]

    def row(label: str, cell) -> str:
        return f"| {label} | " + " | ".join(cell(r) for r in measured) + " |"

    def st(r: dict, key: str) -> dict:
        return r["vote"]["streams"].get(key, {"p95": math.nan})

    out += [
        row(
            f"vote p95 ≤ {t['vote']:g} ms",
            lambda r: (
                f"{_ms(st(r, 'votes (all POSTs)')['p95'])} ms: "
                f"{_yes(st(r, 'votes (all POSTs)')['p95'] <= t['vote'])}"
            ),
        ),
        row(
            f"result p95 ≤ {t['result']:g} ms",
            lambda r: (
                f"{_ms(st(r, 'result')['p95'])} ms: {_yes(st(r, 'result')['p95'] <= t['result'])}"
            ),
        ),
        row(
            "every valid vote counted exactly once",
            lambda r: (
                _yes(not r["problems"])
                + (f" ({'; '.join(r['problems'])})" if r["problems"] else "")
            ),
        ),
        row("0 errors", lambda r: f"{r['vote']['errors']}: {_yes(r['vote']['errors'] == 0)}"),
        "",
        "The database afterwards (read with plain SQL, not through the application):",
        "",
        "| engine | 201 answers | round totals for / against / undecided | ballots "
        "| ballots = digest of a token answered 201 | voters counted twice | voters not counted "
        '| retries: 409 "voted" / overtook the first vote | live result = round |',
        "|---|---:|---|---:|---:|---:|---:|---|---|",
    ]
    for r in measured:
        c = r["check"]
        totals = c["totals"]
        out.append(
            f"| {r['engine']} | {c['answered_201']:,} | {totals['for']:,} / "
            f"{totals['against']:,} / {totals['undecided']:,} | {c['ballots']:,} "
            f"| {c['ballots_matched']:,} | {c['counted_twice']} | {c['not_counted']} "
            f"| {c['retries_409_voted']} of {c['retries']} / {c['retries_first']} "
            f"| {_yes(c['live_totals'] == totals)} |"
        )
    out += ["", "<details><summary>Every answer, and each second of the run</summary>", ""]
    out += ["| engine | phase | answers |", "|---|---|---|"]
    for r in measured:
        for key in ("floor", "vote"):
            counts = ", ".join(f"{k}: {n:,}" for k, n in r[key]["answers"].items())
            out.append(f"| {r['engine']} | {key} | {counts} |")
    seconds = max(len(r["vote"].get("by_second", [])) for r in measured)
    out += [
        "",
        "Votes and polls by the second they were due in (p50 / p95 ms; votes stop at 10 s):",
        "",
        "| engine | what | " + " | ".join(f"{n}–{n + 1} s" for n in range(seconds)) + " |",
        "|---|---|" + "---:|" * seconds,
    ]
    for r in measured:
        for name in ("votes", "results"):
            cells = [
                f"{_ms(x[name]['p50'])} / {_ms(x[name]['p95'])}" if x[name]["requests"] else "–"
                for x in r["vote"].get("by_second", [])
            ]
            out.append(f"| {r['engine']} | {name} | " + " | ".join(cells) + " |")
    out += ["", "</details>", ""]
    return "\n".join(out).rstrip() + "\n"


# The generated part of the docs holds one block per part of the benchmark, so that a run of
# one part (bench/run.py --only rush) leaves the others' latest results in place.
BLOCKS = ("programme", "rush", "spaces", "debate")


def _block_marks(name: str) -> tuple[str, str]:
    return f"<!-- bench:{name} -->", f"<!-- /bench:{name} -->"


def _blocks(tail: str) -> dict[str, str]:
    found = {}
    for name in BLOCKS:
        start, end = _block_marks(name)
        if start in tail and end in tail:
            found[name] = tail.split(start, 1)[1].split(end, 1)[0].strip() + "\n"
    if not found and tail.strip():  # written before there were blocks: the programme's
        found["programme"] = tail.strip() + "\n"
    return found


def write_docs(run: dict) -> None:
    head, blocks = INTRO, {}
    if DOCS.exists():
        text = DOCS.read_text()
        if MARKER in text:
            before, tail = text.split(MARKER, 1)
            head, blocks = before.rstrip() + "\n", _blocks(tail)
    if run.get("engines"):
        blocks["programme"] = results_markdown(run)
    if run.get("rush"):
        blocks["rush"] = rush_markdown(run)
    if run.get("spaces"):
        blocks["spaces"] = spaces_markdown(run)
    if run.get("debate"):
        blocks["debate"] = debate_markdown(run)
    parts = [f"{head}\n{MARKER}\n"]
    for name in BLOCKS:
        if name in blocks:
            start, end = _block_marks(name)
            parts.append(f"{start}\n{blocks[name]}{end}\n")
    DOCS.write_text("\n".join(parts))
