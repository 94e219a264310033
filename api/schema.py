"""OpenAPI helpers: every documented error response uses the one error shape."""

from drf_spectacular.utils import OpenApiResponse

from .serializers import AttemptConflictOutput, ErrorOutput

ERROR_DESCRIPTIONS = {
    400: "Bad input (`malformed_json`, `invalid`, or a specific code such as "
    "`unknown_choice`); nothing was written.",
    401: "Not authenticated (`not_authenticated`, `authentication_failed`).",
    403: "Forbidden (`permission_denied`, `csrf_failed`).",
    404: "Not found, or not yours (`not_found`, `quiz_not_available`).",
    409: "Conflict.",
    415: "Unsupported media type: send `application/json`.",
    422: "`idempotency_key_reused`: the Idempotency-Key was used for a different request.",
    429: "Throttled (`throttled`); see the Retry-After header.",
}


def error_responses(
    *codes: int, conflict=AttemptConflictOutput, **descriptions: str
) -> dict[int, OpenApiResponse]:
    """{status: OpenApiResponse(ErrorOutput)}; override a description with _403="...".

    `conflict`: the serializer of the 409 body (it carries what the conflict is about).
    """
    responses = {}
    for code in codes:
        description = descriptions.get(f"_{code}", ERROR_DESCRIPTIONS[code])
        serializer = conflict if code == 409 else ErrorOutput
        responses[code] = OpenApiResponse(serializer, description=description)
    return responses
