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

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(value) -> str | int | float:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int | float):
        return round(value, 6) if isinstance(value, float) else value
    if isinstance(value, dt.datetime):
        return (timezone.localtime(value) if timezone.is_aware(value) else value).isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_response(filename: str, header: Sequence[str], rows: Iterable[Sequence]):
    writer = csv.writer(_Echo())

    def lines():
        yield "\ufeff" + writer.writerow([cell(name) for name in header])  # BOM: Excel reads UTF-8
        for row in rows:
            yield writer.writerow([cell(value) for value in row])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response
