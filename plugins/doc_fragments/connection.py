# -*- coding: utf-8 -*-
# Copyright: (c) 2026, boomi.platform developers
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations


class ModuleDocFragment(object):
    # Connection options shared by every boomi.platform module (declared in module_utils/arguments.py).
    DOCUMENTATION = r"""
options:
  account_id:
    description:
      - The Boomi account id, as in the API URL C(/api/rest/v1/<account_id>); with O(override_account), the
        primary (partner) account.
      - Letters, digits, V(-), V(_) and V(.) only (for example V(acme-A1B2C3)); anything else (V(/), V(?), V(#),
        V(%), spaces) fails before any request.
      - Required. If not set, the value of the E(BOOMI_ACCOUNT_ID) environment variable is used.
    type: str
  username:
    description:
      - The Boomi user name.
      - When O(api_token) is used, the C(BOOMI_TOKEN.) prefix Boomi expects is added if it is missing.
      - Required. If not set, the value of the E(BOOMI_USERNAME) environment variable is used.
    type: str
  api_token:
    description:
      - A Boomi platform API token for O(username). Preferred over O(password).
      - Mutually exclusive with O(password); one of the two is required.
      - If not set, the value of the E(BOOMI_API_TOKEN) environment variable is used.
    type: str
  password:
    description:
      - The password of O(username).
      - If not set, the value of the E(BOOMI_PASSWORD) environment variable is used.
    type: str
  api_url:
    description:
      - Root URL of the Boomi Platform API, C(http(s)://<host>[:<port>]) and nothing else (an IPv6 address in
        brackets, V(http://[::1]:8765)). A path, a query (C(?)), a fragment (C(#)) or credentials
        (C(user:password@), in any spelling, one slash or backslashes included) fail before any request; the
        message shows the scheme and host only.
      - Use V(https://api.platform.gb.boomi.com) for accounts hosted in the EU, or the URL of a local
        C(boomi-simulator) for dry runs.
      - A plain C(http) URL to a host other than the local machine draws a warning. A host name that does not
        resolve is tried twice, then the task fails with C(cannot resolve <host> (api_url)).
      - Treated like a secret (C(no_log)), so that a URL with a password in it never shows in the task's
        invocation at any verbosity; text equal to the whole value is masked in the task's output.
      - If not set, the value of the E(BOOMI_API_URL) environment variable is used.
    type: str
    default: https://api.boomi.com
  override_account:
    description:
      - Act on this managed sub-account through the Partner API
        (C(/partner/api/rest/v1/<account_id>/...?overrideAccount=<override_account>)).
      - Requests still count against the rate limit of O(account_id).
      - An account id like O(account_id) (letters, digits, V(-), V(_), V(.)); anything else fails before any
        request.
      - If not set, the value of the E(BOOMI_OVERRIDE_ACCOUNT) environment variable is used.
    type: str
  validate_certs:
    description:
      - Whether to check the TLS certificate of O(api_url). Leave it on; use O(ca_path) for private CAs.
      - If not set, the value of the E(BOOMI_VALIDATE_CERTS) environment variable is used.
    type: bool
    default: true
  ca_path:
    description:
      - A CA bundle (PEM) to trust for O(api_url), for TLS-intercepting proxies or a simulator in TLS mode.
        It must exist, be readable and hold PEM certificates (a DER file fails before any request, with the
        command that converts it).
      - A TLS failure says what to change by its cause - an C(https) URL to a plain-http port, a O(ca_path) that
        does not load, a chain O(ca_path) does not sign, a certificate for another host name.
      - If not set, the value of the E(BOOMI_CA_PATH) environment variable is used.
    type: path
  timeout:
    description:
      - Seconds to wait for each HTTP request (a finite number greater than 0).
      - If not set, the value of the E(BOOMI_TIMEOUT) environment variable is used.
    type: float
    default: 30
  max_retries:
    description:
      - How often a request is retried when Boomi answers 503 or 429 (and, for reads, 500, 502, 504 or a
        broken connection). Each retry is reported as a warning. V(0) turns retries off.
      - 400, 401, 403, 404 and 410 are never retried. A write whose answer was lost is only sent again
        after looking up that it did not happen.
      - If not set, the value of the E(BOOMI_MAX_RETRIES) environment variable is used.
    type: int
    default: 5
  retry_delay:
    description:
      - Seconds of the first backoff; doubled on each retry, capped at 60, with full jitter. A
        C(Retry-After) header from Boomi takes precedence (also capped at 60 seconds).
      - If not set, the value of the E(BOOMI_RETRY_DELAY) environment variable is used.
    type: float
    default: 1
  requests_per_second:
    description:
      - Never send more than this many requests in any rolling second for the whole account, across every
        fork and task running on this controller (Boomi rejects more than 10 per second with 503). V(0) turns
        pacing off.
      - Forks coordinate through a small file in a private per-user directory; if it cannot be used safely, the
        task warns once and paces only its own requests. Each send time is kept with its job's rate, so jobs
        with different rates on one account keep each other's reservations; a send time that no queued request
        explains (the clock stepped back, the file was changed) is dropped with a warning naming the file, so no
        request waits longer than the requests queued ahead of it need.
      - If not set, the value of the E(BOOMI_REQUESTS_PER_SECOND) environment variable is used.
    type: float
    default: 8
  write_settle_seconds:
    description:
      - When the answer to a write is lost (a timeout, a dropped connection, a 500, 502 or 504 after the request
        was sent), how long to keep looking for its effect before sending it again. A write is never sent again
        while a lookup could still find it, so nothing is created twice; a slow Boomi needs a longer time.
      - Defaults to three times O(timeout).
      - If not set, the value of the E(BOOMI_WRITE_SETTLE_SECONDS) environment variable is used.
    type: float
notes:
  - Requires the Python library C(requests) on the Ansible controller. The modules run there, with
    C(connection=local) or C(delegate_to=localhost).
"""
