"""Record what domain events a test caused, by connecting real receivers."""

import contextlib
import threading


@contextlib.contextmanager
def recorded(module, *names):
    """Yield {signal name: [kwargs, ...]} for the named signals of an events module.

    Thread-safe, so concurrency tests can count events sent from several threads.
    """
    seen = {name: [] for name in names}
    lock = threading.Lock()

    def receiver_for(name):
        def receiver(sender, **kwargs):
            kwargs.pop("signal")
            with lock:
                seen[name].append(kwargs)
        return receiver

    receivers = {name: receiver_for(name) for name in names}  # strong refs while connected
    for name, receiver in receivers.items():
        getattr(module, name).connect(receiver, dispatch_uid=f"test-{name}")
    try:
        yield seen
    finally:
        for name in names:
            getattr(module, name).disconnect(dispatch_uid=f"test-{name}")
