"""The two statements a vote makes, written by hand: while a hall votes, the CPU per vote
and the time under the round's lock are what limit the rate, and Django's query building
costs more than these tiny statements do (docs/benchmarks.md, "Debate vote"). Names come
only from the models' metadata; every value is a parameter.

1. Count the vote: add one to the chosen total of the round *if it is open*, returning the
   round's salt. The UPDATE takes the row's lock (PostgreSQL), so votes of one round queue
   here; on SQLite the transaction already holds the write lock.
2. Record the ballot: insert the digest unless the round has it (ON CONFLICT DO NOTHING),
   returning the new row's id. No row returned means this key voted already; the caller
   then rolls the transaction back, and with it the count of step 1.
"""

from functools import cache

from django.db import connection

from .models import Ballot, VoteRound


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
