"""Bench endpoints: the baseline (token auth, validate a tiny body, INSERT one row, answer
JSON) and the submit's floor (its writes in raw SQL, no logic)."""

import json
import uuid

from django.db import connection, transaction
from django.http import HttpResponse
from django.utils import timezone
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


class SubmitFloorView(APIView):
    """The floor under any submit: a submit's reads and writes in raw SQL, with none of its logic.

    In one transaction, like the real submit: lock the learner's attempt, INSERT
    one answer row per answer, UPDATE the attempt with a stored-size result,
    INSERT 13 outbox rows (payloads copied from real statements), UPDATE the
    lesson's and the course's progress. No validation, scoring, statement
    building, ORM or serializer. Answers a stored-size JSON body. What this
    endpoint reaches against the bare write is the best ratio any implementation
    of the submit's durable writes could reach on the same machine.
    """

    authentication_classes = [TokenAuthentication]
    permission_classes = [IsAuthenticated]
    _templates: tuple[list[str], str] | None = None

    def post(self, request, attempt_id: int):
        payloads, result = self._real_sizes()
        answers = request.data["answers"]
        now = timezone.now()
        lock = " FOR UPDATE" if connection.features.has_select_for_update else ""
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(
                "SELECT context_page_id, questions FROM quizzes_attempt "
                "WHERE id = %s AND user_id = %s AND status = 'in_progress'" + lock,
                [attempt_id, request.user.pk],
            )
            row = cursor.fetchone()
            if row is None:
                return Response({"error": "not_found"}, status=status.HTTP_404_NOT_FOUND)
            lesson_id = row[0]
            _insert(cursor, "quizzes_answer", ("attempt_id", "question_id", "question_type",
                                               "response", "outcome", "score", "points"), [
                (attempt_id, a["question"], "single_choice", json.dumps(a), "correct", 1.0, 1)
                for a in answers
            ])
            cursor.execute(
                "UPDATE quizzes_attempt SET status = 'submitted', submitted_at = %s, "
                "raw_score = 9, max_score = 9, scaled_score = 1, passed = true, result = %s "
                "WHERE id = %s",
                [now, result, attempt_id],
            )
            _insert(cursor, "xapi_outboxstatement", (
                "statement_id", "payload", "verb", "status", "attempts", "server_errors",
                "next_attempt_at", "created_at", "last_error",
            ), [(uuid.uuid4(), payload, "answered", "pending", 0, 0, now, now, "")
                for payload in payloads])
            cursor.execute(
                "UPDATE progress_lessonprogress SET best_scaled_score = 1, "
                "passed_attempt_id = %s, completed_at = %s "
                "WHERE user_id = %s AND lesson_id = %s RETURNING course_id",
                [attempt_id, now, request.user.pk, lesson_id],
            )
            (course_id,) = cursor.fetchone()
            cursor.execute(
                "UPDATE progress_courseprogress SET completed_at = %s "
                "WHERE user_id = %s AND course_id = %s",
                [now, request.user.pk, course_id],
            )
        return HttpResponse(
            f'{{"id": {attempt_id}, "status": "submitted", "result": {result}}}',
            content_type="application/json",
        )

    @classmethod
    def _real_sizes(cls) -> tuple[list[str], str]:
        """13 real statement payloads and a real stored result (from real submits: warm-up)."""
        if cls._templates is None:
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT payload FROM xapi_outboxstatement WHERE verb IN "
                    "('answered', 'passed', 'completed') ORDER BY id DESC LIMIT 13"
                )
                payloads = [payload for (payload,) in cursor.fetchall()]
                cursor.execute(
                    "SELECT result FROM quizzes_attempt WHERE result IS NOT NULL LIMIT 1"
                )
                (result,) = cursor.fetchone()
            if len(payloads) != 13:
                raise RuntimeError("run real submits first (the warm-up does)")
            cls._templates = (payloads, result if isinstance(result, str) else json.dumps(result))
        return cls._templates


def _insert(cursor, table: str, columns: tuple[str, ...], rows: list[tuple]) -> None:
    row = "(" + ", ".join(["%s"] * len(columns)) + ")"
    cursor.execute(
        f"INSERT INTO {table} ({', '.join(columns)}) VALUES {', '.join([row] * len(rows))}",
        [value for values in rows for value in values],
    )
