"""Fault injection: rules that make chosen requests fail the way real networks and Boomi do.

A rule is ``{kind, method?, object?, operation?, nth?, count?, probability?, seed?, match?,
retry_after?, latency_ms?, message?}``. A request matches when every given selector matches
(``match`` is a substring of the raw request body). ``nth`` lets the first nth-1 matching
requests through; then the rule fires ``count`` times (default 1; with ``probability`` the
default is unlimited and each match fires with that seeded probability).
"""

import random
import threading

from .errors import bad_request

# kind -> when it acts: "before" the handler runs, or "after" it committed the change.
KINDS = {
    "503": "before",  # Boomi's "unavailable / rate limited" answer, JSON body
    "503_retry_after": "before",
    "503_html": "before",  # a load balancer's HTML page
    "429": "before",
    "400": "before",  # a refusal worded as the rule says (`message`), for paths that must not read wording
    "500": "before",
    "502": "before",
    "504": "before",
    "drop_before": "before",  # connection closed before the request is processed
    "latency": "before",  # added delay, then normal processing
    "500_after": "after",  # the change is committed, then a 500 comes back
    "504_after": "after",  # the change is committed, then a gateway timeout
    "drop_after": "after",  # the change is committed, then the connection drops (lost response)
    "release_error": "after",  # the release request is accepted but finishes with ERROR
    "deploy_message": "after",  # the deployment answer carries Boomi's licence warning `message`
}
SELECTORS = ("method", "object", "operation", "match")
FIELDS = set(SELECTORS) | {"kind", "nth", "count", "probability", "seed", "retry_after", "latency_ms", "message"}


class Fault:
    def __init__(self, spec, number):
        unknown = set(spec) - FIELDS
        if unknown:
            raise bad_request("Unknown fault field '%s'; allowed: %s" % (sorted(unknown)[0], ", ".join(sorted(FIELDS))))
        if spec.get("kind") not in KINDS:
            raise bad_request("Unknown fault kind %r; allowed: %s" % (spec.get("kind"), ", ".join(KINDS)))
        self.id = number
        self.spec = dict(spec)
        self.kind = spec["kind"]
        self.phase = KINDS[self.kind]
        self.nth = int(spec.get("nth", 1))
        self.probability = spec.get("probability")
        default_count = None if self.probability is not None else 1
        self.count = spec.get("count", default_count)
        self.rng = random.Random(spec.get("seed", 0))
        self.seen = 0
        self.fired = 0

    def selects(self, request_info):
        for key in SELECTORS:
            want = self.spec.get(key)
            if want is None:
                continue
            if key == "match":
                if str(want) not in request_info["body"]:
                    return False
            elif key == "method":
                if str(want).upper() != request_info["method"]:
                    return False
            elif want != request_info[key]:
                return False
        return True

    def exhausted(self):
        return self.count is not None and self.fired >= self.count

    def try_fire(self, request_info):
        if self.exhausted() or not self.selects(request_info):
            return False
        self.seen += 1
        if self.seen < self.nth:
            return False
        if self.probability is not None and self.rng.random() >= float(self.probability):
            return False
        self.fired += 1
        return True

    def describe(self):
        return dict(self.spec, id=self.id, seen=self.seen, fired=self.fired, exhausted=self.exhausted())


class FaultBook:
    """The active fault rules; the first rule of a phase that fires wins."""

    def __init__(self):
        self._lock = threading.Lock()
        self._faults = []
        self._next_id = 1

    def add(self, spec):
        with self._lock:
            fault = Fault(spec, self._next_id)
            self._next_id += 1
            self._faults.append(fault)
            return fault

    def clear(self):
        with self._lock:
            self._faults = []

    def list(self):
        with self._lock:
            return [f.describe() for f in self._faults]

    def pick(self, phase, request_info):
        with self._lock:
            for fault in self._faults:
                if fault.phase == phase and fault.try_fire(request_info):
                    return fault
        return None
