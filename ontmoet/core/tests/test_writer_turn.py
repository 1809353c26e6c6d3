import fcntl
import multiprocessing
import os
import threading
import time

import pytest
from django.db import connection, transaction

from ontmoet.core.writer_turn import writer_turn


@pytest.mark.django_db(transaction=True)
def test_writers_take_turns_without_overlap():
    """Eight threads, each holding its turn for a moment: never two inside at once. (No
    transaction inside, so only the turn itself keeps them apart.)"""
    if connection.vendor != "sqlite":
        pytest.skip("turns are taken on SQLite only; PostgreSQL queues on row locks")
    inside, overlaps = [], []

    def write():
        try:
            for _ in range(5):
                with writer_turn():
                    inside.append(1)
                    if len(inside) > 1:
                        overlaps.append(1)
                    time.sleep(0.002)
                    inside.pop()
        finally:
            connection.close()

    threads = [threading.Thread(target=write) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert overlaps == []


@pytest.mark.django_db
def test_inside_a_transaction_it_takes_no_turn():
    # The surrounding transaction already holds the write lock: taking a turn here could
    # deadlock against a writer that holds the turn and waits for that lock. So the turn's
    # file must stay free for others meanwhile.
    if connection.vendor != "sqlite":
        pytest.skip("turns are taken on SQLite only")
    path = f"{connection.settings_dict['NAME']}.writer-turn"
    other = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        with transaction.atomic(), writer_turn():
            fcntl.flock(other, fcntl.LOCK_EX | fcntl.LOCK_NB)  # raises if the turn were taken
            fcntl.flock(other, fcntl.LOCK_UN)
    finally:
        os.close(other)


def _take_turns(inside, overlaps):
    for _ in range(20):
        with writer_turn():
            with inside.get_lock():
                inside.value += 1
                overlaps.value += inside.value > 1
            time.sleep(0.001)
            with inside.get_lock():
                inside.value -= 1


@pytest.mark.django_db(transaction=True)
def test_worker_processes_take_turns():
    """As gunicorn's workers do: forked processes, each with its own lock file handle."""
    if connection.vendor != "sqlite":
        pytest.skip("turns are taken on SQLite only")
    with writer_turn():  # the parent has used it too before forking
        pass
    context = multiprocessing.get_context("fork")
    inside, overlaps = context.Value("i", 0), context.Value("i", 0)
    workers = [context.Process(target=_take_turns, args=(inside, overlaps)) for _ in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert [w.exitcode for w in workers] == [0, 0, 0, 0]
    assert overlaps.value == 0
