"""Hand-written statements for the few writes every change of places makes.

In a registration rush the CPU spent per registration is the limit, and for these small
statements Django's query compiler costs more than the database does (docs/benchmarks.md,
"Registration rush"). So the locked read of an activity with its tally, the tally's update
and the inserts of tokens and outbox rows are written here once per database engine, from
the models' own metadata (tables, columns, value conversion), and run through a cursor:
names come only from that metadata, every value is a parameter.
Everything else stays with the ORM; the capacity and service tests run through these.
"""

import datetime
from collections.abc import Iterable, Sequence
from functools import cache

from django.db import connection
from django.db.models import Model

from ontmoet.programme.models import Activity

from .models import Tally

# The largest number of rows one INSERT carries (SQLite allows 32,766 parameters).
INSERT_CHUNK = 500

# SQL with its parameters.
Statement = tuple[str, list]


def _q(name: str) -> str:
    return connection.ops.quote_name(name)


@cache
def _tally_fields() -> tuple:
    return tuple(field for field in Tally._meta.concrete_fields if not field.primary_key)


@cache
def _locked_read_sql(vendor: str, fields: tuple[str, ...]) -> str:
    activity_columns = [
        f"a.{_q(Activity._meta.get_field(name).column)}" for name in ("id", *fields)
    ]
    tally_columns = [f"t.{_q(f.column)} AS {_q('tally_' + f.column)}" for f in _tally_fields()]
    sql = (
        f"SELECT {', '.join(activity_columns + tally_columns)} "  # noqa: S608
        f"FROM {_q(Activity._meta.db_table)} a "
        f"JOIN {_q(Tally._meta.db_table)} t ON t.{_q(Tally._meta.pk.column)} = a.{_q('id')} "
        f"WHERE a.{_q('id')} = %s"
    )
    if connection.features.has_select_for_no_key_update:
        # Both rows locked: a statement that waited for the lock then reads the versions
        # the previous holder committed. (A row that is only joined, not locked, would be
        # read as it was when the statement started, before the wait: a stale tally.)
        # NO KEY lets new registrations reference the activity meanwhile.
        sql += " FOR NO KEY UPDATE OF a, t"
    return sql


def activity_locked(activity_id: int, fields: Sequence[str]) -> tuple[Activity, Tally]:
    """The activity with ``fields`` loaded (others load when asked) and its tally, locked
    (on SQLite the IMMEDIATE transaction already holds the database's write lock)."""
    low, high = connection.ops.integer_field_range(Activity._meta.pk.get_internal_type())
    if not low <= activity_id <= high:  # an id no row can have (the ORM's lookups agree)
        raise Activity.DoesNotExist(f"Activity {activity_id} does not exist.")
    sql = _locked_read_sql(connection.vendor, tuple(fields))
    activity = next(iter(Activity.objects.raw(sql, [activity_id])), None)
    if activity is None:  # no such activity, or its first change of places: no tally yet
        activity = Activity.objects.select_for_update(no_key=True).only(*fields).get(pk=activity_id)
        return activity, Tally.objects.get_or_create(activity=activity)[0]
    names = [field.attname for field in _tally_fields()]
    values = [getattr(activity, "tally_" + field.column) for field in _tally_fields()]
    tally = Tally.from_db(connection.alias, ["activity_id", *names], [activity_id, *values])
    return activity, tally


@cache
def _tally_update_sql(vendor: str) -> str:
    assignments = ", ".join(f"{_q(field.column)} = %s" for field in _tally_fields())
    return (
        f"UPDATE {_q(Tally._meta.db_table)} SET {assignments} "  # noqa: S608
        f"WHERE {_q(Tally._meta.pk.column)} = %s"
    )


def tally_update(tally: Tally) -> Statement:
    values = [
        field.get_db_prep_save(getattr(tally, field.attname), connection)
        for field in _tally_fields()
    ]
    return _tally_update_sql(connection.vendor), [*values, tally.pk]


@cache
def _insert_sql(vendor: str, model: type[Model], columns: tuple[str, ...], rows: int) -> str:
    row = "(" + ", ".join(["%s"] * len(columns)) + ")"
    return (
        f"INSERT INTO {_q(model._meta.db_table)} ({', '.join(map(_q, columns))}) "  # noqa: S608
        f"VALUES {', '.join([row] * rows)}"
    )


def rows_insert(
    model: type[Model], fields: Sequence[str], rows: Iterable[Sequence], now: datetime.datetime
) -> list[Statement]:
    """INSERTs of plain rows of ``fields`` values (by attribute name, e.g.
    ``registration_id``), with ``created_at`` set to ``now``. No ids come back: these tables
    need none at once."""
    model_fields = [model._meta.get_field(name) for name in (*fields, "created_at")]
    prepared = [
        [f.get_db_prep_save(v, connection) for f, v in zip(model_fields, (*row, now), strict=True)]
        for row in rows
    ]
    columns = tuple(f.column for f in model_fields)
    return [
        (
            _insert_sql(connection.vendor, model, columns, len(chunk)),
            [value for row in chunk for value in row],
        )
        for chunk in (
            prepared[start : start + INSERT_CHUNK]
            for start in range(0, len(prepared), INSERT_CHUNK)
        )
    ]


def instance_insert(instance: Model) -> None:
    """Insert a new model instance as ``save()`` would (defaults, ``auto_now``, value
    conversion) and set its id, without the ORM's query building."""
    meta = instance._meta
    fields = [f for f in meta.concrete_fields if f is not meta.auto_field]
    values = [f.get_db_prep_save(f.pre_save(instance, True), connection) for f in fields]
    sql = _returning_insert_sql(connection.vendor, type(instance))
    with connection.cursor() as cursor:
        cursor.execute(sql, values)
        instance.pk = cursor.fetchone()[0]
    instance._state.adding, instance._state.db = False, connection.alias


@cache
def _returning_insert_sql(vendor: str, model: type[Model]) -> str:
    meta = model._meta
    columns = [f.column for f in meta.concrete_fields if f is not meta.auto_field]
    return (
        _insert_sql(vendor, model, tuple(columns), 1) + f" RETURNING {_q(meta.auto_field.column)}"
    )


def run(statements: Sequence[Statement]) -> None:
    """Execute statements in order. On PostgreSQL they travel together, in one round trip
    (the driver binds parameters on the client, so several statements may share a query):
    inside the activity's lock every round trip saved shortens the time others wait."""
    if not statements:
        return
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "; ".join(sql for sql, _ in statements), sum((p for _, p in statements), [])
            )
        else:
            for sql, params in statements:
                cursor.execute(sql, params)
