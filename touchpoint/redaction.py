"""Log redaction: credentials never reach a log line.

`RedactSecretsFilter` sits on the console handler (settings.LOGGING) and
rewrites each record in place before any handler formats it: Authorization
header values, Basic/Bearer/Token credentials, password/secret/token key-value
pairs, and the configured LRS password (and its Basic credential) and
SECRET_KEY wherever they appear. It imports nothing that needs the app
registry: logging is configured before apps load.
"""

from __future__ import annotations

import base64
import logging
import re
from collections.abc import Iterable

from django.conf import settings

REDACTED = "[redacted]"

_SECRET_KEYS = r"(?:password|passwd|pwd|secret|secret_key|api_key|token|access_token|" \
    r"refresh_token|sessionid|csrftoken|csrfmiddlewaretoken|authorization|http_authorization)"
_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    # Authorization: Basic abc / 'HTTP_AUTHORIZATION': 'Token abc' / "authorization": "..."
    (re.compile(r"(?i)((?:http_)?authorization['\"]?\s*[:=]\s*['\"]?)[^'\"\r\n,}]+"),
     rf"\1{REDACTED}"),
    # Scheme credentials anywhere: Token <hex key>, Bearer <token>
    (re.compile(r"\b(Token|Bearer)\s+(?=[A-Za-z0-9._~+/-]*\d)[A-Za-z0-9._~+/=-]{16,}"),
     rf"\1 {REDACTED}"),
    # password=..., "token": "...", 'secret': '...', sessionid=...
    # ... also as a list ('password': ['...'], a QueryDict's repr)
    (re.compile(rf"(?i)(['\"]?\b{_SECRET_KEYS}['\"]?\s*[:=]\s*\[?\s*)(['\"])"
                r"(?:(?!\2)[^\\]|\\.)*\2"),
     rf"\1\2{REDACTED}\2"),
    (re.compile(rf"(?i)(\b{_SECRET_KEYS}\s*=\s*)[^\s&;,'\"]+"), rf"\1{REDACTED}"),
)
_STANDARD_ATTRS = frozenset(vars(logging.LogRecord("", 0, "", 0, "", (), None))) | {
    "message", "asctime"}


def _configured_secrets() -> list[str]:
    """Exact secret values from settings (LRS password, its Basic credential, SECRET_KEY)."""
    secrets = []
    password = getattr(settings, "XAPI_LRS_PASSWORD", "") or ""
    username = getattr(settings, "XAPI_LRS_USERNAME", "") or ""
    if password:
        secrets.append(password)
        secrets.append(base64.b64encode(f"{username}:{password}".encode()).decode("ascii"))
    secret_key = getattr(settings, "SECRET_KEY", "") or ""
    if secret_key:
        secrets.append(secret_key)
    # Longest first, and never blank out trivially short values everywhere.
    return sorted({s for s in secrets if len(s) >= 4}, key=len, reverse=True)


_BASIC = re.compile(r"\b(Basic)\s+([A-Za-z0-9+/]{4,}={0,2})")


def _basic_credential(match: re.Match[str]) -> str:
    """Basic <base64 of user:password> -> Basic [redacted]; prose ("Basic words") stays."""
    try:
        decoded = base64.b64decode(match.group(2), validate=True)
    except ValueError:
        return match.group(0)
    return f"{match.group(1)} {REDACTED}" if b":" in decoded else match.group(0)


def redact(text: str, secrets: Iterable[str] | None = None) -> str:
    """`text` with credentials replaced by [redacted]."""
    for secret in _configured_secrets() if secrets is None else secrets:
        if secret in text:
            text = text.replace(secret, REDACTED)
    text = _BASIC.sub(_basic_credential, text)
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return text


def _redact_value(value, secrets):
    if isinstance(value, str):
        return redact(value, secrets)
    if isinstance(value, dict):
        return {key: _redact_value(item, secrets) for key, item in value.items()}
    return value


class RedactSecretsFilter(logging.Filter):
    """Rewrites each record in place (message, exception text, string extras); keeps them all.

    Attached to a handler, it runs before that handler formats the record; the
    record is the same object every later handler (and pytest's caplog) gets.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        secrets = _configured_secrets()
        try:
            message = record.getMessage()
        except Exception:  # a broken format string: keep what we have
            message = str(record.msg)
        record.msg, record.args = redact(message, secrets), None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text, secrets)
        if record.stack_info:
            record.stack_info = redact(record.stack_info, secrets)
        for name, value in list(vars(record).items()):
            if name not in _STANDARD_ATTRS and isinstance(value, str | dict):
                setattr(record, name, _redact_value(value, secrets))
        return True
