"""LRS backends: `base` defines the contract, one module per backend."""

from xapi.backends.base import Delivered, LRSBackend, Rejected, Retryable, SendResult

__all__ = ["Delivered", "LRSBackend", "Rejected", "Retryable", "SendResult"]
