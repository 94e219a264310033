"""Bench endpoint: the baseline every benchmark compares against (token auth, validate a
tiny body, INSERT one row, answer JSON)."""

from rest_framework import serializers, status
from rest_framework.authentication import TokenAuthentication
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from .models import BenchWrite


class WriteOneRowView(APIView):
    authentication_classes = [TokenAuthentication]
    permission_classes = [IsAuthenticated]

    class Input(serializers.Serializer):
        note = serializers.CharField(max_length=100)

    def post(self, request):
        data = self.Input(data=request.data)
        data.is_valid(raise_exception=True)
        row = BenchWrite.objects.create(user=request.user, note=data.validated_data["note"])
        return Response({"id": row.pk, "note": row.note}, status=status.HTTP_201_CREATED)
