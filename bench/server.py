"""The production server under test: gunicorn with the production settings, no access log."""

import http.client
import json
import os
import signal
import socket
import subprocess
import time
from pathlib import Path

from prepare import BASE_DIR, BENCH_VAR, Engine, django_env

GUNICORN = BASE_DIR / ".venv" / "bin" / "gunicorn"
HOST = "127.0.0.1"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def get(port: int, path: str, timeout: float = 10) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def get_json(port: int, path: str):
    status, body = get(port, path)
    if status != 200:
        raise RuntimeError(f"GET {path} answered {status}")
    return json.loads(body)


class Gunicorn:
    def __init__(
        self,
        engine: Engine,
        *,
        workers: int,
        worker_class: str,
        env: dict[str, str] | None = None,
        log_path: Path | None = None,
    ):
        self.engine = engine
        self.workers = workers
        self.worker_class = worker_class
        self.env = env or {}  # on top of the production environment (prepare.django_env)
        self.port = free_port()
        slug = engine.name.lower()
        self.log_path: Path = log_path or BENCH_VAR / f"gunicorn-{slug}.log"
        self.process: subprocess.Popen | None = None

    def command(self) -> list[str]:
        return [
            str(GUNICORN),
            "config.wsgi",
            "--workers",
            str(self.workers),
            "--worker-class",
            self.worker_class,
            "--bind",
            f"{HOST}:{self.port}",
            "--log-level",
            "warning",
        ]

    def __enter__(self) -> "Gunicorn":
        # gunicorn's error log and Django's logging (5xx tracebacks) both go to stderr.
        with open(self.log_path, "wb") as log_file:
            self.process = subprocess.Popen(
                self.command(),
                cwd=BASE_DIR,
                env={**django_env(self.engine), **self.env},
                stdout=log_file,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                code = self.process.returncode
                raise RuntimeError(f"gunicorn exited ({code}); see {self.log_path}")
            try:
                if get(self.port, "/healthz", timeout=2)[0] == 200:
                    return self
            except OSError:
                pass
            time.sleep(0.2)
        self.__exit__(None, None, None)
        raise RuntimeError(f"gunicorn did not answer /healthz within 60 s; see {self.log_path}")

    def worker_pids(self) -> list[int]:
        """The master's children: the workers."""
        if self.process is None:
            return []
        pids = []
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == self.process.pid:
                pids.append(int(entry.name))
        return sorted(pids)

    def kill(self) -> list[int]:
        """SIGKILL the master and every worker at once (the whole process group), as the OOM
        killer or ``kill -9`` would: no handler runs, no response is finished. Return the
        pids that were killed."""
        if self.process is None or self.process.poll() is not None:
            return []
        pids = [self.process.pid, *self.worker_pids()]
        os.killpg(self.process.pid, signal.SIGKILL)  # its own session: master and workers
        self.process.wait()
        return pids

    def __exit__(self, *exc) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
