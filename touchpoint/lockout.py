"""Failed sign-in lockout, for every path that calls `authenticate()`.

`LockoutModelBackend` (settings.AUTHENTICATION_BACKENDS) counts failed
passwords per username and per client address in the default cache (Redis in
production, so all processes share the counts) and refuses further attempts,
before checking the password, once a limit is reached within the window: the
sign-in page, the Wagtail admin's sign-in and the API token endpoint alike.
`login_locked_out()` lets a view say so clearly (touchpoint/views.py).
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from rest_framework.throttling import BaseThrottle

LOCKED_OUT_MESSAGE = (
    "Too many failed sign-in attempts. Wait {minutes} minutes and try again, or ask an "
    "administrator to reset your password."
)


def _limits() -> tuple[int, int, int]:
    return (
        int(getattr(settings, "TOUCHPOINT_LOGIN_MAX_FAILURES", 5)),
        int(getattr(settings, "TOUCHPOINT_LOGIN_MAX_FAILURES_PER_IP", 50)),
        int(getattr(settings, "TOUCHPOINT_LOGIN_LOCKOUT_SECONDS", 900)),
    )


def _digest(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()[:32]


def _keys(request: HttpRequest | None, username: str | None) -> list[tuple[str, int]]:
    """(cache key, limit) for the username and, with a request, the client address."""
    per_user, per_ip, _ = _limits()
    keys = []
    if username:
        keys.append((f"login-failures:user:{_digest(username.strip().lower())}", per_user))
    if request is not None:
        # DRF's get_ident honours REST_FRAMEWORK["NUM_PROXIES"] like the API throttles.
        ident = BaseThrottle().get_ident(request)
        if ident:
            keys.append((f"login-failures:ip:{_digest(ident)}", per_ip))
    return keys


def login_locked_out(request: HttpRequest | None, username: str | None) -> bool:
    """True while the username or the client address has used up its failed attempts."""
    return any((cache.get(key) or 0) >= limit for key, limit in _keys(request, username))


def login_failure_record(request: HttpRequest | None, username: str | None) -> None:
    """Count one failed attempt (a fixed window of TOUCHPOINT_LOGIN_LOCKOUT_SECONDS)."""
    window = _limits()[2]
    for key, _limit in _keys(request, username):
        cache.add(key, 0, timeout=window)
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout=window)


def login_failures_clear(username: str | None) -> None:
    for key, _limit in _keys(None, username):
        cache.delete(key)


def lockout_minutes() -> int:
    return max(1, round(_limits()[2] / 60))


class LockoutModelBackend(ModelBackend):
    """ModelBackend that refuses locked-out usernames/addresses before checking the password."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is None:
            username = kwargs.get(get_user_model().USERNAME_FIELD)
        if login_locked_out(request, username):
            raise PermissionDenied("locked out")  # authenticate() then returns None
        user = super().authenticate(request, username=username, password=password, **kwargs)
        if user is None:
            login_failure_record(request, username)
        else:
            login_failures_clear(username)
        return user
