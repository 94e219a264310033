"""In-memory LRS backend for tests: records what is sent, can be told to fail.

State is class-level (like django.core.mail.outbox) so a test can inspect what
a worker sent through an instance it never saw; call `MemoryBackend.reset()`
between tests. Stored statements behave like an LRS: an id is stored once,
re-sending it unchanged is fine, with different content it is a 409.
"""

from __future__ import annotations

import json
from collections import deque
from typing import Any, ClassVar

from xapi.backends.base import Delivered, LRSBackend, Rejected, SendResult

__all__ = ["MemoryBackend"]


class MemoryBackend(LRSBackend):
    batches: ClassVar[list[list[str]]] = []  # every batch that reached the "LRS"
    stored: ClassVar[dict[str, str]] = {}  # statement id -> serialized statement
    _planned: ClassVar[deque[SendResult]] = deque()
    _always: ClassVar[SendResult | None] = None

    @classmethod
    def reset(cls) -> None:
        cls.batches.clear()
        cls.stored.clear()
        cls._planned.clear()
        cls._always = None

    @classmethod
    def fail_next(cls, *outcomes: SendResult) -> None:
        """Answer the next sends with these outcomes (in order) without storing."""
        cls._planned.extend(outcomes)

    @classmethod
    def fail_always(cls, outcome: SendResult | None) -> None:
        """Answer every send with `outcome` (None: behave normally again)."""
        cls._always = outcome

    @classmethod
    def statements(cls) -> list[dict[str, Any]]:
        return [json.loads(s) for s in cls.stored.values()]

    def send(self, batch: list[str]) -> SendResult:
        if not batch:
            raise ValueError("cannot send an empty batch")
        if self._planned:
            return self._planned.popleft()
        if self._always is not None:
            return self._always
        type(self).batches.append(list(batch))
        parsed = [(str(json.loads(s)["id"]), s) for s in batch]
        ids = [i for i, _ in parsed]
        if len(set(ids)) != len(ids):
            return Rejected(400, "Duplicate statement IDs in the list of statements")
        conflicts = [i for i, s in parsed if i in self.stored and self.stored[i] != s]
        if conflicts:
            message = f"Differing statements already exist with the same ID: {conflicts}"
            return Rejected(409, message)
        new = [i for i, s in parsed if i not in self.stored]
        self.stored.update((i, s) for i, s in parsed if i in new)
        return Delivered(status=200 if new else 204, ids=tuple(new))
