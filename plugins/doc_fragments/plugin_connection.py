# -*- coding: utf-8 -*-
# Copyright: (c) 2026, boomi.platform developers
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations


class ModuleDocFragment(object):
    # The connection options of plugins that are not modules (the environments inventory plugin). The same
    # option table as the modules' fragment (module_utils/arguments.py, OPTIONS_TABLE), but with env: entries,
    # which Ansible resolves itself for plugins. tests/unit/test_registries.py keeps the two in step.
    DOCUMENTATION = r"""
options:
  account_id:
    description:
      - The Boomi account id, as in the API URL C(/api/rest/v1/<account_id>); with O(override_account), the
        primary (partner) account.
      - Letters, digits, V(-), V(_) and V(.) only; anything else fails before any request.
      - Required, here or in the environment.
    type: str
    env:
      - name: BOOMI_ACCOUNT_ID
  username:
    description:
      - The Boomi user name.
      - When O(api_token) is used, the C(BOOMI_TOKEN.) prefix Boomi expects is added if it is missing.
      - Required, here or in the environment.
    type: str
    env:
      - name: BOOMI_USERNAME
  api_token:
    description:
      - A Boomi platform API token for O(username). Preferred over O(password).
      - Mutually exclusive with O(password); one of the two is required.
      - Keep it out of the inventory file; set the environment variable (an AWX credential does).
    type: str
    env:
      - name: BOOMI_API_TOKEN
  password:
    description:
      - The password of O(username).
      - Keep it out of the inventory file; set the environment variable (an AWX credential does).
    type: str
    env:
      - name: BOOMI_PASSWORD
  api_url:
    description:
      - Root URL of the Boomi Platform API, C(http(s)://<host>[:<port>]) and nothing else; a path, a query, a
        fragment or credentials (C(user:password@), in any spelling) fail before any request, and the message
        shows the scheme and host only.
      - Use V(https://api.platform.gb.boomi.com) for accounts hosted in the EU, or the URL of a local
        C(boomi-simulator) for dry runs.
    type: str
    default: https://api.boomi.com
    env:
      - name: BOOMI_API_URL
  override_account:
    description:
      - List the environments of this managed sub-account, through the Partner API
        (C(/partner/api/rest/v1/<account_id>/...?overrideAccount=<override_account>)).
      - An account id like O(account_id); anything else fails before any request.
    type: str
    env:
      - name: BOOMI_OVERRIDE_ACCOUNT
  validate_certs:
    description:
      - Whether to check the TLS certificate of O(api_url). Leave it on; use O(ca_path) for private CAs.
    type: bool
    default: true
    env:
      - name: BOOMI_VALIDATE_CERTS
  ca_path:
    description:
      - A CA bundle (PEM) to trust for O(api_url), for TLS-intercepting proxies or a simulator in TLS mode.
        It must exist, be readable and hold PEM certificates.
    type: path
    env:
      - name: BOOMI_CA_PATH
  timeout:
    description:
      - Seconds to wait for each HTTP request (a finite number greater than 0).
    type: float
    default: 30
    env:
      - name: BOOMI_TIMEOUT
  max_retries:
    description:
      - How often a request is retried when Boomi answers 503 or 429, 500, 502 or 504, or the connection breaks.
        Each retry is reported as a warning. V(0) turns retries off.
    type: int
    default: 5
    env:
      - name: BOOMI_MAX_RETRIES
  retry_delay:
    description:
      - Seconds of the first backoff; doubled on each retry, capped at 60, with full jitter. A C(Retry-After)
        header from Boomi takes precedence.
    type: float
    default: 1
    env:
      - name: BOOMI_RETRY_DELAY
  requests_per_second:
    description:
      - Pace requests to this rate for the whole account, shared with every module running on this controller.
        V(0) turns pacing off.
    type: float
    default: 8
    env:
      - name: BOOMI_REQUESTS_PER_SECOND
  write_settle_seconds:
    description:
      - Accepted for symmetry with the modules' connection options; a plugin that only reads never needs it.
      - Defaults to three times O(timeout).
    type: float
    env:
      - name: BOOMI_WRITE_SETTLE_SECONDS
"""
