"""The API's JSON parser: refuses bodies that are too large (413), nested too deeply (400) or
holding a lone surrogate (400: no string the server stores or echoes can fail to encode).

DRF (3.18) reads a JSONParser's whole body through ``request.body``, where a
body over DATA_UPLOAD_MAX_MEMORY_SIZE raises RequestDataTooBig (a 500 here),
and Python's json module raises RecursionError (another 500) on a few
thousand nested brackets. `GuardedJSONParser` is therefore not a JSONParser
subclass: DRF hands it the request stream, of which it reads at most
`TOUCHPOINT_API_MAX_BODY_BYTES` + 1 bytes, and it measures the nesting before
decoding. Both refusals come out in the API's one error shape (api/errors.py).
"""

from __future__ import annotations

import re

from django.conf import settings
from rest_framework import exceptions, renderers
from rest_framework.parsers import BaseParser, get_encoding
from rest_framework.settings import api_settings
from rest_framework.utils import json

from .errors import ApiError

DEFAULT_MAX_BODY_BYTES = 262_144
DEFAULT_MAX_DEPTH = 32

# A JSON string (unrolled loop: linear time) and an innermost array or object
# (no bracket inside). Strings are removed first so brackets in text don't count.
_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_INNERMOST = re.compile(r"\[[^\[\]{}]*\]|\{[^\[\]{}]*\}")


# A \uD800-\uDFFF escape: the only way a lone surrogate gets into decoded JSON (the
# body's bytes are decoded strictly). Paired ones are fine; _is_unicode tells them apart.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def _is_unicode(value: object) -> bool:
    """True unless a string (key or value) anywhere in `value` holds a lone surrogate."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return False
        return True
    if isinstance(value, dict):
        return all(_is_unicode(key) and _is_unicode(item) for key, item in value.items())
    if isinstance(value, list):
        return all(_is_unicode(item) for item in value)
    return True


def max_body_bytes() -> int:
    return int(getattr(settings, "TOUCHPOINT_API_MAX_BODY_BYTES", DEFAULT_MAX_BODY_BYTES))


def max_depth() -> int:
    return int(getattr(settings, "TOUCHPOINT_API_MAX_JSON_DEPTH", DEFAULT_MAX_DEPTH))


def nesting_exceeds(text: str, limit: int) -> bool:
    """True if arrays/objects in `text` nest deeper than `limit` levels.

    Each pass strips the innermost level (in C, via re), so the cost is at most
    `limit` + 1 linear passes whatever the input. Unbalanced input is left to
    the JSON decoder (it reports malformed JSON), unless it is deep as well.
    """
    skeleton = _STRING.sub("", text)
    for _ in range(limit):
        skeleton, removed = _INNERMOST.subn("", skeleton)
        if not removed:
            return False
    return _INNERMOST.search(skeleton) is not None


def too_large(limit: int) -> ApiError:
    return ApiError(status_code=413, code="request_too_large",
                    detail=f"The request body is larger than {limit} bytes.")


def too_deep(limit: int) -> ApiError:
    return ApiError(status_code=400, code="too_deeply_nested",
                    detail=f"The JSON body nests arrays and objects deeper than {limit} levels.")


def lone_surrogate() -> ApiError:
    return ApiError(status_code=400, code="invalid_unicode",
                    detail="The JSON body contains a lone UTF-16 surrogate escape (\\uD800 to "
                    "\\uDFFF without its pair), which is not a character: send valid Unicode.")


class GuardedJSONParser(BaseParser):
    """application/json with a size limit (413 `request_too_large`) and a nesting limit
    (400 `too_deeply_nested`); otherwise exactly DRF's JSONParser."""

    media_type = "application/json"
    renderer_class = renderers.JSONRenderer
    strict = api_settings.STRICT_JSON

    def parse(self, stream, media_type=None, parser_context=None):
        parser_context = parser_context or {}
        limit = max_body_bytes()
        request = parser_context.get("request")
        declared = request.META.get("CONTENT_LENGTH", "") if request is not None else ""
        if declared.isdigit() and int(declared) > limit:
            raise too_large(limit)
        raw = stream.read(limit + 1)
        if len(raw) > limit:
            raise too_large(limit)
        encoding = get_encoding(parser_context)  # text codecs only (no bz2_codec bombs)
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError as exc:
            raise exceptions.ParseError(f"JSON parse error - {exc}") from exc
        depth = max_depth()
        if nesting_exceeds(text, depth):
            raise too_deep(depth)
        try:
            parse_constant = json.strict_constant if self.strict else None
            data = json.loads(text, parse_constant=parse_constant)
        except (ValueError, RecursionError) as exc:
            raise exceptions.ParseError(f"JSON parse error - {exc}") from exc
        if _SURROGATE_ESCAPE.search(text) and not _is_unicode(data):
            raise lone_surrogate()
        return data
