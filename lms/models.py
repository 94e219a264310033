"""Learners an LMS launched, their launch sessions, and the statements owed to that LMS.

- `LmsLearner` links a local account (no usable password) to the LMS's actor.
- `LaunchSession` is one launch of one lesson: what the LMS said (endpoint,
  registration, activityId, LaunchData) and the auth token, kept here and
  never in a page; blanked once the session is over and delivered.
- `LmsStatement` is that session's outbox: statements in `sequence` order,
  written in the same transaction as the learning event, delivered in order
  by `manage.py lms_worker` (lms/delivery.py).
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone


class LmsLearner(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lms_learner"
    )
    identity = models.CharField(
        max_length=600, unique=True,
        help_text="The LMS actor's identifier: 'account <homePage> <name>' or 'mbox <mailto>'.",
    )
    actor = models.JSONField(help_text="The actor as the LMS sent it at the last launch.")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "LMS learner"

    def __str__(self) -> str:
        return self.identity


class LaunchSession(models.Model):
    class Kind(models.TextChoices):
        CMI5 = "cmi5", "cmi5"
        TINCAN = "tincan", "Tin Can"

    class Mode(models.TextChoices):
        NORMAL = "Normal", "Normal"
        BROWSE = "Browse", "Browse"
        REVIEW = "Review", "Review"

    class Status(models.TextChoices):
        ACTIVE = "active", "Active"
        TERMINATED = "terminated", "Terminated"
        ABANDONED = "abandoned", "Abandoned"  # replaced by a later launch of the same lesson

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    learner = models.ForeignKey(LmsLearner, on_delete=models.CASCADE, related_name="sessions")
    lesson = models.ForeignKey(
        "lessons.LessonPage", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    kind = models.CharField(max_length=8, choices=Kind.choices)
    mode = models.CharField(max_length=8, choices=Mode.choices, default=Mode.NORMAL)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.ACTIVE)
    endpoint = models.TextField()
    auth = models.TextField(
        blank=True, help_text="Authorization header for the LMS; blanked when no longer needed."
    )
    actor = models.JSONField()
    registration = models.UUIDField(null=True)
    activity_id = models.TextField()
    title = models.CharField(max_length=255, help_text="The lesson's title at launch.")
    language = models.CharField(max_length=35, help_text="RFC 5646 tag of the lesson shown.")
    session_id = models.CharField(max_length=255, blank=True)
    context_template = models.JSONField(default=dict, blank=True)
    mastery_score = models.DecimalField(max_digits=5, decimal_places=4, null=True, blank=True)
    move_on = models.CharField(max_length=24, blank=True)
    return_url = models.TextField(blank=True)
    launch_parameters = models.TextField(blank=True)
    languages = models.CharField(max_length=255, blank=True,
                                 help_text="cmi5LearnerPreferences languagePreference.")
    started_at = models.DateTimeField(default=timezone.now)
    terminated_at = models.DateTimeField(null=True, blank=True)
    last_statement_at = models.DateTimeField(null=True, blank=True)
    next_sequence = models.PositiveIntegerField(default=1)

    class Meta:
        indexes = [
            models.Index(fields=["learner", "lesson", "status"], name="lms_session_active_idx"),
            models.Index(fields=["registration", "activity_id"], name="lms_session_reg_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.mode} session {self.public_id} ({self.status})"

    @property
    def is_active(self) -> bool:
        return self.status == self.Status.ACTIVE

    @property
    def records_results(self) -> bool:
        """Normal mode: satisfaction data is sent (cmi5 10.2.2); Browse and Review are read-only."""
        return self.mode == self.Mode.NORMAL


class LmsStatement(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        DELIVERED = "delivered", "Delivered"
        REJECTED = "rejected", "Rejected"

    session = models.ForeignKey(LaunchSession, on_delete=models.CASCADE,
                                related_name="statements")
    sequence = models.PositiveIntegerField(help_text="1 for the session's first statement.")
    statement_id = models.UUIDField(unique=True, editable=False)
    verb = models.CharField(max_length=32, help_text="The verb IRI's last segment.")
    defined = models.BooleanField(
        default=True, help_text="cmi5-defined (counts for the session rules), else allowed."
    )
    payload = models.TextField(help_text="The serialized statement, sent exactly as stored.")
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    last_error = models.TextField(blank=True, default="")
    created_at = models.DateTimeField(default=timezone.now)
    delivered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["session", "sequence"], name="lms_statement_sequence"),
        ]
        indexes = [
            models.Index(fields=["next_attempt_at", "id"], condition=Q(status="pending"),
                         name="lms_statement_due_idx"),
            # /healthz counts rejected rows on every call; delivered rows are kept (the
            # registration's record), so without it that count would scan them all.
            models.Index(fields=["id"], condition=Q(status="rejected"),
                         name="lms_statement_rejected_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.verb} #{self.sequence} of {self.session_id} ({self.status})"
