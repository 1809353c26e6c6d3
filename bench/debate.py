"""The debate vote: 2,000 people vote within 10 s while 500 phones poll the live result.

Issue 6's bar, on 2 cores under the production server: every valid vote counted exactly
once, p95 ≤ 100 ms for a vote and ≤ 30 ms for the result.

For every run a fresh published activity of the debate format is made through the
programme services, made a debate (``debates.services.debate_save``) and its "before" round
opened (``round_open``), as the demo user ``centraal``; a second one takes the warm-up. The
debates of earlier runs are deleted first. The server runs with the vote limit per address
raised (all the load comes from 127.0.0.1); the limiter still counts every vote, and so does
the limit per token and round (left as it is: a token sends at most two votes).

One open-loop timetable (``load.run_timetable``, threads), from the start:

- votes: ``POST /api/v1/debates/{id}/votes``, one per voter at 200/s for 10 s, each voter
  with a token of its own (22 random URL-safe characters, seeded), a seeded choice and the
  debate's join code (as a phone in the hall sends it);
- retries: a tenth of the voters (seeded) send the same vote once more, 0.5–3 s after
  their first (a double tap, or no patience with a slow answer); the answer must be 409
  "voted" — or, when the retry overtook the first, the first gets it;
- polls: ``GET /api/v1/debates/{id}/results``, 500 phones every 2 s (250/s, a fifth of them
  ``?language=en``) from the start until 3 s after the last first vote.

The floor is the same timetable with every request ``GET /healthz``, on the same server just
before. Afterwards the database is read with plain SQL: the round's totals, per choice, must
equal the 201 answers, and the ballots too; every voter must have exactly one 201; every
ballot's digest must be the digest of a token answered 201 (the round is left open, so its
salt is still there); and the live result's totals right after the load must be the
database's.
"""

import hashlib
import hmac
import json
import random
import string
import time
from collections import Counter
from dataclasses import asdict, dataclass, field, replace

import rush
from cpu import CpuMeter, wait_for_quiet
from load import Sample, Stats, Timed, run_timetable, summarise
from prepare import BENCH_VAR, PG_NAME, POSTGRES, Engine, log, manage
from server import HOST, Gunicorn, get_json

TITLE_PREFIX = "[bench] debate "
VOTERS = 2000
VOTE_SECONDS = 10.0
PHONES = 500
POLL_EVERY = 2.0  # seconds between two polls of one phone
TAIL = 3.0  # seconds the phones go on polling after the last first vote
RETRY_SHARE = 0.1
RETRY_AFTER = (0.5, 3.0)  # seconds after the first vote
CHOICES = (("for", 45), ("against", 35), ("undecided", 20))  # weights
TOKEN_ALPHABET = string.ascii_letters + string.digits + "-_"
TOKEN_LENGTH = 22
RATE_LIMIT_ENV = {"RATE_LIMIT_VOTE_PER_ADDRESS": "1000000"}
KINDS = ("vote", "retry", "result")

DEBATE_SCRIPT = """
import datetime, json
from django.utils import timezone
from ontmoet.accounts.models import User
from ontmoet.debates import services as debates
from ontmoet.debates.models import VoteRound
from ontmoet.programme import services
from ontmoet.programme.models import Activity, Format
from ontmoet.venues.models import Branch

actor = User.objects.filter(username="centraal").first()
branch = Branch.objects.order_by("pk").first()
fmt = Format.objects.filter(slug="debat").first() or Format.objects.order_by("pk").first()
if actor is None or branch is None or fmt is None:
    print(json.dumps({"missing": "demo data"}))
    raise SystemExit
old = Activity.objects.filter(title__startswith=PREFIX)
deleted = old.count()
old.delete()
start = timezone.now().replace(minute=0, second=0, microsecond=0) + datetime.timedelta(days=1)
made = {"deleted": deleted}
for key in KEYS:
    activity = services.activity_create(
        actor=actor,
        data={
            "title": f"{PREFIX}{key} {TAG}",
            "summary": "Made by the benchmark (bench/debate.py); deleted by its next run.",
            "format": fmt,
            "branch": branch,
            "starts_at": start,
            "ends_at": start + datetime.timedelta(hours=2),
            "languages": ["nl"],
        },
    )
    activity = services.activity_publish(actor=actor, activity=activity)
    debate = debates.debate_save(
        actor=actor,
        activity=activity,
        motion="De bibliotheek moet 24 uur per dag open zijn",
        speakers_for=["Anna", "Bram"],
        speakers_against=["Cem", "Dewi"],
        moderator="Eva",
    )
    before = debate.rounds.get(kind=VoteRound.Kind.BEFORE)
    debates.round_open(actor=actor, vote_round=before)
    made[key] = {"activity": activity.pk, "round": before.pk, "code": debate.join_code}
print(json.dumps(made))
"""


def create_debates(engine: Engine, keys: tuple[str, ...], tag: str) -> dict[str, dict]:
    """Fresh debates with their "before" round open ({key: {activity, round, code}}); those of
    earlier runs go. A database without the demo data gets it first."""
    script = f"PREFIX = {TITLE_PREFIX!r}\nKEYS = {keys!r}\nTAG = {tag!r}\n{DEBATE_SCRIPT}"
    for attempt in range(2):
        made = json.loads(manage(engine, "shell", "-c", script, capture=True).splitlines()[-1])
        if "missing" not in made:
            if made["deleted"]:
                log(f"  deleted {made['deleted']} debate activities of earlier runs")
            return {key: made[key] for key in keys}
        if attempt == 0:
            log(f"{engine.name}: no demo data; loading it")
            manage(engine, "load_demo")
    raise RuntimeError("the demo data is still missing after load_demo")


# --- what is sent ------------------------------------------------------------------------


@dataclass
class Plan:
    timetable: list[Timed]
    choices: dict[str, str]  # token → choice
    retried: set[str]


def plan(
    activity_id: int,
    code: str,
    *,
    seed: int,
    voters: int = VOTERS,
    seconds: float = VOTE_SECONDS,
    phones: int = PHONES,
    tail: float = TAIL,
) -> Plan:
    """The votes, retries and polls of one run, the same for the same seed; ``code`` is the
    debate's join code, which every vote carries."""
    rng = random.Random(f"{seed}:debate")
    votes = f"/api/v1/debates/{activity_id}/votes"
    results = f"/api/v1/debates/{activity_id}/results"
    names, weights = zip(*CHOICES, strict=True)
    timetable: list[Timed] = []
    choices: dict[str, str] = {}
    while len(choices) < voters:
        token = "".join(rng.choices(TOKEN_ALPHABET, k=TOKEN_LENGTH))
        choices[token] = rng.choices(names, weights)[0]
    tokens = list(choices)
    retried = set(rng.sample(tokens, round(RETRY_SHARE * voters)))
    for i, token in enumerate(tokens):
        at = i * seconds / voters
        vote = {"round": "before", "choice": choices[token], "token": token, "code": code}
        body = json.dumps(vote)
        timetable.append(Timed(at, "vote", votes, body.encode(), token))
        if token in retried:
            again = at + rng.uniform(*RETRY_AFTER)
            timetable.append(Timed(again, "retry", votes, body.encode(), token))
    rate = phones / POLL_EVERY
    english = set(rng.sample(range(phones), phones // 5))
    for i in range(round(rate * (seconds + tail))):
        url = f"{results}?language=en" if i % phones in english else results
        timetable.append(Timed(i / rate, "result", url))
    return Plan(timetable, choices, retried)


# --- what was answered -------------------------------------------------------------------


def refusal(sample: Sample) -> str:
    """The ``code`` of a 409 answer ("voted", "closed"), else ""."""
    if sample.status != 409 or not sample.body:
        return ""
    try:
        return str(json.loads(sample.body).get("code", ""))
    except ValueError:
        return ""


def expected(sample: Sample) -> bool:
    if sample.kind in ("vote", "retry"):
        return sample.status == 201 or refusal(sample) == "voted"
    return sample.status == 200


def answer_label(sample: Sample) -> str:
    if sample.error:
        return sample.error
    code = refusal(sample)
    return f"HTTP {sample.status}" + (f" {code}" if code else "")


def stream_stats(samples: list[Sample]) -> Stats:
    """Statistics of one stream over its own window (first due time to last answer); an
    answer the stream does not expect is an error."""
    if not samples:
        return summarise([], 0)
    window = max(s.done for s in samples) - min(s.due for s in samples)
    stats = summarise(samples, window)
    failed = Counter(answer_label(s) for s in samples if not expected(s))
    return replace(stats, errors=sum(failed.values()), error_kinds=dict(failed))


def answers(samples: list[Sample]) -> dict[str, int]:
    return dict(sorted(Counter(answer_label(s) for s in samples).items()))


# --- what the database holds -------------------------------------------------------------


@dataclass
class Check:
    answered_201: int
    answered_201_by_choice: dict[str, int]
    totals: dict[str, int]  # the round's counters
    ballots: int  # Ballot rows of the round
    voters: int
    counted_twice: int  # voters with more than one 201
    not_counted: int  # voters without a 201
    retries: int
    retries_409_voted: int
    retries_first: int  # retries answered 201, their first vote 409 "voted"
    ballots_matched: int  # ballots whose digest is a 201 token's
    live_totals: dict[str, int] = field(default_factory=dict)  # the result API right after
    round_open: bool = True

    @property
    def total(self) -> int:
        return sum(self.totals.values())

    def problems(self) -> list[str]:
        out = []
        if self.totals != self.answered_201_by_choice:
            out.append(f"round totals {self.totals} != 201 answers {self.answered_201_by_choice}")
        if self.ballots != self.answered_201:
            out.append(f"{self.ballots} ballots for {self.answered_201} votes answered 201")
        if self.counted_twice:
            out.append(f"{self.counted_twice} voters counted twice")
        if self.not_counted:
            out.append(f"{self.not_counted} voters without a counted vote")
        if self.ballots_matched != self.ballots or self.ballots_matched != self.answered_201:
            out.append(
                f"{self.ballots_matched} of {self.ballots} ballots are the digest of a token "
                f"answered 201 ({self.answered_201})"
            )
        if self.live_totals != self.totals:
            out.append(f"the live result {self.live_totals} != the round {self.totals}")
        if not self.round_open:
            out.append("the round is no longer open")
        return out


def read_round(database_url: str, round_id: int) -> tuple[dict[str, int], str, bool, set[str]]:
    """(totals, salt, open?, ballot digests) of a round, with plain SQL."""
    conn, ph = rush.connect(database_url)

    def rows(sql: str) -> list[tuple]:
        return list(conn.execute(sql.replace("%s", ph), [round_id]).fetchall())

    try:
        (row,) = rows(
            "SELECT votes_for, votes_against, votes_undecided, salt, opened_at, closed_at "
            "FROM debates_voteround WHERE id = %s"
        )
        digests = {d for (d,) in rows("SELECT digest FROM debates_ballot WHERE round_id = %s")}
    finally:
        conn.close()
    totals = {"for": row[0], "against": row[1], "undecided": row[2]}
    return totals, row[3], row[4] is not None and row[5] is None, digests


def device_digest(salt: str, token: str) -> str:
    """The digest a token's ballot has (``debates.services._digest`` of the key
    ``device:<token>``: none of the tokens is a ticket of the fresh activity)."""
    return hmac.new(salt.encode(), f"device:{token}".encode(), hashlib.sha256).hexdigest()


def check_database(
    database_url: str, round_id: int, the_plan: Plan, samples: list[Sample], live: dict
) -> Check:
    totals, salt, is_open, digests = read_round(database_url, round_id)
    posts = [s for s in samples if s.kind in ("vote", "retry")]
    by_token: dict[str, list[Sample]] = {}
    for s in posts:
        by_token.setdefault(s.key, []).append(s)
    counted = {t: [s for s in mine if s.status == 201] for t, mine in by_token.items()}
    ok_tokens = {t for t, mine in counted.items() if mine}
    by_choice = Counter(the_plan.choices[t] for t, mine in counted.items() for _ in mine)
    retries = [s for s in posts if s.kind == "retry"]
    firsts = {s.key: s for s in posts if s.kind == "vote"}
    live_totals = {side: live["rounds"]["before"]["counts"][side] for side in totals}
    return Check(
        answered_201=sum(len(mine) for mine in counted.values()),
        answered_201_by_choice={side: by_choice.get(side, 0) for side in totals},
        totals=totals,
        ballots=len(digests),
        voters=len(the_plan.choices),
        counted_twice=sum(1 for mine in counted.values() if len(mine) > 1),
        not_counted=sum(1 for t in the_plan.choices if t not in ok_tokens),
        retries=len(retries),
        retries_409_voted=sum(1 for s in retries if refusal(s) == "voted"),
        retries_first=sum(
            1 for s in retries if s.status == 201 and refusal(firsts[s.key]) == "voted"
        ),
        ballots_matched=len(digests & {device_digest(salt, t) for t in ok_tokens}),
        live_totals=live_totals,
        round_open=is_open,
    )


# --- the benchmark -----------------------------------------------------------------------


def by_second(samples: list[Sample]) -> list[dict]:
    """p50 and p95 of the votes and of the polls due in each second of the run: did a moment
    of the run (or other work on the machine) make them slow?"""
    start = min(s.due for s in samples)
    seconds: dict[int, list[Sample]] = {}
    for s in samples:
        seconds.setdefault(int(s.due - start), []).append(s)
    out = []
    for second, mine in sorted(seconds.items()):
        row: dict = {"second": second}
        for name, kinds in (("votes", ("vote", "retry")), ("results", ("result",))):
            stats = summarise([s for s in mine if s.kind in kinds], 1.0)
            row[name] = {"requests": stats.requests, "p50": stats.p50, "p95": stats.p95}
        out.append(row)
    return out


def _phase(label: str, samples: list[Sample], window: float, use) -> dict:
    streams = {kind: stream_stats([s for s in samples if s.kind == kind]) for kind in KINDS}
    streams = {k: v for k, v in streams.items() if v.requests} or {"all": stream_stats(samples)}
    votes = [s for s in samples if s.kind in ("vote", "retry")]
    if votes:
        streams["votes (all POSTs)"] = stream_stats(votes)
    overall = summarise(samples, window)
    errors = sum(1 for s in samples if not expected(s))
    text = "; ".join(
        f"{k} p50 {v.p50:.1f} / p95 {v.p95:.1f} / p99 {v.p99:.1f} ms ({v.requests}, {v.errors} err)"
        for k, v in streams.items()
    )
    log(
        f"  {label}: {len(samples)} requests in {window:.1f} s = {overall.rate:.0f}/s; {text}; "
        f"lag p99 {overall.lag_p99:.1f} ms, max {overall.lag_max:.1f} ms; CPU "
        f"{use.busy_pct:.0f}% busy (server {use.server_pct:.0f}%, client "
        f"{use.generator_pct:.0f}%, other {use.others_pct:.0f}%)"
    )
    return {
        "requests": len(samples),
        "window": window,
        "rate": overall.rate,
        "errors": errors,
        "lag_p99": overall.lag_p99,
        "lag_max": overall.lag_max,
        "streams": {k: asdict(v) for k, v in streams.items()},
        "answers": answers(samples),
        "cpu": asdict(use),
        "server_cpu_ms": 1000 * use.server_seconds / max(1, len(samples)),
        "generator_cpu_ms": 1000 * use.generator_seconds / max(1, len(samples)),
    }


def measure(
    engine: Engine,
    *,
    seed: int,
    workers: int,
    worker_class: str,
    quiet_wait: float,
    threads: int = 16,
    voters: int = VOTERS,
    phones: int = PHONES,
) -> tuple[dict, dict]:
    """Results and raw samples of one engine's debate vote."""
    tag = time.strftime("%Y%m%d-%H%M%S", time.gmtime())
    ids = create_debates(engine, ("warmup", "vote"), tag)
    log_path = BENCH_VAR / f"gunicorn-debate-{engine.name.lower()}.log"
    main = plan(
        ids["vote"]["activity"], ids["vote"]["code"], seed=seed, voters=voters, phones=phones
    )
    warm = plan(
        ids["warmup"]["activity"],
        ids["warmup"]["code"],
        seed=seed + 1000,
        voters=voters // 5,
        seconds=2.0,
        phones=phones,
    )
    floor = [Timed(t.at, "/healthz", "/healthz") for t in main.timetable]
    result: dict = {
        "engine": engine.name,
        "activity_id": ids["vote"]["activity"],
        "round_id": ids["vote"]["round"],
    }
    with Gunicorn(
        engine, workers=workers, worker_class=worker_class, env=RATE_LIMIT_ENV, log_path=log_path
    ) as server:
        log(f"{engine.name}: debate server on port {server.port} ({workers} workers)")
        meter_args = {
            "server_pid": server.process.pid,
            "db_marker": PG_NAME if engine is POSTGRES else "",
        }
        # Warm-up, not counted: every worker through a vote, a retry and the result.
        warm_samples, _ = run_timetable(
            host=HOST, port=server.port, timetable=warm.timetable, threads=threads, keep_body=True
        )
        warm_errors = [s for s in warm_samples if not expected(s)]
        if warm_errors:
            log(f"  warm-up: {len(warm_errors)} errors, e.g. {answer_label(warm_errors[0])}")
        result["warmup_errors"] = len(warm_errors)

        wait_for_quiet(max_others_pct=10, timeout=quiet_wait, log=log, **meter_args)
        with CpuMeter(**meter_args) as meter:
            floor_samples, window = run_timetable(
                host=HOST, port=server.port, timetable=floor, threads=threads
            )
        result["floor"] = _phase("floor GET /healthz", floor_samples, window, meter.use)

        wait_for_quiet(max_others_pct=10, timeout=quiet_wait, log=log, **meter_args)
        with CpuMeter(**meter_args) as meter:
            samples, window = run_timetable(
                host=HOST,
                port=server.port,
                timetable=main.timetable,
                threads=threads,
                keep_body=True,
            )
        result["vote"] = _phase("votes and polls", samples, window, meter.use)
        result["vote"]["by_second"] = by_second(samples)
        live = get_json(server.port, f"/api/v1/debates/{ids['vote']['activity']}/results")

    check = check_database(engine.database_url, ids["vote"]["round"], main, samples, live)
    result["check"] = asdict(check)
    result["problems"] = check.problems()
    log(
        f"  database: totals {check.totals} (= {check.total}), {check.answered_201} answered "
        f"201, {check.ballots} ballots ({check.ballots_matched} matching a 201 token); "
        f"{check.counted_twice} counted twice, {check.not_counted} not counted; retries "
        f"{check.retries}: {check.retries_409_voted} 409 voted, {check.retries_first} "
        f"overtook their first vote; live result {check.live_totals}"
    )
    for problem in result["problems"]:
        log(f"  PROBLEM: {problem}")
    raw = {"floor": [_raw(s) for s in floor_samples], "vote": [_raw(s) for s in samples]}
    return result, raw


def _raw(sample: Sample) -> dict:
    return {
        "kind": sample.kind,
        "due": round(sample.due, 6),
        "latency_ms": round(sample.latency_ms, 3),
        "lag_ms": round(sample.lag_ms, 3),
        "status": sample.status,
        "answer": answer_label(sample),
    }
