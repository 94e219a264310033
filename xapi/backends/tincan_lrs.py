"""LRS backend on tincan's RemoteLRS, with a timeout and exact-bytes batches.

tincan 1.0.0 opens a new `http.client` connection per request, without a
timeout (a hung LRS would hang the worker forever), re-serializes statements
itself, and ignores response headers. `TimeoutRemoteLRS._send_request` keeps
one keep-alive connection (reopened after any error) and fixes the transport while
keeping tincan's HTTPRequest/LRSResponse types; `TincanLRSBackend.send` POSTs
the outbox strings unchanged and classifies the answer.
"""

from __future__ import annotations

import base64
import http.client
from urllib.parse import urlencode, urlparse

import tincan
from tincan.http_request import HTTPRequest
from tincan.lrs_response import LRSResponse

from xapi.backends.base import LRSBackend, Retryable, SendResult, classify_response

__all__ = ["TimeoutRemoteLRS", "TincanLRSBackend"]

XAPI_VERSION = "1.0.3"

# What sending on a kept-alive connection the server has closed raises.
_STALE_CONNECTION_ERRORS = (
    http.client.RemoteDisconnected,
    BrokenPipeError,
    ConnectionResetError,
    ConnectionAbortedError,
)


class _KeepAlive:
    """The one connection a TimeoutRemoteLRS keeps open, and what it is connected to."""

    connection: http.client.HTTPConnection | None = None
    key: tuple[str, str | None, int | None] | None = None


class TimeoutRemoteLRS(tincan.RemoteLRS):
    """tincan.RemoteLRS whose connections time out and send bodies as UTF-8.

    `timeout` (seconds) applies to connecting and to each read, like
    `http.client`'s own timeout. Network errors propagate as OSError /
    http.client.HTTPException (TimeoutError on timeout).
    """

    _props = [*tincan.RemoteLRS._props, "timeout", "keepalive"]

    def __init__(self, *args, timeout: float, **kwargs) -> None:
        if not timeout or timeout <= 0:
            raise ValueError("timeout must be a positive number of seconds")
        super().__init__(*args, **kwargs)
        self._timeout = float(timeout)
        self._keepalive = _KeepAlive()

    @property
    def timeout(self) -> float:
        return self._timeout

    @property
    def keepalive(self) -> _KeepAlive:
        return self._keepalive

    def _send_request(self, request: HTTPRequest) -> LRSResponse:
        url = (
            request.resource
            if request.resource.startswith("http")
            else (self.endpoint + request.resource)
        )
        parsed = urlparse(url)
        headers = {"X-Experience-API-Version": self.version}
        if self.auth is not None:
            headers["Authorization"] = self.auth
        headers.update(request.headers)
        path = parsed.path or "/"
        query = "&".join(q for q in (parsed.query, urlencode(request.query_params or {})) if q)
        if query:
            path += "?" + query
        # tincan keeps content as str; http.client would encode a str body as
        # latin-1, so encode it as UTF-8 here.
        body = request.content.encode("utf-8") if request.content is not None else None
        reused, connection = self._connection_for(parsed.scheme, parsed.hostname, parsed.port)
        try:
            response, data = self._exchange(connection, request.method, path, body, headers)
        except _STALE_CONNECTION_ERRORS:
            # A kept-alive connection the LRS (or a proxy) closed while idle: the
            # request never reached it, so send it once more on a new connection.
            self.close()
            if not reused:
                raise
            _, connection = self._connection_for(parsed.scheme, parsed.hostname, parsed.port)
            try:
                response, data = self._exchange(connection, request.method, path, body, headers)
            except BaseException:
                self.close()
                raise
        except BaseException:
            self.close()  # timeout or half-read answer: never reuse this connection
            raise
        ok = 200 <= response.status < 300 or (response.status == 404 and request.ignore404)
        return LRSResponse(success=ok, request=request, response=response, data=data)

    def close(self) -> None:
        """Close the kept-alive connection (the next request opens a new one)."""
        keepalive = self._keepalive
        connection, keepalive.connection, keepalive.key = keepalive.connection, None, None
        if connection is not None:
            connection.close()

    def _connection_for(
        self, scheme: str, host: str | None, port: int | None
    ) -> tuple[bool, http.client.HTTPConnection]:
        """(reused?, connection): one keep-alive connection per LRS, reopened when needed."""
        keepalive, key = self._keepalive, (scheme, host, port)
        connection = keepalive.connection
        if connection is not None and keepalive.key == key and connection.sock is not None:
            return True, connection
        self.close()
        connection_class = (
            http.client.HTTPSConnection if scheme == "https" else http.client.HTTPConnection
        )
        keepalive.connection = connection_class(host, port, timeout=self.timeout)
        keepalive.key = key
        return False, keepalive.connection

    @staticmethod
    def _exchange(connection, method, path, body, headers):
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        data = response.read()  # all of it, so the connection can carry the next request
        if response.will_close:
            connection.close()
        return response, data


class TincanLRSBackend(LRSBackend):
    """POST batches to `{endpoint}statements` through TimeoutRemoteLRS."""

    def __init__(self, *, endpoint: str, username: str, password: str, timeout: float) -> None:
        if not endpoint:
            raise ValueError("an LRS endpoint is required (XAPI_LRS_ENDPOINT)")
        self.lrs = TimeoutRemoteLRS(
            endpoint=endpoint,
            auth=_basic_auth(username, password),
            version=XAPI_VERSION,
            timeout=timeout,
        )

    @classmethod
    def from_settings(cls) -> TincanLRSBackend:
        from django.conf import settings

        return cls(
            endpoint=settings.XAPI_LRS_ENDPOINT,
            username=settings.XAPI_LRS_USERNAME,
            password=settings.XAPI_LRS_PASSWORD,
            timeout=settings.XAPI_LRS_TIMEOUT,
        )

    def send(self, batch: list[str]) -> SendResult:
        """POST exactly "[" + ",".join(batch) + "]"; never raises for LRS/network trouble.

        200 (ids) and 204 (empty: every id already stored, Ralph) -> Delivered.
        A 409 means some id is stored with different content -> Rejected, split.
        """
        if not batch:
            raise ValueError("cannot send an empty batch")
        request = HTTPRequest(
            method="POST",
            resource="statements",
            headers={"Content-Type": "application/json", "Accept": "application/json"},
            content="[" + ",".join(batch) + "]",
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


def _basic_auth(username: str, password: str) -> str | None:
    """Basic credentials as UTF-8 (tincan encodes them as ASCII and crashes on "é")."""
    if not username and not password:
        return None
    token = base64.b64encode(f"{username}:{password}".encode()).decode("ascii")
    return f"Basic {token}"
