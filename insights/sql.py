"""Two SQL expressions the selectors need on both databases: seconds between two
datetimes, and a median aggregate (PostgreSQL's percentile_cont; on SQLite a
Python aggregate registered on each new connection, see apps.py)."""

from __future__ import annotations

import statistics
from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connection, transaction
from django.db.models import Aggregate, FloatField, Func

# Memory for one report's sorts and hash tables on PostgreSQL (the server default, 4MB,
# makes the grouped answer queries of a large quiz spill to disk: ~1.7x slower).
REPORT_WORK_MEM = "64MB"


@contextmanager
def reporting_queries() -> Iterator[None]:
    """Run a report's queries in one transaction tuned for them (PostgreSQL, SET LOCAL).

    More work_mem (above), and no JIT: these queries' high cost estimates make
    PostgreSQL compile them, which costs ~150 ms each and saves less than that.
    """
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(f"SET LOCAL work_mem = '{REPORT_WORK_MEM}'; SET LOCAL jit = off")
        yield


class SecondsBetween(Func):
    """Seconds from `earlier` to `later` (two datetime expressions)."""

    output_field = FloatField()
    arity = 2
    # SQLite: julianday() of the stored UTC text, in days.
    template = "((julianday(%(expressions)s)) * 86400.0)"
    arg_joiner = ") - julianday("

    def __init__(self, later, earlier, **extra):
        super().__init__(later, earlier, **extra)

    def as_postgresql(self, compiler, connection, **extra):
        return super().as_sql(compiler, connection,
                              template="EXTRACT(EPOCH FROM (%(expressions)s))",
                              arg_joiner=" - ", **extra)


class Median(Aggregate):
    """The median of an expression (the mean of the two middle values for even n)."""

    name = "Median"
    output_field = FloatField()
    allow_distinct = False

    def as_postgresql(self, compiler, connection, **extra):
        template = "percentile_cont(0.5) WITHIN GROUP (ORDER BY %(expressions)s)"
        return super().as_sql(compiler, connection, template=template, **extra)

    def as_sqlite(self, compiler, connection, **extra):
        return super().as_sql(compiler, connection, function="insights_median", **extra)


class SQLiteMedian:
    """insights_median(x): sqlite3 aggregate behind Median on SQLite."""

    def __init__(self):
        self.values = []

    def step(self, value):
        if value is not None:
            self.values.append(value)

    def finalize(self):
        return statistics.median(self.values) if self.values else None


def register_sqlite_functions(sender, connection, **kwargs) -> None:
    if connection.vendor == "sqlite":
        connection.connection.create_aggregate("insights_median", 1, SQLiteMedian)
