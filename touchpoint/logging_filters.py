"""Logging filters beyond redaction (settings.LOGGING; nothing here needs the app registry).

`OneLineWarning`, on the ``django.security.DisallowedHost`` logger: a request
for a host not in ALLOWED_HOSTS is a scanner or a misrouted probe, not a
server error. Django logs each at ERROR with a full traceback, which floods the
logs under any scan; this turns each into one WARNING line (the message names
the host; the 400 response is unchanged).
"""

from __future__ import annotations

import logging


class OneLineWarning(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno > logging.WARNING:
            record.levelno, record.levelname = logging.WARNING, "WARNING"
        record.exc_info = None
        record.exc_text = None
        record.stack_info = None
        return True
