# -*- coding: utf-8 -*-
# Copyright: (c) 2026, boomi.platform developers
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The one Boomi Platform API client every module uses.

Transport rules: JSON both ways; queries follow every page or fail; 503/429 are
"not processed" and retried with capped exponential backoff and full jitter, honouring
Retry-After; reads also retry 500/502/504 and broken connections; a write whose answer was lost
is never replayed blind (the caller's lookup runs first); 400/401/403/404/410 are never retried.
"""

from __future__ import annotations

import email.utils
import json
import math
import random
import socket
import time
import traceback

from ansible.module_utils.basic import missing_required_lib
from ansible.module_utils.six.moves.urllib.parse import quote

from ansible_collections.boomi.platform.plugins.module_utils import errors
from ansible_collections.boomi.platform.plugins.module_utils.pacing import FilePacer

try:
    import requests
    from requests.exceptions import ConnectTimeout, SSLError
    from requests.exceptions import RequestException
    from urllib3 import disable_warnings
    from urllib3.exceptions import InsecureRequestWarning, NewConnectionError
    try:
        from urllib3.exceptions import NameResolutionError
    except ImportError:  # urllib3 1.x: a NewConnectionError caused by socket.gaierror
        NameResolutionError = socket.gaierror
except ImportError:
    HAS_REQUESTS = False
    REQUESTS_IMPORT_ERROR = traceback.format_exc()
else:
    HAS_REQUESTS = True
    REQUESTS_IMPORT_ERROR = None

COLLECTION_VERSION = "0.1.0"
MAX_BACKOFF = 60.0
READ, WRITE = "read", "write"
RETRY_ALWAYS = (429, 503)          # Boomi did not process the request
RETRY_READS = (500, 502, 504)      # a write may have happened: never replay those blind
OK = (200, 202, 204)
SETTLE_STEP = 1.0        # look at least a second apart ...
SETTLE_LOOKUPS = 5       # ... and about this many times over write_settle_seconds
UNRESOLVED_TRIES = 2     # a host name that does not resolve is tried this many times in a row, then it fails


class Answer(object):
    """One HTTP answer: status, parsed JSON (or None) and headers."""

    def __init__(self, status, data, headers):
        self.status = status
        self.data = data
        self.headers = headers


class BoomiClient(object):
    """A small client over requests.Session. ``warn`` receives one message per retry."""

    def __init__(self, settings, warn=None, sleep=time.sleep, rng=random.random, pacer=None):
        if not HAS_REQUESTS:
            raise errors.MissingLibraryError(missing_required_lib("requests"), exception=REQUESTS_IMPORT_ERROR)
        self.settings = settings
        self.secrets = errors.SecretScrubber(settings.username, settings.secret)
        report = warn or (lambda message: None)
        self.warn = lambda message: report(self.secrets.scrub(message))
        self.sleep = sleep
        self.rng = rng
        self.pacer = pacer or FilePacer(settings.api_host, settings.account_id, settings.requests_per_second,
                                        sleep=sleep, warn=self.warn)
        self.base_url = settings.base_url()
        self.session = requests.Session()
        # As UTF-8 bytes: requests would encode text as Latin-1 and fail on any other character.
        self.session.auth = (settings.username.encode("utf-8"), settings.secret.encode("utf-8"))
        self.session.headers.update({
            "Accept": "application/json",
            "User-Agent": "boomi.platform/%s (Ansible collection; python-requests/%s)"
                          % (COLLECTION_VERSION, requests.__version__),
        })
        # Passed on every request: a session-level verify loses to REQUESTS_CA_BUNDLE in requests.
        self.verify = (settings.ca_path or True) if settings.validate_certs else False
        if not settings.validate_certs:
            disable_warnings(InsecureRequestWarning)  # the module already warned, once, in its own words
        self.params = {"overrideAccount": settings.override_account} if settings.override_account else {}
        self.answered = False  # whether the server ever answered: a TLS port never answers plain http
        self.unresolved = 0    # name-resolution failures in a row

    def __repr__(self):
        return "BoomiClient(%r)" % (self.settings,)

    # -- operations ----------------------------------------------------------------------------------
    def get(self, object_name, ident):
        return self.request("GET", _path(object_name, ident)).data

    def get_or_none(self, object_name, ident):
        """GET by id; None when Boomi says the id does not exist (any 400 or 404 to a GET by id: the request
        has no body, so the id is all Boomi can refuse; its wording is not relied on)."""
        try:
            return self.get(object_name, ident)
        except errors.NotFoundError:
            return None

    def create(self, object_name, body, lookup=None, before_resend=None):
        """POST /Object. ``lookup()`` finds the object if a lost answer left us unsure; ``before_resend()``,
        called before the request is sent again for any reason, returns a result to stop at instead."""
        return self.request("POST", _path(object_name), body, kind=WRITE, recover=lookup,
                            before_resend=before_resend).data

    def update(self, object_name, ident, body, confirm=None):
        """POST /Object/{id}. ``confirm()`` returns the object if the update already took effect."""
        return self.request("POST", _path(object_name, ident), body, kind=WRITE, recover=confirm).data

    def delete(self, object_name, ident, confirm=None):
        """DELETE /Object/{id}. ``confirm()`` returns something truthy if the delete already happened."""
        self.request("DELETE", _path(object_name, ident), kind=WRITE, recover=confirm)

    def query(self, object_name, expression=None):
        """Yield every result of a query, following queryToken to the last page (or raising)."""
        body = {"QueryFilter": {"expression": expression}} if expression else {}
        page = self.request("POST", _path(object_name, "query"), body).data or {}
        while True:
            yield from page.get("result") or []
            token = page.get("queryToken")
            if not token:
                return
            page = self.request("POST", _path(object_name, "queryMore"), raw=token).data or {}

    def bulk_get(self, object_name, ids):
        """{id: object or None} for many ids, 100 per request (Boomi's bulk GET limit)."""
        found = {}
        ids = list(dict.fromkeys(ids))
        for start in range(0, len(ids), 100):
            chunk = ids[start:start + 100]
            body = {"type": "GET", "request": [{"id": ident} for ident in chunk]}
            answer = self.request("POST", _path(object_name, "bulk"), body).data or {}
            for ident, item in zip(chunk, answer.get("response") or []):
                found[ident] = item.get("Result") if item.get("statusCode") == 200 else None
        return found

    def query_all(self, object_name, expression=None):
        return list(self.query(object_name, expression))

    # -- transport -----------------------------------------------------------------------------------
    def request(self, method, path, body=None, raw=None, kind=READ, recover=None, before_resend=None):
        """Send one logical request, retrying as the transport rules allow. Returns an Answer."""
        attempt = 0
        while True:
            if attempt and before_resend is not None:
                done = before_resend()
                if done is not None:
                    return Answer(200, done, {})
            outcome, answer, reason = self._attempt(method, path, body, raw, kind)
            if outcome == "ok":
                return answer
            if outcome == "unknown":
                found = self._settle(method, path, reason, recover)
                if found is not None:
                    return Answer(200, found, {})
                reason += "; looked for the change for %gs and it is not there" % self.settings.write_settle_seconds
            if attempt >= self.settings.max_retries:
                raise self._exhausted(method, path, answer, reason, attempt, kind)
            delay = self._delay(attempt, answer)
            self.warn("Boomi %s %s: %s; %s (retry %d of %d) in %.1fs"
                      % (method, path, reason, "sending it again" if kind == WRITE else "retrying", attempt + 1,
                         self.settings.max_retries, delay))
            self.sleep(delay)
            attempt += 1

    def _attempt(self, method, path, body, raw, kind):
        """Returns (outcome, answer, reason); outcome is ok, retry or unknown. Raises on final errors."""
        self.pacer.wait()
        headers = {}
        data = None
        if raw is not None:
            data, headers["Content-Type"] = raw, "text/plain"
        elif body is not None:
            data, headers["Content-Type"] = json.dumps(body), "application/json"
        try:
            response = self.session.request(method, self.base_url + "/" + path, data=data, headers=headers,
                                            params=self.params, timeout=self.settings.timeout, verify=self.verify)
        except SSLError as exc:
            text = self.secrets.scrub(str(exc))
            raise errors.TransportError("TLS failure talking to %s: %s. %s" % (
                self.settings.api_host, text, errors.tls_advice(text, self.settings.api_host, self.settings.ca_path)),
                method=method, path=path)
        except RequestException as exc:
            return self._broken_connection(exc, kind, method, path)
        self.answered = True
        self.unresolved = 0
        answer = Answer(response.status_code, None, response.headers)
        if response.status_code in OK:
            answer.data = _json(response, method, path)
            return "ok", answer, None
        message = self.secrets.scrub(errors.extract_message(response.text))
        reason = "status %d (%s)" % (response.status_code, message or "no message")
        if response.status_code in RETRY_ALWAYS:
            return "retry", answer, reason
        if response.status_code in RETRY_READS:
            return ("retry" if kind == READ else "unknown"), answer, reason
        raise self._api_error(response.status_code, message, method, path)

    def _broken_connection(self, exc, kind, method, path):
        """(outcome, None, reason) after a request that got no answer."""
        host = self.settings.api_host
        if _caused_by(exc, NameResolutionError) or _caused_by(exc, socket.gaierror):
            return self._unresolved(method, path)
        not_sent = isinstance(exc, ConnectTimeout) or _caused_by(exc, NewConnectionError)
        if not_sent:
            reason = "could not connect to %s (api_url, %s)" % (host, type(exc).__name__)
        else:
            reason = "%s (sent, no answer)" % type(exc).__name__
            if not self.answered and self.settings.api_url.startswith("http://") and _caused_by(exc, ConnectionResetError):
                reason += "; if the server at %s speaks https, use https:// in api_url" % self.settings.api_host
        if not_sent or kind == READ:
            return "retry", None, reason
        return "unknown", None, reason

    def _unresolved(self, method, path):
        """A host name that does not resolve is tried once more (a resolver hiccup), then fails: a typo in
        api_url does not get better with retries."""
        self.unresolved += 1
        reason = "cannot resolve %s (api_url)" % self.settings.api_hostname
        if self.unresolved >= UNRESOLVED_TRIES or self.settings.max_retries == 0:
            raise errors.TransportError(
                "Boomi %s %s: %s, tried %d time(s); check the host name in api_url (or BOOMI_API_URL) and the "
                "controller's DNS" % (method, path, reason, self.unresolved), method=method, path=path)
        return "retry", None, reason

    def _settle(self, method, path, reason, recover):
        """After a lost write answer: keep looking for the change for write_settle_seconds (a slow write may
        still land); returns what the lookup found, or None when it never showed up."""
        if recover is None:
            raise errors.OutcomeUnknownError(
                "Boomi %s %s: %s. The change may or may not have been made and it was not sent again; "
                "run the task again to converge" % (method, path, reason), method=method, path=path)
        settle = self.settings.write_settle_seconds
        steps = int(math.ceil(settle / max(SETTLE_STEP, settle / SETTLE_LOOKUPS))) if settle > 0 else 0
        for step in range(steps + 1):
            found = recover()
            if found is not None:
                self.warn("Boomi %s %s: %s; looked again and the change had been made, so it was not sent again"
                          % (method, path, reason))
                return found
            if step < steps:
                self.sleep(settle / steps)
        return None

    def _delay(self, attempt, answer):
        retry_after = _retry_after(answer.headers.get("Retry-After")) if answer is not None else None
        if retry_after is not None:
            return min(MAX_BACKOFF, retry_after)
        ceiling = min(MAX_BACKOFF, self.settings.retry_delay * (2 ** attempt))
        return self.rng() * ceiling  # full jitter: forks hitting the same limit spread out

    def _exhausted(self, method, path, answer, reason, attempt, kind):
        message = "Boomi %s %s failed after %d attempt(s); last answer: %s" % (method, path, attempt + 1, reason)
        if kind == WRITE:
            message += "; it was not sent again (max_retries=%d)" % self.settings.max_retries
        if answer is None:
            return errors.TransportError(message, method=method, path=path)
        status = answer.status
        cls = errors.RateLimitedError if status in RETRY_ALWAYS else errors.ServerError
        return cls(message, status=status, method=method, path=path)

    def _api_error(self, status, message, method, path):
        where = "account %s" % self.settings.account_id
        if self.settings.override_account:
            where += " (acting on sub-account %s)" % self.settings.override_account
        if status == 401:
            return errors.AuthenticationError(
                "Boomi rejected the credentials of %s for %s (401): check username and api_token/password; an API "
                "token's user is BOOMI_TOKEN.<user>. Not retried, so a bad token cannot lock the account"
                % (self.settings.username, where), status, method, path, message)
        if status == 403:
            return errors.PermissionDeniedError(
                "Boomi denied %s %s on %s (403): %s Check that the user has API access and the privilege for "
                "this object in that account" % (method, path, where, message), status, method, path, message)
        text = "Boomi %s %s: %s (%d)" % (method, path, message or "no message", status)
        if status == 400 and self.settings.api_url.startswith("http://") and "https" in message.lower():
            text += "; the server wants https: use https:// in api_url"
        if status == 404 or (status == 400 and method == "GET"):
            return errors.NotFoundError(text, status, method, path, message)
        if status == 400:
            return errors.ValidationError(text, status, method, path, message)
        return errors.BoomiApiError(text, status, method, path, message)


# -- helpers -----------------------------------------------------------------------------------------
def _path(object_name, ident=None):
    """The path below the account, every segment quoted (an id can never add a segment or a query)."""
    segments = [object_name] if ident is None else [object_name, str(ident)]
    return "/".join(_segment(segment) for segment in segments)


def _segment(text):
    """One quoted path segment; "." and ".." too, which URL libraries would otherwise resolve away."""
    quoted = quote(text, safe="")
    return quoted.replace(".", "%2E") if not quoted.strip(".") else quoted


def _json(response, method, path):
    if not response.content:
        return None
    try:
        return response.json()
    except ValueError:
        raise errors.BoomiApiError("Boomi %s %s answered %d with a body that is not JSON: %s"
                                   % (method, path, response.status_code, errors.extract_message(response.text)),
                                   response.status_code, method, path)


def _retry_after(value):
    """Seconds from a Retry-After header: a number of seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    return max(0.0, when.timestamp() - time.time())


def _caused_by(exc, cls):
    seen = set()
    current = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, cls):
            return True
        for arg in getattr(current, "args", ()):
            if isinstance(arg, cls) or (isinstance(arg, BaseException) and _caused_by(arg, cls)):
                return True
        current = current.__cause__ or current.__context__ or getattr(current, "reason", None)
    return False
