"""Two SQL expressions the selectors need on both databases: seconds between two
datetimes, and a median aggregate (PostgreSQL's percentile_cont; on SQLite a
Python aggregate registered on each new connection, see apps.py)."""

from __future__ import annotations

import statistics

from django.db.models import Aggregate, FloatField, Func


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
