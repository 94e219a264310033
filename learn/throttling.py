"""The learner pages' rate limits: the same per-learner limits, counted in the same cache
entries, as the API's (api/throttles.py), so the no-JS form and the API share one budget."""

from __future__ import annotations

import math
from collections.abc import Callable
from functools import wraps

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from rest_framework.throttling import SimpleRateThrottle


def throttled(throttle_class: type[SimpleRateThrottle]) -> Callable:
    """Refuse a view with a clear 429 page (and Retry-After) past `throttle_class`'s rate."""

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            throttle = throttle_class()
            if throttle.allow_request(request, None):
                return view(request, *args, **kwargs)
            seconds = max(1, math.ceil(throttle.wait() or 1))
            context = {"seconds": seconds, "back": _back(request)}
            response = render(request, "learn/throttled.html", context, status=429)
            response["Retry-After"] = str(seconds)
            return response

        return wrapped

    return decorator


def _back(request: HttpRequest) -> str:
    """The page the learner came from (the form), if it is one of ours; else the home page."""
    referer = request.headers.get("Referer", "")
    safe = url_has_allowed_host_and_scheme(
        referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return referer if safe else "/"
