"""The xAPI outbox: every statement, serialized once, waiting for (or past) delivery.

A row is written in the same transaction as the learning event it reports
(xapi/outbox.py) and sent later by a worker (xapi/delivery.py), which re-sends
`payload` byte for byte until the LRS accepts or rejects it.
"""

from django.db import models
from django.db.models import Q
from django.db.models.functions import Now
from django.utils import timezone


class OutboxStatement(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        DELIVERED = "delivered", "Delivered"
        REJECTED = "rejected", "Rejected"

    statement_id = models.UUIDField(unique=True, editable=False)
    payload = models.TextField(help_text="The serialized statement, sent exactly as stored.")
    verb = models.CharField(
        max_length=32, blank=True, help_text="The verb IRI's last segment, for people."
    )
    # Database defaults too: xapi/outbox.py inserts only id, payload and verb.
    status = models.CharField(
        max_length=16, choices=Status.choices, default=Status.PENDING, db_default=Status.PENDING
    )
    attempts = models.PositiveIntegerField(
        default=0, db_default=0, help_text="Times a worker claimed the row."
    )
    server_errors = models.PositiveIntegerField(
        default=0, db_default=0,
        help_text="HTTP 5xx answers other than 502/503/504 (a 5xx can be permanent).",
    )
    next_attempt_at = models.DateTimeField(default=timezone.now, db_default=Now())
    last_attempt_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True, default="", db_default="")
    created_at = models.DateTimeField(default=timezone.now, db_default=Now())
    delivered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "outbox statement"
        indexes = [
            # What workers claim: due pending rows, oldest first.
            models.Index(
                fields=["next_attempt_at", "id"],
                condition=Q(status="pending"),
                name="xapi_outbox_due_idx",
            ),
            models.Index(fields=["status", "created_at"], name="xapi_outbox_status_idx"),
        ]
        permissions = [("manage_outbox", "Can view the xAPI outbox and requeue statements")]

    def __str__(self) -> str:
        return f"{self.verb or 'statement'} {self.statement_id} ({self.status})"
