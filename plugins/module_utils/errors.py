# -*- coding: utf-8 -*-
# Copyright: (c) 2026, boomi.platform developers
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The exceptions every boomi.platform module raises; main() turns them into fail_json once.

None of them ever carries a credential: the client builds messages from Boomi's answer, the
method and the path, and scrubs the secrets it knows before raising.
"""

from __future__ import annotations

import base64
import json
import re


class BoomiError(Exception):
    """Base class. ``to_fail_json()`` gives the keyword arguments for ``module.fail_json``."""

    def __init__(self, message, status=None, method=None, path=None, boomi_message=None, extra=None):
        super(BoomiError, self).__init__(message)
        self.message = message
        self.status = status
        self.method = method
        self.path = path
        self.boomi_message = boomi_message
        self.extra = extra or {}  # result keys worth returning with the failure (e.g. a release's request id)

    def __str__(self):
        return self.message

    def to_fail_json(self):
        out = dict(self.extra, msg=self.message)
        for key in ("status", "method", "path", "boomi_message"):
            value = getattr(self, key)
            if value is not None:
                out[key] = value
        return out


class ConfigurationError(BoomiError):
    """The module's options are wrong; nothing was sent to Boomi."""


class UsageError(BoomiError):
    """The task asks for something that cannot be done as asked (an immutable object, an ambiguous
    name, an id in the wrong option, a pack with no release...). Raised before any write."""


class MissingLibraryError(BoomiError):
    """A Python library the module needs is not installed on the controller."""

    def __init__(self, message, exception=None):
        super(MissingLibraryError, self).__init__(message)
        self.exception = exception

    def to_fail_json(self):
        out = super(MissingLibraryError, self).to_fail_json()
        if self.exception:
            out["exception"] = self.exception
        return out


class BoomiApiError(BoomiError):
    """Boomi answered with an error status."""


class AuthenticationError(BoomiApiError):
    """401: the credentials were refused. Never retried, so a bad token cannot lock an account."""


class PermissionDeniedError(BoomiApiError):
    """403: authenticated, but not allowed on that account or action."""


class NotFoundError(BoomiApiError):
    """The id does not exist: a 404, or a 400 to a GET by id (Boomi answers an unknown id with 400)."""


class ValidationError(BoomiApiError):
    """400: Boomi refused the request (bad input or a business rule)."""


class RateLimitedError(BoomiApiError):
    """503/429 kept coming after every retry."""


class ServerError(BoomiApiError):
    """5xx kept coming after every retry (reads), or a server error Boomi does not let us retry."""


class TransportError(BoomiError):
    """No usable HTTP answer: connection refused or reset, timeout, TLS failure."""


class OutcomeUnknownError(BoomiError):
    """A write was sent but its answer was lost, and looking again could not settle what happened."""


# -- keeping secrets out of every message --------------------------------------------------------
_AUTH_HEADER = re.compile(r"(?i)\b(basic|bearer)(\s+)[A-Za-z0-9+/=._~-]{8,}")
MASK = "********"


class SecretScrubber(object):
    """Removes the secret, its Basic-auth form and any echoed Authorization value from text that may
    have come back from a server (error bodies that echo request headers) before anyone sees it."""

    def __init__(self, username, secret):
        self.values = []
        if secret:
            basic = base64.b64encode(("%s:%s" % (username, secret)).encode("utf-8")).decode("ascii")
            self.values = sorted({secret, basic}, key=len, reverse=True)

    def scrub(self, text):
        if not text:
            return text
        text = str(text)
        for value in self.values:
            text = text.replace(value, MASK)
        return _AUTH_HEADER.sub(lambda m: m.group(1) + m.group(2) + MASK, text)


# -- TLS failures: advice by cause ------------------------------------------------------------------
# OpenSSL's reason codes and Python's verification texts, upper-cased; the first group that matches decides.
TLS_CAUSES = (
    ("plain", ("WRONG_VERSION_NUMBER", "UNKNOWN_PROTOCOL", "RECORD_LAYER_FAILURE", "PACKET_LENGTH_TOO_LONG")),
    ("ca_file", ("NO_CERTIFICATE_OR_CRL_FOUND", "PEM LIB", "[X509", "[PEM")),
    ("name", ("HOSTNAME MISMATCH", "IP ADDRESS MISMATCH", "DOESN'T MATCH", "NOT VALID FOR")),
    ("dates", ("CERTIFICATE HAS EXPIRED", "CERTIFICATE IS NOT YET VALID")),
    ("chain", ("CERTIFICATE_VERIFY_FAILED", "SELF-SIGNED", "SELF SIGNED", "UNABLE TO GET LOCAL ISSUER")),
)


def tls_cause(text):
    """plain, ca_file, name, dates, chain or other: why a TLS handshake failed, from the error's text."""
    text = (text or "").upper()
    for cause, markers in TLS_CAUSES:
        if any(marker in text for marker in markers):
            return cause
    return "other"


def tls_advice(text, host, ca_path):
    """What to change after a TLS failure talking to ``host`` (host[:port]), naming the option."""
    cause = tls_cause(text)
    if cause == "plain":
        return ("the server at %s does not speak TLS on that port (a plain-http port?): use http:// in api_url for "
                "a plain-http server, or the port that serves https" % host)
    if cause == "ca_file":
        return ("ca_path %s could not be loaded as PEM CA certificates; give the CA certificate in PEM form" % ca_path
                if ca_path else "the system CA bundle could not be loaded; set ca_path to a PEM file of CA certificates")
    if cause == "name":
        return ("the server's certificate is not issued for %s: use the host name the certificate names in api_url, "
                "or have the certificate issued for this name (validate_certs stays on)" % host.rsplit(":", 1)[0])
    if cause == "dates":
        return "the server's certificate has expired or is not valid yet: check the controller's clock, or renew it"
    if cause == "chain" and ca_path:
        return ("the certificate chain of %s is not signed by a CA in ca_path %s: set ca_path to the PEM bundle of "
                "the CA that signed the server certificate (validate_certs stays on)" % (host, ca_path))
    if cause == "chain":
        return ("the certificate chain of %s is not trusted by this controller: set ca_path to the PEM bundle of the "
                "CA that signed the server certificate, e.g. a TLS-intercepting proxy's CA (validate_certs stays on)"
                % host)
    return "check the TLS setup of %s, and ca_path if it signs the server certificate" % host


# -- reading Boomi's error bodies ------------------------------------------------------------------
_XML_MESSAGE = re.compile(r"<message>(.*?)</message>", re.DOTALL | re.IGNORECASE)
_HTML_TITLE = re.compile(r"<(?:title|h1)[^>]*>(.*?)</(?:title|h1)>", re.DOTALL | re.IGNORECASE)
_TAGS = re.compile(r"<[^>]+>")


def extract_message(text):
    """A readable message from any error body Boomi or a proxy in front of it sends.

    Handles ``{"@type": "Error", "message"}``, ``{"message"}``, ``{"error": {"message"}}``,
    XML ``<error><message>``, HTML pages (their title) and plain text.
    """
    text = (text or "").strip()
    if not text:
        return ""
    try:
        body = json.loads(text)
    except ValueError:
        body = None
    if isinstance(body, dict):
        error = body.get("error")
        if isinstance(error, dict) and error.get("message"):
            return str(error["message"])
        if body.get("message"):
            return str(body["message"])
        if isinstance(error, str):
            return error
    match = _XML_MESSAGE.search(text)
    if match:
        return _squash(match.group(1))
    match = _HTML_TITLE.search(text)
    if match:
        return _squash(_TAGS.sub(" ", match.group(1)))
    return _squash(_TAGS.sub(" ", text))[:300]


def _squash(text):
    return " ".join(text.split())
