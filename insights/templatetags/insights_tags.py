"""{{ value|figure:"percent" }}: one figure as the Insights pages show it."""

import datetime as dt

from django import template
from django.utils import timezone
from django.utils.html import format_html

from insights.privacy import Suppressed

register = template.Library()


@register.filter
def figure(value, fmt="text"):
    if isinstance(value, Suppressed):
        return format_html(
            '<span class="insights-hidden" title="Hidden to protect privacy: fewer than {} '
            'learners">fewer than {}</span>', value.minimum, value.minimum)
    if value is None or value == "":
        return format_html('<span class="insights-none" title="{}">–</span>',
                           "not enough data, or not applicable")
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, str):
        return value
    if fmt == "percent":
        return f"{100 * value:.0f}%"
    if fmt == "number":
        return f"{value:.1f}"
    if fmt == "decimal":
        return f"{value:.2f}"
    if fmt == "int":
        return f"{value:,}"
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


@register.filter
def zip_columns(row, columns):
    return zip(row, columns, strict=False)
