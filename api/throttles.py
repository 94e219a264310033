"""Rate limits. Rates come from REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"] at request time.

(DRF's throttles read the rates once at import; reading them per request lets
deploy settings and tests' overrides apply.) Counts live in the default cache:
Redis in production so every gunicorn worker shares them.
"""

from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle


class _RateFromSettings:
    scope: str

    def get_rate(self) -> str | None:
        return api_settings.DEFAULT_THROTTLE_RATES[self.scope]


class SubmitRateThrottle(_RateFromSettings, UserRateThrottle):
    """Quiz submissions per learner (scope "submit")."""

    scope = "submit"


class AnswerRateThrottle(_RateFromSettings, UserRateThrottle):
    """Single answers per learner (scope "answer"): a quiz taken one question at a time."""

    scope = "answer"


class TokenRateThrottle(_RateFromSettings, AnonRateThrottle):
    """Token requests per client IP (scope "token"): slows password guessing."""

    scope = "token"


class PositionRateThrottle(_RateFromSettings, UserRateThrottle):
    """Saves of a learner's position in a lesson (scope "position"); the web page debounces."""

    scope = "position"
