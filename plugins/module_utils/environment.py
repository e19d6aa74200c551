# -*- coding: utf-8 -*-
# Copyright: (c) 2026, boomi.platform developers
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Environment: where packages are deployed (classified TEST or PROD)."""

from __future__ import annotations

from ansible_collections.boomi.platform.plugins.module_utils.errors import UsageError
from ansible_collections.boomi.platform.plugins.module_utils.fieldmap import Choice, Field, FieldMap

OBJECT = "Environment"
CLASSIFICATIONS = {"test": "TEST", "prod": "PROD"}

FIELDS = FieldMap(
    Field("id", "id"),
    Field("name", "name"),
    Choice("classification", "classification", CLASSIFICATIONS),
)


def result(environment):
    return FIELDS.result(environment)


def require(client, environment_id):
    """The environment, or a UsageError naming the account it is not in."""
    environment = client.get_or_none(OBJECT, environment_id)
    if environment is None:
        settings = client.settings
        raise UsageError("environment_id %s does not exist in account %s; pass the id of one of its environments"
                         % (environment_id, settings.override_account or settings.account_id))
    return environment
