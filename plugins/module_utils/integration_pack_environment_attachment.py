# -*- coding: utf-8 -*-
# Copyright: (c) 2026, boomi.platform developers
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""IntegrationPackEnvironmentAttachment: an installed instance attached to an environment of its account.

Attaching is what puts the pack's processes into the environment (no DeployedPackage in this
path). Boomi has no GET for it: attachments are found by query, by instance or environment.
"""

from __future__ import annotations

from ansible_collections.boomi.platform.plugins.module_utils.fieldmap import Field, FieldMap
from ansible_collections.boomi.platform.plugins.module_utils.query import all_of, any_of, eq

OBJECT = "IntegrationPackEnvironmentAttachment"
INSTANCES_PER_QUERY = 100

FIELDS = FieldMap(
    Field("id", "attachment_id"),
    Field("integrationPackInstanceId", "integration_pack_instance_id"),
    Field("environmentId", "environment_id"),
)


def create_body(instance_id, environment_id):
    return FIELDS.body({"integration_pack_instance_id": instance_id, "environment_id": environment_id},
                       ("integration_pack_instance_id", "environment_id"))


def of_instance(client, instance_id):
    """{environment_id: attachment} of one instance: one query."""
    return dict((a["environmentId"], a) for a in client.query(OBJECT, eq("integrationPackInstanceId", instance_id))
                if a.get("integrationPackInstanceId") == instance_id)


def of_instances(client, instance_ids):
    """{instance_id: [environment_id, ...]}: one query (plus its pages) per 100 instances."""
    ids = list(dict.fromkeys(instance_ids))
    found = dict((ident, []) for ident in ids)
    for start in range(0, len(ids), INSTANCES_PER_QUERY):
        expression = any_of(*[eq("integrationPackInstanceId", i) for i in ids[start:start + INSTANCES_PER_QUERY]])
        for attachment in client.query(OBJECT, expression):
            found.setdefault(attachment["integrationPackInstanceId"], []).append(attachment["environmentId"])
    return found


def find(client, instance_id, environment_id):
    """The attachment of the instance to the environment, or None: one query."""
    expression = all_of(eq("integrationPackInstanceId", instance_id), eq("environmentId", environment_id))
    for attachment in client.query(OBJECT, expression):
        if attachment.get("integrationPackInstanceId") == instance_id and attachment.get("environmentId") == environment_id:
            return attachment
    return None
