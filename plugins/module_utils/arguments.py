# -*- coding: utf-8 -*-
# Copyright: (c) 2026, boomi.platform developers
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Connection options: declared once here, documented once in doc_fragments/connection.py."""

from __future__ import annotations

import ipaddress
import math
import os
import re
from urllib.parse import quote, urlsplit

from ansible.module_utils.basic import env_fallback

from ansible_collections.boomi.platform.plugins.module_utils.errors import ConfigurationError

DEFAULT_API_URL = "https://api.boomi.com"
TOKEN_PREFIX = "BOOMI_TOKEN."
LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "::1")
# Boomi account ids: letters, digits, "-", "_" and "." (e.g. boomi-demo-A1B2C3); nothing a URL path treats specially.
ACCOUNT_ID = re.compile(r"\A[A-Za-z0-9._-]+\Z")
URL_FORM = ("give the server root only, as http(s)://<host>[:<port>], e.g. https://api.boomi.com "
            "(https://api.platform.gb.boomi.com for the EU; http://127.0.0.1:8765 or http://[::1]:8765 for a local "
            "boomi-simulator)")
# scheme ":" slashes authority rest, split as a browser splits an http(s) URL: the authority ends at the first
# "/", "\\", "?" or "#", and any run of slashes or backslashes may come before it.
_URL = re.compile(r"\A([A-Za-z][A-Za-z0-9+.-]*):([/\\]*)([^/\\?#]*)(.*)\Z", re.S)
_HOST_LABEL = r"(?!-)[\w-]{1,63}(?<!-)"
_HOST_NAME = re.compile(r"\A%s(\.%s)*\.?\Z" % (_HOST_LABEL, _HOST_LABEL))
PEM_MARKER = b"-----BEGIN "
PEM_READ = 1 << 20  # bytes of ca_path read to find a PEM certificate

# One table for every connection option: (name, type, default, environment variable, no_log).
# The argument spec, the settings' defaults and (by a test) the doc fragment all read it. api_url is no_log although
# it is not a secret: a URL with user:password@ in it is refused, and no_log is what keeps it out of the task's
# invocation (module_args, shown at -vvv) even when the module fails before it could be checked.
OPTIONS_TABLE = (
    ("account_id", "str", None, "BOOMI_ACCOUNT_ID", False),
    ("username", "str", None, "BOOMI_USERNAME", False),
    ("api_token", "str", None, "BOOMI_API_TOKEN", True),
    ("password", "str", None, "BOOMI_PASSWORD", True),
    ("api_url", "str", DEFAULT_API_URL, "BOOMI_API_URL", True),
    ("override_account", "str", None, "BOOMI_OVERRIDE_ACCOUNT", False),
    ("validate_certs", "bool", True, "BOOMI_VALIDATE_CERTS", False),
    ("ca_path", "path", None, "BOOMI_CA_PATH", False),
    ("timeout", "float", 30.0, "BOOMI_TIMEOUT", False),
    ("max_retries", "int", 5, "BOOMI_MAX_RETRIES", False),
    ("retry_delay", "float", 1.0, "BOOMI_RETRY_DELAY", False),
    ("requests_per_second", "float", 8.0, "BOOMI_REQUESTS_PER_SECOND", False),
    ("write_settle_seconds", "float", None, "BOOMI_WRITE_SETTLE_SECONDS", False),  # None: 3 x timeout
)
SETTLE_TIMEOUTS = 3  # write_settle_seconds defaults to this many timeouts
DEFAULTS = dict((name, default) for name, _type, default, _env, _secret in OPTIONS_TABLE)
ENV_VARS = dict((name, env) for name, _type, _default, env, _secret in OPTIONS_TABLE)


def _option(kind, default, env, secret):
    option = dict(type=kind, fallback=(env_fallback, [env]))
    if default is not None:
        option["default"] = default
    if secret:
        option["no_log"] = True
    return option


# api_token and password exclude each other, checked by ConnectionSettings (not the spec): an AWX credential
# injects BOOMI_PASSWORD="" beside a token, and an empty value is no value.
CONNECTION_SPEC = dict((name, _option(kind, default, env, secret))
                       for name, kind, default, env, secret in OPTIONS_TABLE)


def argument_spec(**module_options):
    """The full argument spec of a module: its own options plus the connection options."""
    spec = dict((name, dict(option)) for name, option in CONNECTION_SPEC.items())
    spec.update(module_options)
    return spec


class ConnectionSettings(object):
    """Validated connection options, ready for the client. ``repr`` never shows a secret."""

    def __init__(self, params):
        self.account_id = _account_id(_required_text(params, "account_id"), "account_id")
        self.api_token = params.get("api_token") or None
        self.password = params.get("password") or None
        self.username = _username(params, self.api_token)
        self.api_url = _api_url(params.get("api_url") or DEFAULTS["api_url"])
        override = (params.get("override_account") or "").strip()
        self.override_account = _account_id(override, "override_account") if override else None
        self.validate_certs = _value(params, "validate_certs")
        self.ca_path = _ca_path(params.get("ca_path"))
        self.timeout = _positive(params, "timeout")
        self.max_retries = _at_least_zero(params, "max_retries")
        self.retry_delay = _at_least_zero(params, "retry_delay")
        self.requests_per_second = _at_least_zero(params, "requests_per_second")
        settle = params.get("write_settle_seconds")
        self.write_settle_seconds = SETTLE_TIMEOUTS * self.timeout if settle is None else \
            _at_least_zero(params, "write_settle_seconds")
        self.warnings = []
        host = urlsplit(self.api_url).hostname or ""
        # Messages name the host, not the URL: api_url is no_log, so Ansible masks any text equal to it.
        if self.api_url.startswith("http://") and host not in LOOPBACK_HOSTS:
            self.warnings.append("api_url uses plain http to %s: credentials and data cross the network unencrypted; "
                                 "use https" % self.api_host)
        if not self.validate_certs:
            self.warnings.append("validate_certs is false: the identity of %s is not checked" % host)

    @property
    def secret(self):
        return self.api_token or self.password

    @property
    def api_host(self):
        """host[:port] of api_url."""
        return urlsplit(self.api_url).netloc

    @property
    def api_hostname(self):
        """The host name (or address) of api_url alone."""
        return urlsplit(self.api_url).hostname

    def base_url(self):
        """Platform API, or the Partner API when acting on a managed sub-account."""
        prefix = "/partner/api/rest/v1/" if self.override_account else "/api/rest/v1/"
        return self.api_url + prefix + quote(self.account_id, safe="")

    def __repr__(self):
        return "ConnectionSettings(account_id=%r, username=%r, api_url=%r, override_account=%r)" % (
            self.account_id, self.username, self.api_url, self.override_account)


def _required_text(params, name):
    value = (params.get(name) or "").strip()
    if not value:
        raise ConfigurationError("%s is required: set the option or the %s environment variable" % (name, ENV_VARS[name]))
    return value


def _username(params, api_token):
    username = _required_text(params, "username")
    if api_token and params.get("password"):
        raise ConfigurationError("api_token and password are mutually exclusive: set one of them (or one of the "
                                 "BOOMI_API_TOKEN / BOOMI_PASSWORD environment variables)")
    if not api_token and not params.get("password"):
        raise ConfigurationError("one of api_token or password is required (or BOOMI_API_TOKEN / BOOMI_PASSWORD)")
    if api_token and not username.startswith(TOKEN_PREFIX):
        # Boomi expects API tokens as user "BOOMI_TOKEN.<user>"; users often forget the prefix.
        username = TOKEN_PREFIX + username
    return username


def _account_id(value, name):
    """An account id that can only be one path segment (no "/", "?", "#", "%", whitespace, no "." or "..")."""
    if not ACCOUNT_ID.match(value) or not value.strip("."):
        raise ConfigurationError("%s %r is not a Boomi account id: it may hold only letters, digits, '-', '_' and '.' "
                                 "(e.g. acme-A1B2C3); correct the option or the %s environment variable"
                                 % (name, value[:80], ENV_VARS[name]))
    return value


def _api_url(value):
    """The server root as scheme://host[:port], or a ConfigurationError that names api_url and the form expected.

    Checked as both urllib and a browser read a URL, so that no spelling smuggles in a user name and password
    (one slash, backslashes, "@" in a query or fragment). Messages show at most the scheme and the host, never
    the value itself: whatever is not scheme and host may be a credential (and api_url being no_log, Ansible
    would mask a message repeating the value exactly).
    """
    url = value.strip()
    if any(char.isspace() or ord(char) < 32 or ord(char) == 127 for char in url):
        raise ConfigurationError("api_url contains a space or a control character; " + URL_FORM)
    match = _URL.match(url)
    if match is None:
        raise ConfigurationError("api_url is not an http(s) URL (it has no scheme); " + URL_FORM)
    scheme, slashes, authority, rest = match.groups()
    scheme = scheme.lower()
    shown = _shown(scheme, authority.rpartition("@")[2]) if slashes == "//" or scheme in ("http", "https") else ""
    if "@" in url:
        raise ConfigurationError("api_url%s must not contain credentials (user:password@ before the host, in any "
                                 "spelling); set username and api_token (or password) instead, and %s"
                                 % (shown, URL_FORM))
    _check_url_shape(scheme, slashes, rest, shown)
    hostname, port = _host_and_port(authority, scheme)
    normalized = "%s://%s%s" % (scheme, hostname.lower(), ":%s" % port if port else "")
    try:  # what the client's libraries will make of it must be the same
        parts = urlsplit(normalized)
        agreed = parts.hostname and parts.port == (int(port) if port else None) and not parts.username
    except ValueError:
        agreed = False
    if not agreed:
        raise ConfigurationError("api_url%s cannot be read as a URL; %s" % (shown, URL_FORM))
    return normalized


def _check_url_shape(scheme, slashes, rest, shown):
    if scheme not in ("http", "https"):
        raise ConfigurationError("api_url has the scheme %r, not http or https; %s" % (scheme[:20], URL_FORM))
    if slashes != "//":
        raise ConfigurationError("api_url%s must start with %s:// (two forward slashes); %s" % (shown, scheme, URL_FORM))
    if "?" in rest:
        raise ConfigurationError("api_url%s must not contain a query (?...); %s" % (shown, URL_FORM))
    if "#" in rest:
        raise ConfigurationError("api_url%s must not contain a fragment (#...); %s" % (shown, URL_FORM))
    if rest not in ("", "/"):
        raise ConfigurationError("api_url%s must be the server root only, without a path: the collection adds "
                                 "/api/rest/v1/<account_id> itself; %s" % (shown, URL_FORM))


def _shown(scheme, host):
    """" <scheme>://<host>" for a message when the host looks like one, else nothing."""
    try:
        _host_and_port(host, scheme)
    except ConfigurationError:
        return ""
    return " %s://%s" % (scheme, host)


def _host_and_port(authority, scheme):
    """(host, port text) of host[:port] or [IPv6][:port]; a ConfigurationError otherwise (showing neither: a
    host or port that is not one may be a mistyped credential)."""
    if authority.startswith("["):
        end = authority.find("]")
        address, tail = (authority[1:end], authority[end + 1:]) if end > 0 else (authority[1:], None)
        try:
            ipaddress.IPv6Address(address)
        except ValueError:
            tail = None
        if tail is None or (tail and not tail.startswith(":")):
            raise ConfigurationError("api_url (%s): the host is not a valid IPv6 address in brackets, such as "
                                     "[::1]; %s" % (scheme, URL_FORM))
        host, port = authority[:end + 1], tail[1:]
    else:
        host, _colon, port = authority.partition(":")
        if not _HOST_NAME.match(host) or ":" in port:
            raise ConfigurationError("api_url (%s): the host is not a host name or an IP address (an IPv6 address "
                                     "goes in brackets, http://[::1]:8765); %s" % (scheme, URL_FORM))
    if port and not (port.isdigit() and port.isascii() and 0 < int(port) < 65536):
        raise ConfigurationError("api_url %s://%s has a port that is not a number from 1 to 65535; %s"
                                 % (scheme, host, URL_FORM))
    return host, port


def _value(params, name):
    """The option's value, or its default from the table when the caller left it out."""
    value = params.get(name)
    return DEFAULTS[name] if value is None else value


def _number(params, name):
    value = _value(params, name)
    if isinstance(value, float) and not math.isfinite(value):
        raise ConfigurationError("%s must be a finite number, got %s" % (name, value))
    return value


def _positive(params, name):
    value = _number(params, name)
    if value <= 0:
        raise ConfigurationError("%s must be greater than 0, got %s" % (name, value))
    return value


def _at_least_zero(params, name):
    value = _number(params, name)
    if value < 0:
        raise ConfigurationError("%s must be 0 or more, got %s" % (name, value))
    return value


def _ca_path(path):
    """A CA bundle that exists, can be read and holds PEM certificates (checked here, so a wrong one costs no
    request and is named as what it is, not as a TLS failure)."""
    if not path:
        return None
    if not os.path.exists(path):
        raise ConfigurationError("ca_path %s does not exist; give the path of the PEM file (or directory) of the CA "
                                 "certificates to trust for api_url" % path)
    if os.path.isdir(path):
        if not os.access(path, os.R_OK | os.X_OK):
            raise ConfigurationError("ca_path %s is a directory this user cannot read; make it readable, or give "
                                     "a PEM file of the CA certificates to trust for api_url" % path)
        return path
    if not os.path.isfile(path):
        raise ConfigurationError("ca_path %s is not a file or a directory; give the path of the PEM file of the CA "
                                 "certificates to trust for api_url" % path)
    try:
        with open(path, "rb") as handle:
            head = handle.read(PEM_READ)
    except OSError as exc:
        raise ConfigurationError("ca_path %s cannot be read (%s); make it readable by this user, or give another "
                                 "PEM file of the CA certificates to trust for api_url" % (path, exc.strerror or exc))
    if PEM_MARKER + b"CERTIFICATE-----" not in head and PEM_MARKER + b"TRUSTED CERTIFICATE-----" not in head:
        raise ConfigurationError("ca_path %s is not a PEM bundle of CA certificates (no '-----BEGIN CERTIFICATE-----' "
                                 "in it); give the CA certificate in PEM form (a DER .cer/.crt file converts with "
                                 "'openssl x509 -inform der -in ca.cer -out ca.pem')" % path)
    return path
