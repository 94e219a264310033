"""Database helpers shared by the apps: the hot paths' one-statement INSERTs, batched deletes."""

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
    compiling the INSERT through the ORM for every row and value: a quiz submit
    inserts two dozen rows (its answers and its xAPI statements), and this costs
    a third to a half of bulk_create's CPU (bench/profile_submit.py).
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


def insert_rows(rows: Sequence[Model]) -> None:
    """INSERT unsaved instances of one model in one statement (insert_values) and set their pks.

    Values go through each field's get_db_prep_save, as the ORM's would.
    """
    if not rows:
        return
    meta = rows[0]._meta
    fields = [field for field in meta.concrete_fields if not field.primary_key]
    values = [
        [field.get_db_prep_save(getattr(row, field.attname), connection) for field in fields]
        for row in rows
    ]
    pks = insert_values(type(rows[0]), [field.attname for field in fields], values)
    for row, pk in zip(rows, pks, strict=True):
        row.pk = pk
        row._state.adding = False
        row._state.db = connection.alias


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
