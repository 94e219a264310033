"""One error shape for every API error: ``{"error": code, "detail": message, "fields": {...}}``.

``fields`` maps an input path (``answers[2].choices``) to its messages and is empty
when the error is not about one field. Domain exceptions are translated here, so
views stay thin: they call a service and let exceptions through.
"""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from rest_framework import exceptions, status
from rest_framework.settings import api_settings
from rest_framework.views import exception_handler as drf_exception_handler

from quizzes.scoring import AnswerError
from quizzes.selectors import QuizNotAvailable
from quizzes.services import AttemptAlreadySubmitted, AttemptLimitReached, QuestionAlreadyAnswered

from .serializers import AttemptDetailOutput, question_result_data

logger = logging.getLogger("api")


class ApiError(exceptions.APIException):
    """An API error with its own code, field messages and (rarely) extra body keys."""

    def __init__(
        self,
        *,
        status_code: int,
        code: str,
        detail: str,
        fields: dict[str, list[str]] | None = None,
        extra: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(detail=detail, code=code)
        self.status_code = status_code
        self.code = code
        self.fields = fields or {}
        self.extra = extra or {}


def error_body(code: str, detail: str, fields: dict[str, list[str]] | None = None) -> dict:
    return {"error": code, "detail": detail, "fields": fields or {}}


def flatten_fields(errors: Any, prefix: str = "") -> dict[str, list[str]]:
    """DRF's nested validation errors as {"answers[1].choices[0]": ["message"]}."""
    flat: dict[str, list[str]] = {}
    if isinstance(errors, dict):
        for key, value in errors.items():
            path = f"{prefix}.{key}" if prefix else str(key)
            if isinstance(key, int) or str(key).isdigit():
                path = f"{prefix}[{key}]"
            elif key == api_settings.NON_FIELD_ERRORS_KEY and prefix:
                path = prefix
            flat.update(flatten_fields(value, path))
    elif isinstance(errors, list):
        if all(isinstance(item, str) for item in errors):
            flat[prefix or "non_field_errors"] = [str(item) for item in errors]
        else:
            for index, item in enumerate(errors):
                if item:
                    flat.update(flatten_fields(item, f"{prefix}[{index}]"))
    else:
        flat[prefix or "non_field_errors"] = [str(errors)]
    return flat


def _translate(exc: Exception) -> Exception:
    """Domain exceptions as API exceptions."""
    if isinstance(exc, AnswerError):
        return ApiError(status_code=400, code=exc.code, detail=exc.detail, fields=exc.fields)
    if isinstance(exc, AttemptAlreadySubmitted):
        return ApiError(
            status_code=status.HTTP_409_CONFLICT,
            code="attempt_already_submitted",
            detail=str(exc),
            extra={"attempt": AttemptDetailOutput(exc.attempt).data},
        )
    if isinstance(exc, QuestionAlreadyAnswered):
        return ApiError(
            status_code=status.HTTP_409_CONFLICT,
            code="question_already_answered",
            detail=str(exc),
            extra={"answer": question_result_data(exc.result.as_dict())},
        )
    if isinstance(exc, AttemptLimitReached):
        return ApiError(status_code=403, code="attempt_limit_reached", detail=str(exc))
    if isinstance(exc, QuizNotAvailable):
        return ApiError(status_code=404, code="quiz_not_available", detail=str(exc))
    if isinstance(exc, ObjectDoesNotExist | Http404):  # Http404: e.g. DRF's ?format=<unknown>
        return exceptions.NotFound()
    if isinstance(exc, DjangoPermissionDenied):
        return exceptions.PermissionDenied()
    if isinstance(exc, DjangoValidationError):
        return exceptions.ValidationError(detail=exc.message_dict if hasattr(exc, "error_dict")
                                          else {"non_field_errors": exc.messages})
    return exc


def _code(exc: exceptions.APIException) -> str:
    if isinstance(exc, ApiError):
        return exc.code
    if isinstance(exc, exceptions.ParseError):
        return "malformed_json"
    if isinstance(exc, exceptions.ValidationError):
        return "invalid"
    if isinstance(exc, exceptions.PermissionDenied) and str(exc.detail).startswith("CSRF Failed"):
        return "csrf_failed"
    codes = exc.get_codes()
    return codes if isinstance(codes, str) else exc.default_code


def _detail(exc: exceptions.APIException, fields: dict[str, list[str]]) -> str:
    if isinstance(exc, exceptions.ValidationError):
        if len(fields) == 1:
            [(path, messages)] = fields.items()
            return f"{path}: {messages[0]}"
        return "The request has invalid fields; see 'fields'."
    if isinstance(exc, exceptions.ParseError):
        return "The request body is not valid JSON."
    return str(exc.detail)


def exception_handler(exc: Exception, context: dict) -> Any:
    """REST_FRAMEWORK["EXCEPTION_HANDLER"]: every error in the one shape."""
    exc = _translate(exc)
    response = drf_exception_handler(exc, context)
    if response is None:
        if settings.DEBUG:
            return None  # Django's debug page
        logger.exception("Unhandled API error", exc_info=exc)
        return JsonResponse(
            error_body("server_error", "Something went wrong on our side. Try again later."),
            status=500,
        )
    fields = flatten_fields(exc.detail) if isinstance(exc, exceptions.ValidationError) else {}
    if isinstance(exc, ApiError):
        fields = exc.fields
    response.data = {**error_body(_code(exc), _detail(exc, fields), fields),
                     **getattr(exc, "extra", {})}
    return response


@csrf_exempt  # it writes nothing; a POST must get this 404, not Django's CSRF page
def not_found(request, *args, **kwargs) -> JsonResponse:
    """Any /api/ address that is not an endpoint, with any method."""
    return JsonResponse(error_body("not_found", "There is no API endpoint at this address."),
                        status=404)


def csrf_failure(request, reason: str = "") -> Any:
    """settings.CSRF_FAILURE_VIEW: the error shape under /api/, Django's page elsewhere.

    (The API's own views check CSRF themselves, for session-authenticated
    requests, and answer `csrf_failed` in the shape already; this covers any
    other Django view that may end up under /api/.)
    """
    if request.path.startswith("/api/"):
        detail = "CSRF check failed: send the X-CSRFToken header, or use a token."
        return JsonResponse(error_body("csrf_failed", detail), status=403)
    from django.views.csrf import csrf_failure as django_csrf_failure

    return django_csrf_failure(request, reason=reason)
