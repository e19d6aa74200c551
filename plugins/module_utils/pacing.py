# -*- coding: utf-8 -*-
# Copyright: (c) 2026, boomi.platform developers
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Account-wide request pacing shared by every process on the controller.

Ansible runs each task of each fork in its own process, so an in-memory limiter would let ten
forks send ten times the rate. The pacer keeps the send times of the latest requests (a rolling
window) in a small file guarded by flock, keyed by API host and primary account (the Partner API
counts against the primary account). A request goes only when fewer than ``requests_per_second``
requests went in the last second: the strictest reading of Boomi's "10 requests per second", which
a token bucket (a full burst plus its refill) breaks.

Each send time is stored with the rate of the job that reserved it, so jobs with different
``requests_per_second`` on one account keep each other's reservations: a time ahead of now is only
kept when the send times before it, each at its own rate, explain it (it is where ``reserve`` would
have put it). A time no queue explains (the clock stepped back, or the file was changed) is dropped,
with whatever was queued behind it, and a warning names the file; no request waits longer than the
requests really queued ahead of it need.

The file is local state another user must not be able to steer: it lives in a private directory
(owned by the user, mode 0700, not a symlink), is opened without following symlinks and checked
after opening, and its contents are validated (finite times, sane rates) or reset with a warning.
Whatever goes wrong with it, the module paces its own requests in-process instead, with one warning:
never a traceback, never an unbounded sleep.
"""

from __future__ import annotations

import errno
import fcntl
import hashlib
import json
import math
import os
import stat
import tempfile
import time

WINDOW = 1.0          # seconds: Boomi counts requests per second
MAX_AHEAD = 60.0      # a reservation is at most ahead_limit(rate) ahead: this, or more below 1 request/s ...
MAX_QUEUED = 100      # ... where it allows this many processes queued at once
MAX_BEHIND = 3600.0   # older entries are stale; they are dropped, not trusted
MAX_WAIT = 3600.0     # no request ever sleeps longer than this, whatever the queue
SLACK = 0.05          # seconds a send time may lie beyond what the queue before it explains (float noise, tiny clock steps)
MAX_BYTES = 65536     # a state file larger than this is not ours: reset
MAX_SLOTS = 1000      # the most send times kept (requests_per_second above this is paced as this)
LOCK_WAIT = 5.0       # seconds to wait for the file lock before pacing in-process
LOCK_POLL = 0.002
DIRECTORY_NAME = "boomi.platform-pacing"


class PacingUnavailable(Exception):
    """The shared pacing file cannot be used safely; the message says why."""


def default_directory():
    """A per-user directory: the user's runtime directory, else their cache directory, else (no home) a
    uid-named one in the temp folder. Whichever it is, it is only used after the checks in open_private_directory."""
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime and os.path.isabs(runtime) and os.path.isdir(runtime):
        return os.path.join(runtime, DIRECTORY_NAME)
    cache = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    if os.path.isabs(cache) and os.path.isdir(os.path.dirname(cache)):
        return os.path.join(cache, DIRECTORY_NAME)
    return os.path.join(tempfile.gettempdir(), "%s-%d" % (DIRECTORY_NAME, os.geteuid()))


def window_limit(rate):
    """(count, span): at most ``count`` requests in any ``span`` seconds. At or above 1 request/s that is
    floor(rate) per second; below, one request per 1/rate seconds."""
    count = min(MAX_SLOTS, max(1, int(math.floor(rate))))
    return count, max(WINDOW, count / rate)


def ahead_limit(rate):
    """How far ahead a reservation may be: 60 s, or more below 1 request/s, where MAX_QUEUED processes
    each waiting one span (1/rate seconds) legitimately reserve further ahead than that."""
    count, span = window_limit(rate)
    return min(MAX_WAIT, max(MAX_AHEAD, MAX_QUEUED * span / count))


def earliest(slots, now, rate):
    """The first send time a request at ``rate`` may take behind ``slots`` ([(time, rate)], sorted): never before
    the last one (so the times stay sorted), and at least one span after the count-th latest one, so that no
    span-long window ever holds more than count requests."""
    count, span = window_limit(rate)
    slot = now
    if slots:
        slot = max(slot, slots[-1][0])
    if len(slots) >= count:
        slot = max(slot, slots[-count][0] + span)
    return slot


def reserve(slots, now, rate):
    """Reserve the next send time behind ``slots``. Returns (slot, slots to keep)."""
    slot = earliest(slots, now, rate)
    return slot, retained(list(slots) + [(slot, float(rate))], now)


def retained(slots, now):
    """What a later reservation can still depend on: every time ahead of now, and those behind it within the
    longest span of the rates in the file (at most MAX_BEHIND); the latest MAX_SLOTS at most."""
    longest = max(window_limit(rate)[1] for dummy, rate in slots) if slots else WINDOW
    horizon = now - min(MAX_BEHIND, longest)
    return [slot for slot in slots if slot[0] > horizon][-MAX_SLOTS:]


def explained(slots, now):
    """(kept, dropped): a time ahead of now is kept only when ``earliest`` of the times kept before it, at its own
    rate, puts it there. One further ahead (a backward clock step, an edited file) is dropped, and so is whatever
    was queued behind it only."""
    kept, dropped = [], []
    for slot in slots:
        when, rate = slot
        if when > now + SLACK and when > earliest(kept, now, rate) + SLACK:
            dropped.append(slot)
        else:
            kept.append(slot)
    return kept, dropped


def valid_slots(state, now, rate):
    """The [(time, rate)] in a state file's contents, or None when they are not sane (then the file is reset).
    A bare number is a send time of an older version of this file, taken at ``rate``."""
    slots = state.get("slots") if isinstance(state, dict) else None
    if not isinstance(slots, list) or len(slots) > MAX_SLOTS:
        return None
    parsed = [_slot(value, rate) for value in slots]
    if None in parsed or any(later[0] < earlier[0] for earlier, later in zip(parsed, parsed[1:])):
        return None
    return [slot for slot in parsed if slot[0] >= now - MAX_BEHIND]


def _slot(value, rate):
    if isinstance(value, list) and len(value) == 2:
        value, rate = value
    numbers = (value, rate)
    if any(isinstance(n, bool) or not isinstance(n, (int, float)) or not math.isfinite(n) for n in numbers):
        return None
    return (float(value), float(rate)) if rate > 0 else None


def open_private_directory(path, uid):
    """An fd of ``path``, created if missing; refused unless it is a real directory of ``uid`` with mode 0700."""
    make_directory(path)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC)
    except OSError as exc:
        # Linux answers ENOTDIR, not ELOOP, for a symlink opened with O_DIRECTORY | O_NOFOLLOW
        kind = "a symlink" if os.path.islink(path) else "not a directory" if exc.errno == errno.ENOTDIR \
            else exc.strerror
        raise PacingUnavailable("%s is %s" % (path, kind))
    try:
        check_private(os.fstat(fd), path, uid, stat.S_ISDIR, "a directory")
    except PacingUnavailable:
        os.close(fd)
        raise
    return fd


def make_directory(path):
    """Create ``path`` (and missing parents) private; an existing one is checked by the caller."""
    if os.path.lexists(path):
        return
    try:
        os.makedirs(path, 0o700)
    except FileExistsError:
        pass  # another fork made it in the meantime
    except OSError as exc:
        raise PacingUnavailable("cannot create %s (%s)" % (path, exc.strerror or exc))


def check_private(info, path, uid, is_kind, kind):
    """Refuse what another user owns or could write to, checked on the opened object (not the path)."""
    if not is_kind(info.st_mode):
        raise PacingUnavailable("%s is not %s" % (path, kind))
    if info.st_uid != uid:
        raise PacingUnavailable("%s belongs to uid %d, not to this user (uid %d)" % (path, info.st_uid, uid))
    if info.st_mode & 0o077:
        raise PacingUnavailable("%s has mode %o; it must be private (0700 for the directory, 0600 for the file)"
                                % (path, stat.S_IMODE(info.st_mode)))
    if is_kind is stat.S_ISREG and info.st_nlink != 1:
        raise PacingUnavailable("%s has %d hard links" % (path, info.st_nlink))


class FilePacer(object):
    """At most ``rate`` requests in any rolling second, across every process sharing the state file."""

    def __init__(self, api_host, account_id, rate, directory=None, sleep=time.sleep, clock=time.time, warn=None,
                 uid=None):
        self.rate = float(rate)
        self.sleep = sleep
        self.clock = clock
        self.warn = warn or (lambda message: None)
        self.uid = os.geteuid() if uid is None else uid
        self.directory = directory or default_directory()
        key = hashlib.sha256(("%s|%s" % (api_host, account_id)).encode("utf-8")).hexdigest()[:24]
        self.name = key + ".json"
        self.path = os.path.join(self.directory, self.name)
        self.local = None  # this process's own send times, once the shared file is given up

    def wait(self):
        """Reserve the next send time, sleeping until it comes. Returns the seconds slept."""
        if self.rate <= 0 or not math.isfinite(self.rate):
            return 0.0
        if self.local is None:
            try:
                slot, now = self._reserve_shared()
            except (PacingUnavailable, OSError, ValueError) as exc:
                self._give_up_file(exc)
        if self.local is not None:
            now = self.clock()
            slot, self.local = reserve(self.local, now, self.rate)
        delay = min(ahead_limit(self.rate) + WINDOW, max(0.0, slot - now))
        if delay > 0:
            self.sleep(delay)
        return delay

    def _give_up_file(self, exc):
        reason = str(exc) if isinstance(exc, PacingUnavailable) else "%s: %s" % (type(exc).__name__, exc)
        self.warn("Request pacing across processes is off for this task (%s); it paces only its own requests, so "
                  "parallel forks may exceed requests_per_second=%g. Fix or remove %s"
                  % (reason, self.rate, self.directory))
        self.local = []

    def _reserve_shared(self):
        """(slot, now), the clock read under the lock: a time read before waiting for it would be older than the
        reservations other processes made meanwhile, and take them for unexplained ones."""
        fd = self._open_file()
        try:
            self._lock(fd)
            now = self.clock()
            slots = self._read(fd, now)
            slot, keep = reserve(slots, now, self.rate)
            self._write(fd, keep)
            return slot, now
        finally:
            os.close(fd)  # closing releases the lock

    def _open_file(self):
        dir_fd = open_private_directory(self.directory, self.uid)
        try:
            # O_NONBLOCK: a FIFO planted in place of the file must not hang the open
            fd = os.open(self.name, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC, 0o600,
                         dir_fd=dir_fd)
        except OSError as exc:
            why = "a symlink" if exc.errno == errno.ELOOP else exc.strerror or exc
            raise PacingUnavailable("cannot open %s (%s)" % (self.path, why))
        finally:
            os.close(dir_fd)
        try:
            check_private(os.fstat(fd), self.path, self.uid, stat.S_ISREG, "a regular file")
        except PacingUnavailable:
            os.close(fd)
            raise
        return fd

    def _lock(self, fd):
        deadline = time.monotonic() + LOCK_WAIT
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise PacingUnavailable("%s stayed locked for %gs" % (self.path, LOCK_WAIT))
                time.sleep(LOCK_POLL)

    def _read(self, fd, now):
        """The send times in the file that still count: a file that is not ours is reset, and times no queue
        explains are dropped, each with a warning naming the file."""
        raw = os.pread(fd, MAX_BYTES + 1, 0)
        if not raw:
            return []
        slots = None
        if len(raw) <= MAX_BYTES:
            try:
                slots = valid_slots(json.loads(raw.decode("utf-8")), now, self.rate)
            # ValueError: not JSON, not UTF-8, an over-long integer; RecursionError: nesting deeper than Python's
            # stack; OverflowError: an integer too large for a float. Whatever it is, it is not our file: reset.
            except (ValueError, RecursionError, OverflowError):
                slots = None
        if slots is None:
            self.warn("Request pacing: %s did not hold send times in the form this collection writes; it was reset"
                      % self.path)
            return []
        kept, dropped = explained(slots, now)
        if dropped:
            self.warn("Request pacing: dropped %d send time(s) up to %.0fs ahead from %s that no request queued before "
                      "them explains (the clock stepped back, or the file was changed); requests go on at "
                      "requests_per_second=%g" % (len(dropped), dropped[-1][0] - now, self.path, self.rate))
        return kept

    @staticmethod
    def _write(fd, slots):
        data = json.dumps({"slots": [[when, rate] for when, rate in slots]}).encode("utf-8")
        os.ftruncate(fd, 0)
        os.pwrite(fd, data, 0)
