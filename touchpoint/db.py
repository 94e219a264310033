"""Database helpers shared by the apps' hot write paths."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db import connection
from django.db.models import Model


def insert_rows(rows: Sequence[Model]) -> None:
    """INSERT unsaved instances of one model in one statement and set their pks.

    What QuerySet.bulk_create does for the simple case (no signals, no conflicts,
    no multi-table inheritance, an auto primary key), at about half of its CPU:
    bulk_create compiles the INSERT through the ORM for every row and value, and a
    quiz submit inserts two dozen rows (its answers and its xAPI statements).
    Values go through each field's get_db_prep_save like the ORM's, once per
    distinct value (rows written together share their times, flags and counters).
    """
    if not rows:
        return
    meta = rows[0]._meta
    fields = [field for field in meta.concrete_fields if not field.primary_key]
    prepared: dict[tuple[str, Any], Any] = {}

    def prep(field, value):
        try:
            key = (field.attname, value)
            if key not in prepared:
                prepared[key] = field.get_db_prep_save(value, connection)
            return prepared[key]
        except TypeError:  # unhashable (a JSONField's dict or list)
            return field.get_db_prep_save(value, connection)

    values = [prep(field, getattr(row, field.attname)) for row in rows for field in fields]
    quote = connection.ops.quote_name
    placeholders = "(" + ", ".join(["%s"] * len(fields)) + ")"
    sql = (
        f"INSERT INTO {quote(meta.db_table)} ({', '.join(quote(f.column) for f in fields)}) "
        f"VALUES {', '.join([placeholders] * len(rows))} RETURNING {quote(meta.pk.column)}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, values)
        pks = [pk for (pk,) in cursor.fetchall()]
    for row, pk in zip(rows, pks, strict=True):
        row.pk = pk
        row._state.adding = False
        row._state.db = connection.alias
