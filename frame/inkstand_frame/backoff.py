"""Waiting between attempts: doubling delays with jitter, capped, reset on success."""
import random
import threading


class Backoff:
    def __init__(self, first_s: float = 1.0, max_s: float = 60.0):
        self.first_s = first_s
        self.max_s = max_s
        self.attempt = 0

    def next_delay(self) -> float:
        base = min(self.max_s, self.first_s * (2 ** self.attempt))
        self.attempt += 1
        # Jitter spreads the frames of a house that all lost the server at once.
        return base * random.uniform(0.8, 1.0)

    def reset(self) -> None:
        self.attempt = 0


class Sleeper:
    """`sleep` that `stop()` cuts short, so the program quits at once on SIGTERM."""

    def __init__(self):
        self._stopped = threading.Event()

    def sleep(self, seconds: float) -> None:
        self._stopped.wait(max(0.0, seconds))

    def stop(self) -> None:
        self._stopped.set()

    @property
    def stopped(self) -> bool:
        return self._stopped.is_set()
