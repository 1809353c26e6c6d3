"""Writers take turns on SQLite without sleeping.

SQLite lets one writer at a time hold the database; a writer that finds it taken sleeps in
growing steps (1, 2, 5, 10 ms ...) before trying again, so under a rush workers sit idle
while the lock is free. ``writer_turn`` queues them instead on an operating-system file
lock next to the database (and a thread lock within a process), which wakes the next one
the moment the previous commits. SQLite's own locking still guarantees correctness; this
only removes the waiting. Outside SQLite, and inside a transaction that already holds the
write lock, it does nothing.
"""

import fcntl
import os
import threading
from contextlib import contextmanager

from django.db import connection

_thread_turn = threading.Lock()
# One descriptor per process: a file lock belongs to the open file, which a forked worker
# would otherwise share with its parent (and then never wait for it).
_files: dict[tuple[int, str], int] = {}


def _lock_file(database: str) -> int | None:
    if not database or ":memory:" in database or "mode=memory" in database:
        return None
    key = (os.getpid(), database)
    if key not in _files:
        _files[key] = os.open(f"{database}.writer-turn", os.O_RDWR | os.O_CREAT, 0o600)
    return _files[key]


@contextmanager
def writer_turn():
    if connection.vendor != "sqlite" or connection.in_atomic_block:
        yield
        return
    descriptor = _lock_file(str(connection.settings_dict["NAME"]))
    if descriptor is None:
        yield
        return
    with _thread_turn:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(descriptor, fcntl.LOCK_UN)
