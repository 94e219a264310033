"""HTTP to an LMS: the fetch URL, its State and Agent Profile APIs and its statements.

One `LmsClient` per launch session, on xapi's TimeoutRemoteLRS (a timeout on
every request, one kept-alive connection, no redirects followed). Every URL
is checked against settings.CMI5_ALLOWED_LMS_ORIGINS here too, so no code
path can send a token or a statement anywhere else.
"""

from __future__ import annotations

import http.client
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from tincan.http_request import HTTPRequest

from xapi.backends.base import Retryable, SendResult, classify_response
from xapi.backends.tincan_lrs import TimeoutRemoteLRS

from . import vocabulary as cmi5
from .launch import load_json, normalize_origin

__all__ = ["Document", "LmsClient", "LmsUnavailable", "OriginNotAllowed", "basic_auth"]


class LmsUnavailable(Exception):
    """The LMS did not answer (network error, timeout) or answered with a server error."""


class OriginNotAllowed(Exception):
    """A URL outside CMI5_ALLOWED_LMS_ORIGINS: never requested."""


@dataclass(frozen=True)
class Document:
    status: int
    body: Any  # parsed JSON (decimals exact), None when absent or not JSON


def basic_auth(token: str) -> str:
    """cmi5 8.2: the auth-token goes in a Basic Authorization header as it is."""
    return f"Basic {token}"


def allowed_origins() -> set[str]:
    return {normalize_origin(o) for o in settings.CMI5_ALLOWED_LMS_ORIGINS} - {None}


class LmsClient:
    def __init__(self, *, endpoint: str, auth: str | None = None,
                 timeout: float | None = None) -> None:
        self._check(endpoint)
        self.endpoint = endpoint
        self.lrs = TimeoutRemoteLRS(
            endpoint=endpoint, auth=auth, version=cmi5.XAPI_VERSION,
            timeout=timeout or settings.CMI5_LMS_TIMEOUT,
        )

    def close(self) -> None:
        self.lrs.close()

    def fetch_token(self, fetch_url: str) -> dict[str, Any]:
        """POST the fetch URL once (cmi5 8.2); its JSON answer ({"auth-token"} or an error code)."""
        self._check(fetch_url)
        response = self._request("POST", fetch_url, headers={"Accept": "application/json"})
        if response.status != 200 or not isinstance(response.body, dict):
            return {"error-code": "3", "error-text": f"HTTP {response.status}"}
        return response.body

    def get_document(self, resource: str, params: dict[str, str]) -> Document:
        """GET a State or Agent Profile document (404 and 403 are answers, not errors)."""
        return self._request("GET", resource, params=params,
                             headers={"Accept": "application/json"})

    def send_statements(self, payloads: list[str]) -> SendResult:
        """POST serialized statements, unchanged, as one array; never raises for an answer."""
        request = HTTPRequest(
            method="POST", resource="statements",
            headers={"Content-Type": "application/json", "Accept": "application/json"},
            content="[" + ",".join(payloads) + "]",
        )
        try:
            response = self.lrs._send_request(request)
        except TimeoutError as exc:
            return Retryable(reason=f"timed out after {self.lrs.timeout:g} s ({exc})")
        except (OSError, http.client.HTTPException) as exc:
            return Retryable(reason=f"{type(exc).__name__}: {exc}")
        return classify_response(
            response.response.status, response.response.headers, response.data or ""
        )

    # -- internals -----------------------------------------------------------

    def _request(self, method: str, resource: str, *, params: dict[str, str] | None = None,
                 headers: dict[str, str] | None = None) -> Document:
        request = HTTPRequest(method=method, resource=resource, headers=headers or {},
                              query_params=params or {})
        request.ignore404 = True
        try:
            response = self.lrs._send_request(request)
        except (OSError, http.client.HTTPException) as exc:
            raise LmsUnavailable(f"{method} {_where(resource)}: {type(exc).__name__}") from exc
        status = response.response.status
        if status >= 500:
            raise LmsUnavailable(f"{method} {_where(resource)}: HTTP {status}")
        try:
            body = load_json(response.data) if response.data else None
        except ValueError:
            body = None
        return Document(status=status, body=body)

    @staticmethod
    def _check(url: str) -> None:
        if normalize_origin(url) not in allowed_origins():
            raise OriginNotAllowed(f"{_where(url)} is not in CMI5_ALLOWED_LMS_ORIGINS")


def _where(url: str) -> str:
    """A URL without its query (fetch URLs carry one-time keys there)."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}{parts.path}" if parts.scheme else parts.path
