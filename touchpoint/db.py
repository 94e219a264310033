"""Database helpers shared by the apps: the outbox's one-statement INSERT, batched deletes."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db import connection
from django.db.models import Model, QuerySet


def insert_values(model: type[Model], columns: Sequence[str], rows: Sequence[Sequence[Any]],
                  *, returning: bool = True) -> list[Any]:
    """INSERT rows of values, already prepared for the database, in one statement.

    `columns`: the model's field names (attnames), in the order of each row's
    values; the other columns get their database default (db_default) or NULL.
    Returns the new primary keys, in order (`returning=False`: none, not asked for).
    What QuerySet.bulk_create does for the simple case (no signals, no
    conflicts, no multi-table inheritance, an auto primary key) without
    compiling the INSERT through the ORM for every row and value, and with only
    the columns named: a quiz submit records 13 xAPI statements at once
    (xapi/outbox.py), and bulk_create of those rows made a whole submit 20-30%
    more CPU (bench/README.md, "Simplified in issue 12").
    """
    if not rows:
        return []
    meta = model._meta
    quote = connection.ops.quote_name
    names = ", ".join(quote(meta.get_field(name).column) for name in columns)
    placeholders = "(" + ", ".join(["%s"] * len(columns)) + ")"
    sql = (f"INSERT INTO {quote(meta.db_table)} ({names}) "
           f"VALUES {', '.join([placeholders] * len(rows))}")
    if returning:
        sql += f" RETURNING {quote(meta.pk.column)}"
    with connection.cursor() as cursor:
        cursor.execute(sql, [value for row in rows for value in row])
        return [pk for (pk,) in cursor.fetchall()] if returning else []


def delete_in_batches(rows: QuerySet, *, oldest_first: str, batch_size: int = 1000) -> int:
    """DELETE what `rows` selects, `batch_size` rows at a time, in `oldest_first` order.

    Each batch is one short statement (in autocommit, its own transaction), so
    trimming a large table never holds many row locks for long. Returns how
    many rows were deleted. For plain tables (no cascades or delete signals).
    """
    deleted = 0
    while True:
        ids = list(rows.order_by(oldest_first).values_list("pk", flat=True)[:batch_size])
        if not ids:
            return deleted
        deleted += rows.filter(pk__in=ids).delete()[0]
