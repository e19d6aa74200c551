# -*- coding: utf-8 -*-
# Copyright: (c) 2026, boomi.platform developers
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Environment: where packages are deployed (classified TEST or PROD)."""

from __future__ import annotations

from ansible_collections.boomi.platform.plugins.module_utils.errors import UsageError
from ansible_collections.boomi.platform.plugins.module_utils.fieldmap import Choice, Field, FieldMap
from ansible_collections.boomi.platform.plugins.module_utils.query import all_of, eq, not_null

OBJECT = "Environment"
CLASSIFICATIONS = {"test": "TEST", "prod": "PROD"}

FIELDS = FieldMap(
    Field("id", "id"),
    Field("name", "name"),
    Choice("classification", "classification", CLASSIFICATIONS),
)


def result(environment):
    return FIELDS.result(environment)


def require_all(client, environment_ids, option="environment_id", consequence=""):
    """{id: environment}, one bulk GET per 100 ids; unknown ids fail together, naming ``option`` (before any
    write: ``consequence`` says what was therefore not done)."""
    found = client.bulk_get(OBJECT, environment_ids) if environment_ids else {}
    unknown = [ident for ident in dict.fromkeys(environment_ids) if found.get(ident) is None]
    if unknown:
        settings = client.settings
        raise UsageError("%s %s: no environment with %s in account %s; pass the id of one of its environments%s"
                         % (option, ", ".join(unknown), "that id" if len(unknown) == 1 else "those ids",
                            settings.override_account or settings.account_id, consequence))
    return found


def find_all(client, name=None, classification=None):
    """Environments with that exact name and/or classification choice (test, prod); every one without either."""
    parts = [eq("name", name)] if name is not None else []
    if classification:
        parts.append(eq("classification", CLASSIFICATIONS[classification]))
    matches = client.query(OBJECT, all_of(*parts) if parts else not_null("id"))
    return [e for e in matches if name is None or e.get("name") == name]


def require_many(client, environment_ids, option="environment_ids"):
    """[environment] in the order asked; unknown ids fail, naming ``option``."""
    found = require_all(client, environment_ids, option)
    return [found[ident] for ident in dict.fromkeys(environment_ids)]
