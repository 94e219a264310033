"""What the API must remember between requests: responses to replay for Idempotency-Key."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class IdempotencyKey(models.Model):
    """The first response to a request sent with an ``Idempotency-Key`` header.

    Written in the same transaction as the work the request did, so a retry after
    a lost response gets exactly what the first request got.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=255)
    fingerprint = models.CharField(
        max_length=64, help_text="SHA-256 of method, path and body: a reused key must match."
    )
    status_code = models.PositiveSmallIntegerField()
    body = models.TextField(help_text="The response body exactly as first sent.")
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "key"], name="unique_idempotency_key_per_user"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id}: {self.key}"
