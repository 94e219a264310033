from rest_framework.authentication import SessionAuthentication, TokenAuthentication
from rest_framework.permissions import IsAuthenticated
from rest_framework.views import APIView


class LearnerAPIView(APIView):
    """An endpoint for a signed-in learner: a token (mobile) or the session with CSRF (web).

    Token first, so an anonymous request gets 401 with ``WWW-Authenticate: Token``.
    """

    authentication_classes = [TokenAuthentication, SessionAuthentication]
    permission_classes = [IsAuthenticated]
