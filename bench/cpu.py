"""How busy the machine was while a scenario ran, and how much of that was the benchmark.

The server, the database and the load generator share the machine, and so may other work
(a test suite, a build). A scenario waits a while for a quiet machine before it starts, and
the CPU time of every process during the measurement is split into the server (gunicorn and
its database backends), the load generator and other work, so a run that had to share the
CPUs says so next to its numbers.

Per-process CPU times are used rather than the machine-wide counters in /proc/stat: those are
sampled at the timer tick (100 Hz), and a server woken at exactly 50 Hz by the open-loop load
can fall between ticks and all but vanish from them. The sampling runs in a forked child
process every half second, so that it neither holds the load generator's GIL nor misses
most short-lived processes (PostgreSQL's parallel workers).
"""

import multiprocessing
import os
import time
from dataclasses import dataclass
from pathlib import Path

TICKS_PER_SECOND = os.sysconf("SC_CLK_TCK")
CPUS = os.cpu_count() or 1
PARALLEL_WORKER = "parallel worker for PID "
INTERVAL = 0.5


def _stat(pid: int) -> tuple[int, int] | None:
    """(ticks used, parent pid) of a process, None when it is gone."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    rest = stat.rsplit(")", 1)[1].split()
    return int(rest[11]) + int(rest[12]), int(rest[1])


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def _steal_ticks() -> int:
    fields = Path("/proc/stat").read_text().splitlines()[0].split()[1:]
    return int(fields[7]) if len(fields) > 7 else 0


class _Ledger:
    """CPU ticks per process since the meter started, each process put in one column once."""

    def __init__(self, *, server_pid: int | None, db_marker: str, generator_pid: int):
        self.server_pid, self.db_marker, self.generator_pid = server_pid, db_marker, generator_pid
        self.column: dict[int, str] = {}
        self.first: dict[int, int] = {}
        self.last: dict[int, int] = {}
        self.sample(baseline=True)

    def _classify(self, pid: int, ppid: int) -> str:
        if pid == os.getpid():
            return "meter"
        if pid == self.generator_pid:
            return "generator"
        if self.server_pid and self.server_pid in (pid, ppid):
            return "server"
        cmdline = _cmdline(pid)
        if self.db_marker and self.db_marker in cmdline:
            return "server"
        if PARALLEL_WORKER in cmdline:
            leader = cmdline.split(PARALLEL_WORKER, 1)[1].split()[0]
            if leader.isdigit() and self.column.get(int(leader)) == "server":
                return "server"
        return "other"

    def sample(self, baseline: bool = False) -> None:
        pids = sorted(int(n) for n in os.listdir("/proc") if n.isdigit())
        for pid in pids:  # ascending, so a backend is classified before its parallel workers
            stat = _stat(pid)
            if stat is None:
                continue
            used, ppid = stat
            if pid not in self.column:
                self.column[pid] = self._classify(pid, ppid)
                # A process first seen after the start began during the block: all its
                # time counts.
                self.first[pid] = used if baseline else 0
            self.last[pid] = used

    def totals(self) -> dict[str, float]:
        out = {"server": 0.0, "generator": 0.0, "other": 0.0, "meter": 0.0}
        for pid, column in self.column.items():
            out[column] += (self.last[pid] - self.first[pid]) / TICKS_PER_SECOND
        return out


def _sampler(conn, kwargs: dict) -> None:
    ledger = _Ledger(**kwargs)
    conn.send("ready")
    while not conn.poll(INTERVAL):
        ledger.sample()
    conn.recv()
    ledger.sample()
    conn.send(ledger.totals())


@dataclass
class CpuUse:
    busy_pct: float  # of all CPUs, over the block
    server_pct: float
    generator_pct: float
    others_pct: float
    steal_pct: float
    server_seconds: float  # CPU time of gunicorn and its database backends
    generator_seconds: float  # CPU time of the load generator and this meter


class CpuMeter:
    def __init__(self, server_pid: int | None = None, db_marker: str = ""):
        self.kwargs = {
            "server_pid": server_pid,
            "db_marker": db_marker,
            "generator_pid": os.getpid(),
        }

    def __enter__(self) -> "CpuMeter":
        context = multiprocessing.get_context("fork")
        self._conn, child = context.Pipe()
        self._process = context.Process(target=_sampler, args=(child, self.kwargs), daemon=True)
        self._process.start()
        self._conn.recv()  # the baseline is taken
        self._steal = _steal_ticks()
        self._started = time.monotonic()
        return self

    def __exit__(self, *exc) -> None:
        elapsed = time.monotonic() - self._started
        self._conn.send("stop")
        totals = self._conn.recv()
        self._process.join()
        capacity = max(elapsed, 1e-9) * CPUS / 100  # seconds of CPU per percent
        steal = (_steal_ticks() - self._steal) / TICKS_PER_SECOND
        self.use = CpuUse(
            busy_pct=sum(totals.values()) / capacity,
            server_pct=totals["server"] / capacity,
            generator_pct=(totals["generator"] + totals["meter"]) / capacity,
            others_pct=totals["other"] / capacity,
            steal_pct=steal / capacity,
            server_seconds=totals["server"],
            generator_seconds=totals["generator"] + totals["meter"],
        )


def wait_for_quiet(*, max_others_pct: float, timeout: float, log, **meter_args) -> CpuUse:
    """Wait (up to ``timeout`` s) until other work uses at most ``max_others_pct`` of the
    CPUs over a 2 s sample; return the last sample either way."""
    deadline = time.monotonic() + timeout
    announced = False
    while True:
        with CpuMeter(**meter_args) as meter:
            time.sleep(2)
        if meter.use.others_pct <= max_others_pct or time.monotonic() > deadline:
            if announced or meter.use.others_pct > max_others_pct:
                log(f"  other work uses {meter.use.others_pct:.0f}% of the CPUs; going on")
            return meter.use
        if not announced:
            log(
                f"  other work uses {meter.use.others_pct:.0f}% of the CPUs; waiting up to "
                f"{timeout:.0f} s for a quiet machine"
            )
            announced = True
