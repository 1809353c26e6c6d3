"""Reads of branches and their opening hours."""

import datetime
from dataclasses import dataclass

from django.db import connection
from django.db.models import BooleanField, Model, Prefetch
from django.db.models.expressions import RawSQL
from django.utils import timezone

from .models import Branch, OpeningException, OpeningHours, Space


@dataclass(frozen=True)
class DayHours:
    date: datetime.date
    periods: list[tuple[datetime.time, datetime.time]]
    note: str = ""

    @property
    def is_closed(self) -> bool:
        return not self.periods


def branch_list_public():
    return Branch.objects.select_related("district").prefetch_related("opening_hours")


def branch_detail_public(*, slug: str, today: datetime.date | None = None) -> Branch:
    today = today or timezone.localdate()
    return (
        Branch.objects.select_related("district", "neighbourhood")
        .prefetch_related(
            "opening_hours",
            "accessibility_features",
            "study_zones",
            exceptions_this_week(today),
            # With each space's booking rules (the bookings app's): may residents ask for it?
            Prefetch(
                "spaces",
                queryset=Space.objects.select_related("booking_policy").prefetch_related(
                    "accessibility_features"
                ),
            ),
        )
        .get(slug=slug)
    )


def exceptions_this_week(first_day: datetime.date) -> Prefetch:
    """The prefetch ``opening_week`` reads: a branch's exceptions (holidays, other hours) in
    the seven days from ``first_day``."""
    return Prefetch(
        "opening_exceptions",
        queryset=OpeningException.objects.filter(
            date__gte=first_day, date__lt=first_day + datetime.timedelta(days=7)
        ),
        to_attr="exceptions_this_week",
    )


def opening_week_from(branch: Branch, first_day: datetime.date) -> list[DayHours]:
    """The hours of the seven days from ``first_day``, exceptions applied, read afresh for
    ``branch`` (three small queries)."""
    fresh = Branch.objects.prefetch_related("opening_hours", exceptions_this_week(first_day))
    return opening_week(fresh.get(pk=branch.pk), today=first_day)


def opening_week(branch: Branch, *, today: datetime.date | None = None) -> list[DayHours]:
    """The hours of the next seven days, exceptions applied. Uses prefetched rows only."""
    today = today or timezone.localdate()
    regular: dict[int, list[OpeningHours]] = {}
    for hours in branch.opening_hours.all():
        regular.setdefault(hours.weekday, []).append(hours)
    exceptions = {e.date: e for e in getattr(branch, "exceptions_this_week", [])}
    week = []
    for offset in range(7):
        day = today + datetime.timedelta(days=offset)
        exception = exceptions.get(day)
        if exception:
            periods = [] if exception.is_closed else [(exception.opens, exception.closes)]
            week.append(DayHours(day, periods, exception.reason))
        else:
            periods = [(h.opens, h.closes) for h in regular.get(day.weekday(), [])]
            week.append(DayHours(day, periods))
    return week


def opening_day(branch: Branch, day: datetime.date) -> DayHours:
    """The hours of one day, its exception applied (two small queries)."""
    exception = OpeningException.objects.filter(branch=branch, date=day).first()
    if exception:
        periods = [] if exception.is_closed else [(exception.opens, exception.closes)]
        return DayHours(day, periods, exception.reason)
    regular = OpeningHours.objects.filter(branch=branch, weekday=day.weekday())
    return DayHours(day, [(h.opens, h.closes) for h in regular])


@dataclass(frozen=True)
class OpenNow:
    is_open: bool
    # When the branch opens next, within the coming week (None: not within it, or open now).
    opens_at: datetime.datetime | None = None


def open_now(branch: Branch, *, now: datetime.datetime | None = None) -> OpenNow:
    """Is the branch open at ``now``, and if not, when does it open next (exceptions such
    as holidays applied)? Three small queries."""
    now = timezone.localtime(now or timezone.now())
    today = now.date()
    week = opening_week_from(branch, today)
    if any(opens <= now.time() < closes for opens, closes in week[0].periods):
        return OpenNow(True)
    for day in week:
        for opens, _closes in sorted(day.periods):
            moment = timezone.make_aware(datetime.datetime.combine(day.date, opens))
            if moment > now:
                return OpenNow(False, moment)
    return OpenNow(False)


def open_at(moment: datetime.datetime, *, model: type[Model], branch_field: str) -> RawSQL:
    """Whether a branch is open at ``moment`` (that day's exception applied), as an annotation
    of a queryset of ``model`` whose ``branch_field`` holds the branch's id ("branch" of a
    study zone, "id" of a branch). A feed that is polled reads it in the same statement as
    its numbers. Written as SQL: Django's expressions for the same three subqueries cost a
    millisecond to compile on every request, twenty times what the database needs to run them.
    The outer row is named by its table, as Django names the table of a queryset's own model.
    """
    local = timezone.localtime(moment)
    day, time = local.date(), local.time()
    q = connection.ops.quote_name

    def column(of: type[Model], name: str) -> str:
        return q(of._meta.get_field(name).column)

    # Names from the models' metadata, quoted; every value is a parameter.
    branch = f"{q(model._meta.db_table)}.{column(model, branch_field)}"
    exception, hours = q(OpeningException._meta.db_table), q(OpeningHours._meta.db_table)
    of_the_day = (
        f"FROM {exception} e WHERE e.{column(OpeningException, 'branch')} = {branch} "
        f"AND e.{column(OpeningException, 'date')} = %s"
    )
    opens, closes = column(OpeningHours, "opens"), column(OpeningHours, "closes")
    sql = (
        f"CASE WHEN EXISTS (SELECT 1 {of_the_day}) "  # noqa: S608
        f"THEN EXISTS (SELECT 1 {of_the_day} AND e.{opens} <= %s AND e.{closes} > %s) "
        f"ELSE EXISTS (SELECT 1 FROM {hours} h WHERE h.{column(OpeningHours, 'branch')} = "
        f"{branch} AND h.{column(OpeningHours, 'weekday')} = %s "
        f"AND h.{opens} <= %s AND h.{closes} > %s) END"
    )
    on = connection.ops.adapt_datefield_value(day)
    at = connection.ops.adapt_timefield_value(time)
    params = (on, on, at, at, day.weekday(), at, at)
    return RawSQL(sql, params, output_field=BooleanField())  # noqa: S611
