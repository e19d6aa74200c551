# -*- coding: utf-8 -*-
# Copyright: (c) 2026, boomi.platform developers
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""AccountGroupIntegrationPack: a publisher's integration pack shared with one of its account groups.

Sharing is needed once: every later release of the pack reaches the group's accounts by itself.
Boomi queries shares only by account group, so a pack's share is found among its group's shares.
"""

from __future__ import annotations

from ansible_collections.boomi.platform.plugins.module_utils.fieldmap import Choice, Field, FieldMap
from ansible_collections.boomi.platform.plugins.module_utils.publisher_integration_pack import INSTALLATION_TYPES
from ansible_collections.boomi.platform.plugins.module_utils.query import eq

OBJECT = "AccountGroupIntegrationPack"

FIELDS = FieldMap(
    Field("id", "id"),
    Field("integrationPackId", "integration_pack_id"),
    Field("integrationPackName", "integration_pack_name"),
    Choice("installationType", "installation_type", INSTALLATION_TYPES),
    Field("accountGroupId", "account_group_id"),
)


def result(share):
    return FIELDS.result(share)


def create_body(pack_id, group_id):
    return FIELDS.body({"integration_pack_id": pack_id, "account_group_id": group_id},
                       ("integration_pack_id", "account_group_id"))


def find(client, group_id, pack_id):
    """The share of the pack with the group, or None: one query of the group's shares."""
    for share in client.query(OBJECT, eq("accountGroupId", group_id)):
        if share.get("integrationPackId") == pack_id and share.get("accountGroupId") == group_id:
            return share
    return None


def predict(pack, group):
    """What Boomi answers to the share, before it exists (check mode): its id is null."""
    return {"id": None, "integrationPackId": pack.get("id"), "integrationPackName": pack.get("name"),
            "installationType": pack.get("installationType"), "accountGroupId": group["id"]}
