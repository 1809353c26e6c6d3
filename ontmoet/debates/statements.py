"""The statements of the hall's hot path, written by hand: while a hall votes, the CPU per
request and the time under the round's lock are what limit the rate, and Django's query
building (and model objects) cost more than these tiny statements do (docs/benchmarks.md,
"Debate vote"). Names come only from the models' metadata; every value is a parameter.

Each vote makes two writes:

1. Count the vote: add one to the chosen total of the round *if it is open*, returning the
   round's salt. The UPDATE takes the row's lock (PostgreSQL), so votes of one round queue
   here; on SQLite the transaction already holds the write lock.
2. Record the ballot: insert the digest unless the round has it (ON CONFLICT DO NOTHING),
   returning the new row's id. No row returned means this key voted already; the caller
   then rolls the transaction back, and with it the count of step 1.

And two reads, each one statement: the round a vote is for (with the join code it must
carry), and the rounds' counts that every phone polls; both only for a published activity.
"""

from functools import cache

from django.db import connection

from ontmoet.programme.models import Activity

from .models import Ballot, Debate, VoteRound


def _q(name: str) -> str:
    return connection.ops.quote_name(name)


@cache
def _count_sql(counter: str) -> str:
    opts = VoteRound._meta
    column = _q(opts.get_field(counter).column)
    opened, closed = _q(opts.get_field("opened_at").column), _q(opts.get_field("closed_at").column)
    return (
        f"UPDATE {_q(opts.db_table)} SET {column} = {column} + 1 "  # noqa: S608
        f"WHERE {_q(opts.pk.column)} = %s AND {opened} IS NOT NULL AND {closed} IS NULL "
        f"RETURNING {_q(opts.get_field('salt').column)}"
    )


@cache
def _ballot_sql() -> str:
    opts = Ballot._meta
    round_column, digest = _q(opts.get_field("round").column), _q(opts.get_field("digest").column)
    return (
        f"INSERT INTO {_q(opts.db_table)} ({round_column}, {digest}) "  # noqa: S608
        f"VALUES (%s, %s) ON CONFLICT ({round_column}, {digest}) DO NOTHING "
        f"RETURNING {_q(opts.pk.column)}"
    )


def count_vote(round_id: int, counter: str) -> str | None:
    """Add one to ``counter`` of the round if it is open; its salt, or None if it is not."""
    with connection.cursor() as cursor:
        cursor.execute(_count_sql(counter), [round_id])
        row = cursor.fetchone()
    return row[0] if row else None


def record_ballot(round_id: int, digest: str) -> bool:
    """True if the ballot is new in this round."""
    with connection.cursor() as cursor:
        cursor.execute(_ballot_sql(), [round_id, digest])
        return cursor.fetchone() is not None


def _column(model, field: str, alias: str) -> str:
    return f"{alias}.{_q(model._meta.get_field(field).column)}"


@cache
def _published_rounds_sql() -> str:
    """FROM and WHERE of the rounds of the debate on a published activity (by its id)."""
    rounds, debates = _q(VoteRound._meta.db_table), _q(Debate._meta.db_table)
    activities = _q(Activity._meta.db_table)
    activity_id = _column(Debate, "activity", "d")
    return (
        f"FROM {rounds} r JOIN {debates} d ON d.{_q(Debate._meta.pk.column)} = "
        f"{_column(VoteRound, 'debate', 'r')} "
        f"JOIN {activities} a ON a.{_q(Activity._meta.pk.column)} = {activity_id} "
        f"WHERE {activity_id} = %s AND {_column(Activity, 'status', 'a')} = %s"
    )


@cache
def _round_sql() -> str:
    return (
        f"SELECT r.{_q(VoteRound._meta.pk.column)}, {_column(Debate, 'join_code', 'd')} "
        f"{_published_rounds_sql()} AND {_column(VoteRound, 'kind', 'r')} = %s"
    )


@cache
def _rounds_sql() -> str:
    opened, closed = _column(VoteRound, "opened_at", "r"), _column(VoteRound, "closed_at", "r")
    counts = ", ".join(
        _column(VoteRound, f, "r") for f in ("votes_for", "votes_against", "votes_undecided")
    )
    return (
        f"SELECT {_column(Debate, 'motion', 'd')}, {_column(VoteRound, 'kind', 'r')}, "
        f"{opened} IS NOT NULL AND {closed} IS NULL, {closed} IS NOT NULL, {counts} "
        f"{_published_rounds_sql()}"
    )


def published_round(activity_id: int, kind: str) -> tuple[int, str] | None:
    """(the round's id, the debate's join code), or None."""
    with connection.cursor() as cursor:
        cursor.execute(_round_sql(), [activity_id, Activity.Status.PUBLISHED.value, kind])
        return cursor.fetchone()


def published_rounds(activity_id: int) -> list[tuple]:
    """Per round: (motion, kind, open, closed, votes for, against, undecided)."""
    with connection.cursor() as cursor:
        cursor.execute(_rounds_sql(), [activity_id, Activity.Status.PUBLISHED.value])
        return cursor.fetchall()
