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

``run_timetable`` is the same with the send times given: several streams at their own rates
(votes and polls of a live result, say), GETs or JSON POSTs, the answers' bodies kept.

For throughput (the registration rush) there is a closed-loop generator as well: a fixed
number of clients, each sending its next request as soon as the previous one is answered,
as fast as the server allows. It is a bare asyncio HTTP/1.1 client on one thread (requests
prepared as bytes beforehand, responses parsed just enough to read the status and body), so
that it takes as little as possible of the CPUs it shares with the server.
"""

import asyncio
import http.client
import math
import queue
import threading
import time
from collections.abc import Callable, Iterable
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
    body: bytes = b""  # the answer's body, where the caller asked to keep it
    key: str = ""  # what the caller needs to recognise the answer (an email address, say)

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


def summarise(samples: list[Sample], window: float, ok: int = 200) -> Stats:
    """Statistics of the samples; any status other than ``ok`` is an error."""
    latencies = sorted(s.latency_ms for s in samples)
    lags = sorted(s.lag_ms for s in samples)
    failed = [s for s in samples if s.status != ok]
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
    def __init__(self, host: str, port: int, threads: int, limit: int, keep_body: bool = False):
        self.host, self.port, self.limit, self.keep_body = host, port, limit, keep_body
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

    def submit(self, job: tuple[str, str, float, bytes | None, str]) -> None:
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
            kind, url, due, payload, key = job
            sent = time.perf_counter()
            status, size, error, body = 0, 0, "", b""
            try:
                conn = self._connection()
                if payload is None:
                    conn.request("GET", url, headers={"Accept": "*/*"})
                else:
                    headers = {"Accept": "*/*", "Content-Type": "application/json"}
                    conn.request("POST", url, body=payload, headers=headers)
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
            kept = body if self.pool.keep_body else b""
            self.out.append(Sample(kind, url, due, sent, done, status, size, error, kept, key))
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
        pool.submit((kind, url, due, None, ""))
    pool.close()
    end = max((s.done for s in pool.out), default=t0)
    return pool.out, end - t0


@dataclass
class Timed:
    """One request of a timetable: sent ``at`` seconds after the start, a POST of ``body``
    (JSON) if it has one, else a GET; its sample carries ``key``."""

    at: float
    kind: str
    url: str
    body: bytes | None = None
    key: str = ""


def run_timetable(
    *,
    host: str,
    port: int,
    timetable: list[Timed],
    threads: int = 16,
    max_threads: int = 512,
    keep_body: bool = False,
) -> tuple[list[Sample], float]:
    """Send every request of the timetable at its time (open loop, as ``run_open_loop``);
    return the samples (with the answers' bodies if ``keep_body``) and the window, from the
    first due time to the last response."""
    pool = _Pool(host, port, threads, max_threads, keep_body)
    ordered = sorted(timetable, key=lambda t: t.at)
    t0 = time.perf_counter() + 0.05 - (ordered[0].at if ordered else 0)
    for item in ordered:
        due = t0 + item.at
        delay = due - time.perf_counter()
        if delay > 0:
            time.sleep(delay)
        pool.submit((item.kind, item.url, due, item.body, item.key))
    pool.close()
    start = t0 + (ordered[0].at if ordered else 0)
    end = max((s.done for s in pool.out), default=start)
    return pool.out, end - start


# --- closed loop ------------------------------------------------------------------------------


@dataclass
class Request:
    kind: str
    url: str
    raw: bytes  # the whole HTTP/1.1 request, ready to send
    key: str = ""  # what the caller needs to recognise the answer (an email address, say)


@dataclass
class Reply(Sample):
    """An answer of the closed loop (its body always kept)."""


def http_request(method: str, host: str, port: int, path: str, body: bytes | None = None) -> bytes:
    lines = [f"{method} {path} HTTP/1.1", f"Host: {host}:{port}", "Accept: application/json"]
    if body is not None:
        lines += ["Content-Type: application/json", f"Content-Length: {len(body)}"]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + (body or b"")


class _Connection:
    """One client's connection, kept alive for as long as the server allows."""

    def __init__(self, host: str, port: int):
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def exchange(self, raw: bytes) -> tuple[int, bytes]:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        reader = self.reader
        self.writer.write(raw)
        head = await reader.readuntil(b"\r\n\r\n")
        status_line, *header_lines = head[:-4].split(b"\r\n")
        status = int(status_line.split(None, 2)[1])
        length, close = None, status_line.startswith(b"HTTP/1.0")
        for line in header_lines:
            name, _, value = line.partition(b":")
            name = name.strip().lower()
            if name == b"content-length":
                length = int(value)
            elif name == b"connection":
                close = value.strip().lower() == b"close"
            elif name == b"transfer-encoding":
                raise http.client.HTTPException("chunked responses are not supported")
        if length is None:
            close = True
            body = await reader.read()
        else:
            body = await reader.readexactly(length)
        if close:
            self.close()
        return status, body

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


async def _closed_loop(
    host: str,
    port: int,
    requests: Iterable[Request],
    concurrency: int,
    timeout: float,
    on_reply: Callable[[Reply, int], bool] | None,
) -> list[Reply]:
    out: list[Reply] = []
    jobs = iter(requests)
    stopped = False

    async def client() -> None:
        nonlocal stopped
        conn = _Connection(host, port)
        for request in jobs:  # shared: each client takes the next request not yet sent
            if stopped:
                break
            sent = time.perf_counter()
            status, body, error = 0, b"", ""
            try:
                async with asyncio.timeout(timeout):
                    status, body = await conn.exchange(request.raw)
            except (
                OSError,
                TimeoutError,
                ValueError,
                asyncio.IncompleteReadError,
                asyncio.LimitOverrunError,
                http.client.HTTPException,
            ) as exc:
                error = type(exc).__name__
                conn.close()
            done = time.perf_counter()
            reply = Reply(
                request.kind,
                request.url,
                sent,
                sent,
                done,
                status,
                len(body),
                error,
                key=request.key,
                body=body,
            )
            out.append(reply)
            if on_reply is not None and on_reply(reply, len(out)):
                stopped = True
        conn.close()

    await asyncio.gather(*(client() for _ in range(concurrency)))
    return out


def run_closed_loop(
    *,
    host: str,
    port: int,
    requests: Iterable[Request],
    concurrency: int,
    timeout: float = 60,
    on_reply: Callable[[Reply, int], bool] | None = None,
) -> tuple[list[Reply], float]:
    """Send every request from ``concurrency`` clients, each waiting for its answer before
    sending the next; return the replies (in the order they completed) and the window, from
    the first send to the last answer.

    ``on_reply(reply, answered_so_far)`` is called after every answer; when it returns True
    no further requests are sent.
    """
    replies = asyncio.run(_closed_loop(host, port, requests, concurrency, timeout, on_reply))
    if not replies:
        return replies, 0.0
    return replies, max(r.done for r in replies) - min(r.sent for r in replies)
