from django.contrib.auth import authenticate
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.authtoken.models import Token
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from touchpoint.lockout import LOCKED_OUT_MESSAGE, lockout_minutes, login_locked_out

from ..errors import ApiError
from ..schema import error_responses
from ..throttles import TokenRateThrottle


def token_get_or_create(*, user) -> Token:
    token, _ = Token.objects.get_or_create(user=user)
    return token


class TokenObtainView(APIView):
    """Exchange a username and password for an API token (mobile clients)."""

    authentication_classes: list = []
    permission_classes = [AllowAny]
    throttle_classes = [TokenRateThrottle]

    class TokenInput(serializers.Serializer):
        username = serializers.CharField()
        password = serializers.CharField(trim_whitespace=False, style={"input_type": "password"})

    class TokenOutput(serializers.Serializer):
        token = serializers.CharField(
            source="key",
            help_text="Send it on every request as `Authorization: Token <token>`."
        )

    @extend_schema(
        operation_id="auth_token_create",
        tags=["auth"],
        auth=[],
        request=TokenInput,
        responses={200: TokenOutput, **error_responses(
            400, 415, 429, _400="`invalid` input or `invalid_credentials`.",
            _429="`throttled`, or `locked_out` after too many failed passwords.")},
        description="Returns the learner's token (the same one until it is revoked with "
        "`manage.py drf_create_token -r`). Send it as `Authorization: Token <token>`. "
        "Throttled per client address (setting TOUCHPOINT_TOKEN_THROTTLE).",
    )
    def post(self, request):
        data = self.TokenInput(data=request.data)
        data.is_valid(raise_exception=True)
        user = authenticate(request._request, **data.validated_data)
        if user is None and login_locked_out(request._request, data.validated_data["username"]):
            raise ApiError(status_code=429, code="locked_out",
                           detail=LOCKED_OUT_MESSAGE.format(minutes=lockout_minutes()))
        if user is None or not user.is_active:
            raise ApiError(status_code=400, code="invalid_credentials",
                           detail="Unable to sign in with that username and password.")
        return Response(self.TokenOutput(token_get_or_create(user=user)).data)
