"""Streamed CSV downloads of the Insights tables, safe to open in a spreadsheet.

A text cell that a spreadsheet would run as a formula (it starts with =, +, -,
@, a tab or a carriage return) gets a leading apostrophe (OWASP's advice), so a
question prompt or a learner's name can never become a formula. Numbers are
written as numbers; a withheld figure as its explanation ("fewer than 5").
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable, Sequence

from django.http import StreamingHttpResponse
from django.utils import timezone

FORMULA_START = frozenset("=+-@\t\r")


def cell(value, tz=None) -> str | int | float:
    """One value as written to the CSV (the common cases first: this runs per cell).

    Aware datetimes are written in `tz` (default: the current time zone)."""
    kind = type(value)
    if kind is str:
        return "'" + value if value[:1] in FORMULA_START else value
    if value is None:
        return ""
    if kind is int:
        return value
    if kind is float:
        return round(value, 6)
    if kind is bool:
        return "yes" if value else "no"
    if isinstance(value, dt.datetime):
        if timezone.is_aware(value):
            value = value.astimezone(tz or timezone.get_current_timezone())
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int | float):
        return value
    return cell(str(value), tz)


class _Echo:
    def write(self, value: str) -> str:
        return value


ROWS_PER_CHUNK = 500


def csv_response(filename: str, header: Sequence[str], rows: Iterable[Sequence]):
    """Stream `rows` as CSV, a few hundred rows per chunk (not one tiny chunk per row)."""
    writer = csv.writer(_Echo())
    tz = timezone.get_current_timezone()

    def chunks():
        lines = ["\ufeff" + writer.writerow([cell(name) for name in header])]  # BOM for Excel
        for row in rows:
            lines.append(writer.writerow([cell(value, tz) for value in row]))
            if len(lines) >= ROWS_PER_CHUNK:
                yield "".join(lines).encode()
                lines = []
        yield "".join(lines).encode()

    response = StreamingHttpResponse(chunks(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response
