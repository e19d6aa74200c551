"""Boomi's per-account request rate limit (10 requests/s by default at Boomi), answered with 503."""

import threading
import time


class RateLimiter:
    """A token bucket per primary account; ``rate`` 0 turns the limit off."""

    def __init__(self, rate):
        self.rate = float(rate)
        self._lock = threading.Lock()
        self._buckets = {}

    def allow(self, account):
        if self.rate <= 0:
            return True
        now = time.monotonic()
        with self._lock:
            tokens, last = self._buckets.get(account, (self.rate, now))
            tokens = min(self.rate, tokens + (now - last) * self.rate)
            if tokens < 1:
                self._buckets[account] = (tokens, now)
                return False
            self._buckets[account] = (tokens - 1, now)
            return True

    def reset(self):
        with self._lock:
            self._buckets.clear()
