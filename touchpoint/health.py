"""/healthz: the database, and what waits in each outbox, for load balancers and monitors.

Answers 200 with the database state and the backlog of the corporate LRS outbox
(``xapi``, xapi/health.py) and of the LMS outbox (``lms``, lms/health.py), or
503 when the database cannot be reached. It needs no login and reveals only
counts and ages. Exempt from the HTTPS redirect (settings.SECURE_REDIRECT_EXEMPT).
"""

from __future__ import annotations

from django.db import DatabaseError
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from lms import health as lms_health
from xapi import health as xapi_health


@never_cache
@require_safe
def healthz(request):
    try:
        outboxes = {"xapi": xapi_health.outbox_health(), "lms": lms_health.outbox_health()}
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok", **outboxes})
