"""The baseline's one row: what a bare token-authenticated DRF endpoint writes."""

from django.conf import settings
from django.db import models


class BenchWrite(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    note = models.CharField(max_length=100)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.user_id}: {self.note}"
