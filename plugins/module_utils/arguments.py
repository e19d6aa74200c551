# -*- coding: utf-8 -*-
# Copyright: (c) 2026, boomi.platform developers
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Connection options: declared once here, documented once in doc_fragments/connection.py."""

from __future__ import annotations

import math
import os
from urllib.parse import urlsplit

from ansible.module_utils.basic import env_fallback

from ansible_collections.boomi.platform.plugins.module_utils.errors import ConfigurationError

DEFAULT_API_URL = "https://api.boomi.com"
TOKEN_PREFIX = "BOOMI_TOKEN."
LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "::1")

# One table for every connection option: (name, type, default, environment variable, secret).
# The argument spec, the settings' defaults and (by a test) the doc fragment all read it.
OPTIONS_TABLE = (
    ("account_id", "str", None, "BOOMI_ACCOUNT_ID", False),
    ("username", "str", None, "BOOMI_USERNAME", False),
    ("api_token", "str", None, "BOOMI_API_TOKEN", True),
    ("password", "str", None, "BOOMI_PASSWORD", True),
    ("api_url", "str", DEFAULT_API_URL, "BOOMI_API_URL", False),
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
        self.account_id = _required_text(params, "account_id")
        self.api_token = params.get("api_token") or None
        self.password = params.get("password") or None
        self.username = _username(params, self.api_token)
        self.api_url = _api_url(params.get("api_url") or DEFAULTS["api_url"])
        self.override_account = params.get("override_account") or None
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
        if self.api_url.startswith("http://") and host not in LOOPBACK_HOSTS:
            self.warnings.append("api_url %s uses plain http: credentials and data cross the network unencrypted; "
                                 "use https" % self.api_url)
        if not self.validate_certs:
            self.warnings.append("validate_certs is false: the identity of %s is not checked" % host)

    @property
    def secret(self):
        return self.api_token or self.password

    @property
    def api_host(self):
        return urlsplit(self.api_url).netloc

    def base_url(self):
        """Platform API, or the Partner API when acting on a managed sub-account."""
        prefix = "/partner/api/rest/v1/" if self.override_account else "/api/rest/v1/"
        return self.api_url + prefix + self.account_id

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


def _api_url(url):
    url = url.strip().rstrip("/")
    parts = urlsplit(url)
    if "@" in parts.netloc:
        # never echo it: the part before @ is a user name and password
        raise ConfigurationError("api_url must not contain credentials (user:password@host); set username and "
                                 "api_token (or password) instead, and give api_url as e.g. https://api.boomi.com")
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ConfigurationError("api_url %r is not an http(s) URL; use e.g. https://api.boomi.com "
                                 "(or https://api.platform.gb.boomi.com for the EU)" % url)
    if parts.path not in ("", "/") or parts.query:
        raise ConfigurationError("api_url %r must be the server root only, e.g. https://api.boomi.com; "
                                 "the collection adds /api/rest/v1/<account_id> itself" % url)
    return url


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
    if not path:
        return None
    if not os.path.exists(path):
        raise ConfigurationError("ca_path %s does not exist; give the path of the PEM file (or directory) of the CA "
                                 "certificates to trust for api_url" % path)
    return path
