# -*- coding: utf-8 -*-
# Copyright: (c) 2026, boomi.platform developers
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Account-wide request pacing shared by every process on the controller.

Ansible runs each task of each fork in its own process, so an in-memory limiter would let ten
forks send ten times the rate. The bucket lives in a small file guarded by flock, keyed by API
host and primary account (the Partner API counts against the primary account).
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import tempfile
import time


def default_directory():
    return os.path.join(tempfile.gettempdir(), "boomi-platform-pacing-%d" % os.getuid())


class FilePacer(object):
    """A token bucket of ``rate`` requests per second (burst ``rate``) stored in a locked file."""

    def __init__(self, api_host, account_id, rate, directory=None, sleep=time.sleep, clock=time.time):
        self.rate = float(rate)
        self.sleep = sleep
        self.clock = clock
        directory = directory or default_directory()
        key = hashlib.sha256(("%s|%s" % (api_host, account_id)).encode("utf-8")).hexdigest()[:24]
        self.path = os.path.join(directory, key + ".json")
        self.directory = directory

    def wait(self):
        """Take one token, sleeping first if the bucket is empty. Returns the seconds slept."""
        if self.rate <= 0:
            return 0.0
        delay = self._reserve()
        if delay > 0:
            self.sleep(delay)
        return delay

    def _reserve(self):
        if not os.path.isdir(self.directory):
            os.makedirs(self.directory, mode=0o700, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            now = self.clock()
            tokens, stamp = self._read(fd, now)
            tokens = min(self.rate, tokens + max(0.0, now - stamp) * self.rate)
            # Take the token now, even if it is not there yet: the bucket goes negative and the
            # next caller waits behind us, so waiting processes are served in order.
            tokens -= 1.0
            self._write(fd, tokens, now)
            return 0.0 if tokens >= 0 else -tokens / self.rate
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
            os.close(fd)

    def _read(self, fd, now):
        os.lseek(fd, 0, os.SEEK_SET)
        raw = os.read(fd, 4096)
        try:
            state = json.loads(raw.decode("utf-8")) if raw else {}
            return float(state["tokens"]), float(state["stamp"])
        except (ValueError, KeyError, TypeError):
            return self.rate, now

    @staticmethod
    def _write(fd, tokens, now):
        data = json.dumps({"tokens": tokens, "stamp": now}).encode("utf-8")
        os.lseek(fd, 0, os.SEEK_SET)
        os.ftruncate(fd, 0)
        os.write(fd, data)
