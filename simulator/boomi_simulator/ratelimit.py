"""Boomi's per-account request rate limit (10 requests/s), answered with 503.

Boomi documents "10 requests per second" without saying how the second is measured, so the window is
a switch ([I], see docs/simulator-choices.md):

- ``rolling`` (default, the strictest reading): at most ``rate`` requests in any one-second window;
- ``fixed``: at most ``rate`` requests per calendar second (a burst may straddle two seconds);
- ``bucket``: a token bucket of ``rate`` tokens refilled at ``rate`` per second (the most lenient).

A refused request is not counted, so a client that waits and retries gets through.
"""

import collections
import math
import threading
import time

WINDOWS = ("rolling", "fixed", "bucket")


class RateLimiter:
    """One window per primary account; ``rate`` 0 turns the limit off."""

    def __init__(self, rate, window="rolling", clock=time.monotonic):
        self.rate = float(rate)
        self.window = window
        self.clock = clock
        self._lock = threading.Lock()
        self._state = {}

    def allow(self, account):
        if self.rate <= 0:
            return True
        now = self.clock()
        with self._lock:
            return getattr(self, "_allow_" + self.window)(account, now)

    def _allow_rolling(self, account, now):
        sent = self._state.setdefault(("rolling", account), collections.deque())
        while sent and now - sent[0] >= 1.0:
            sent.popleft()
        if len(sent) >= math.floor(self.rate):
            return False
        sent.append(now)
        return True

    def _allow_fixed(self, account, now):
        second = math.floor(now)
        start, count = self._state.get(("fixed", account), (second, 0))
        if start != second:
            start, count = second, 0
        if count >= math.floor(self.rate):
            return False
        self._state[("fixed", account)] = (start, count + 1)
        return True

    def _allow_bucket(self, account, now):
        tokens, last = self._state.get(("bucket", account), (self.rate, now))
        tokens = min(self.rate, tokens + (now - last) * self.rate)
        if tokens < 1:
            self._state[("bucket", account)] = (tokens, now)
            return False
        self._state[("bucket", account)] = (tokens - 1, now)
        return True

    def reset(self):
        with self._lock:
            self._state.clear()
