"""An open-loop HTTP load generator and its statistics.

Open loop: request *i* is due at ``t0 + i / rate`` whatever happened to the requests before
it, so a slow server meets the same arrival rate a real audience would produce instead of
being given a breather (the "coordinated omission" of closed-loop tools). A scheduler thread
hands due requests to a pool of worker threads, each holding its own ``http.client``
connection (kept alive where the server allows it, reopened where it closes). When every
worker is waiting on a response the pool grows, so a slow server never holds back the
next send.

Latency is measured from the moment a worker sends the request until the whole response body
is read. The lag between the due time and the actual send is recorded too: if it grows, the
generator, not the server, fell behind, and the run says so.
"""

import http.client
import math
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class Sample:
    kind: str
    url: str
    due: float
    sent: float
    done: float
    status: int
    size: int
    error: str = ""

    @property
    def latency_ms(self) -> float:
        return (self.done - self.sent) * 1000

    @property
    def lag_ms(self) -> float:
        return (self.sent - self.due) * 1000


@dataclass
class Stats:
    requests: int
    errors: int
    p50: float
    p95: float
    p99: float
    max: float
    mean: float
    rate: float
    lag_p99: float
    lag_max: float
    error_kinds: dict[str, int] = field(default_factory=dict)


def percentile(sorted_values: list[float], q: float) -> float:
    """Nearest-rank percentile (the value below which q% of the samples lie, inclusive)."""
    if not sorted_values:
        return math.nan
    rank = max(1, math.ceil(q / 100 * len(sorted_values)))
    return sorted_values[rank - 1]


def summarise(samples: list[Sample], window: float) -> Stats:
    latencies = sorted(s.latency_ms for s in samples)
    lags = sorted(s.lag_ms for s in samples)
    failed = [s for s in samples if s.status != 200]
    kinds: dict[str, int] = {}
    for s in failed:
        key = s.error or f"HTTP {s.status}"
        kinds[key] = kinds.get(key, 0) + 1
    return Stats(
        requests=len(samples),
        errors=len(failed),
        p50=percentile(latencies, 50),
        p95=percentile(latencies, 95),
        p99=percentile(latencies, 99),
        max=latencies[-1] if latencies else math.nan,
        mean=sum(latencies) / len(latencies) if latencies else math.nan,
        rate=len(samples) / window if window > 0 else math.nan,
        lag_p99=percentile(lags, 99),
        lag_max=lags[-1] if lags else math.nan,
        error_kinds=kinds,
    )


class _Pool:
    def __init__(self, host: str, port: int, threads: int, limit: int):
        self.host, self.port, self.limit = host, port, limit
        self.jobs: queue.Queue = queue.Queue()
        self.out: list[Sample] = []
        self.lock = threading.Lock()
        self.idle = 0
        self.workers: list[_Worker] = []
        for _ in range(threads):
            self._spawn()
            self.idle += 1

    def _spawn(self) -> None:
        worker = _Worker(self)
        self.workers.append(worker)
        worker.start()

    def submit(self, job: tuple[str, str, float]) -> None:
        """Queue a job for an idle worker, reserving it; start a new worker if none is idle."""
        with self.lock:
            reserved = self.idle > 0
            if reserved:
                self.idle -= 1
        if not reserved and len(self.workers) < self.limit:
            self._spawn()
        self.jobs.put(job)

    def close(self) -> None:
        for _ in self.workers:
            self.jobs.put(None)
        for worker in self.workers:
            worker.join()


class _Worker(threading.Thread):
    def __init__(self, pool: _Pool):
        super().__init__(daemon=True)
        self.pool = pool
        self.host, self.port, self.jobs, self.out = pool.host, pool.port, pool.jobs, pool.out
        self.conn: http.client.HTTPConnection | None = None

    def _connection(self) -> http.client.HTTPConnection:
        if self.conn is None:
            self.conn = http.client.HTTPConnection(self.host, self.port, timeout=30)
        return self.conn

    def run(self) -> None:
        while True:
            job = self.jobs.get()
            if job is None:
                if self.conn is not None:
                    self.conn.close()
                return
            kind, url, due = job
            sent = time.perf_counter()
            status, size, error = 0, 0, ""
            try:
                conn = self._connection()
                conn.request("GET", url, headers={"Accept": "*/*"})
                response = conn.getresponse()
                body = response.read()
                status, size = response.status, len(body)
                if response.will_close:
                    conn.close()
            except (OSError, http.client.HTTPException) as exc:
                error = type(exc).__name__
                if self.conn is not None:
                    self.conn.close()
                self.conn = None
            done = time.perf_counter()
            self.out.append(Sample(kind, url, due, sent, done, status, size, error))
            with self.pool.lock:
                self.pool.idle += 1


def run_open_loop(
    *,
    host: str,
    port: int,
    next_request: Callable[[], tuple[str, str]],
    rate: float,
    duration: float,
    threads: int = 16,
    max_threads: int = 512,
) -> tuple[list[Sample], float]:
    """Send ``rate * duration`` requests at fixed times; return the samples and the window.

    ``next_request()`` returns ``(kind, url)`` for the next request. The window runs from the
    first due time to the last response, so the achieved rate counts only what completed.
    """
    pool = _Pool(host, port, threads, max_threads)
    total = round(rate * duration)
    t0 = time.perf_counter() + 0.05
    for i in range(total):
        due = t0 + i / rate
        delay = due - time.perf_counter()
        if delay > 0:
            time.sleep(delay)
        kind, url = next_request()
        pool.submit((kind, url, due))
    pool.close()
    end = max((s.done for s in pool.out), default=t0)
    return pool.out, end - t0
