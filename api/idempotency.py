"""Idempotency-Key: a retried request gets the identical first response.

The response is stored (status and exact body bytes) in the same transaction as
the work, keyed by (user, key). A retry with the same key and the same request
replays it; the same key with a different request is refused (422). Requests
that fail write nothing, so they can be retried with the same key. Stored
responses are kept at least settings.TOUCHPOINT_IDEMPOTENCY_KEY_HOURS, then
deleted by `manage.py clear_idempotency_keys` (`idempotency_keys_purge`).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from datetime import datetime

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.http import HttpResponse
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response

from touchpoint.db import delete_in_batches

from .errors import ApiError
from .models import IdempotencyKey

HEADER = "Idempotency-Key"
REPLAYED_HEADER = "Idempotent-Replayed"
MAX_KEY_LENGTH = 255


def request_fingerprint(request: Request) -> str:
    body = json.dumps(request.data, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(f"{request.method} {request.path}\n{body}".encode()).hexdigest()


def _key(request: Request) -> str | None:
    key = request.headers.get(HEADER)
    if key is None:
        return None
    if not key.strip() or len(key) > MAX_KEY_LENGTH or not key.isprintable():
        raise ApiError(
            status_code=400,
            code="invalid_idempotency_key",
            detail=f"The {HEADER} header must be 1 to {MAX_KEY_LENGTH} printable characters.",
        )
    return key


def idempotency_key_get(*, user: AbstractBaseUser, key: str) -> IdempotencyKey | None:
    return IdempotencyKey.objects.filter(user=user, key=key).first()


def idempotency_keys_purge(*, before: datetime, batch_size: int = 1000) -> int:
    """Delete stored responses created before `before`, in short batches; return the count.

    A client that retries after that gets what a first request would: for a quiz
    submit, 409 with the stored result, since the attempt is finished.
    """
    expired = IdempotencyKey.objects.filter(created_at__lt=before)
    return delete_in_batches(expired, oldest_first="created_at", batch_size=batch_size)


def _replay(stored: IdempotencyKey, fingerprint: str) -> HttpResponse:
    if stored.fingerprint != fingerprint:
        raise ApiError(
            status_code=422,
            code="idempotency_key_reused",
            detail=f"This {HEADER} was already used for a different request.",
        )
    response = _as_http(stored.body, stored.status_code)
    response[REPLAYED_HEADER] = "true"
    return response


def _as_http(body: str, status_code: int) -> HttpResponse:
    return HttpResponse(body, status=status_code, content_type="application/json")


def idempotent(request: Request, respond: Callable[[], Response]) -> HttpResponse | Response:
    """Run `respond` once per (user, Idempotency-Key); without the header just run it."""
    key = _key(request)
    if key is None:
        return respond()
    user, fingerprint = request.user, request_fingerprint(request)
    try:
        with transaction.atomic():
            stored = idempotency_key_get(user=user, key=key)
            if stored is not None:
                return _replay(stored, fingerprint)
            response = respond()
            body = JSONRenderer().render(response.data).decode()
            IdempotencyKey.objects.create(
                user=user, key=key, fingerprint=fingerprint,
                status_code=response.status_code, body=body,
            )
    except ApiError:
        raise
    except Exception:
        # A concurrent request with the same key may have finished first (this one then
        # failed on the attempt's row lock or on the key's unique constraint): replay it.
        stored = idempotency_key_get(user=user, key=key)
        if stored is None:
            raise
        return _replay(stored, fingerprint)
    return _as_http(body, response.status_code)
