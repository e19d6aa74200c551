# -*- coding: utf-8 -*-
# Copyright: (c) 2026, boomi.platform developers
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""IntegrationPackInstance: an integration pack installed in an account (a managed account, through
the Partner API's override_account).

A single-install pack installs once per account; a multi-install pack as often as wanted, each
instance with its own name (Boomi's integrationPackOverrideName, ``override_name`` here). An
instance runs the pack's current release: a new release reaches it without any call.
"""

from __future__ import annotations

from ansible_collections.boomi.platform.plugins.module_utils import integration_pack as available_api
from ansible_collections.boomi.platform.plugins.module_utils.fieldmap import Field, FieldMap
from ansible_collections.boomi.platform.plugins.module_utils.query import eq, not_null

OBJECT = "IntegrationPackInstance"


def _listed(items):
    if isinstance(items, dict):
        return [items]
    return items or []


PROCESS_FIELDS = FieldMap(
    Field("name", "name"),
    Field("originalProcessId", "original_process_id"),
    Field("wrapperProcessId", "wrapper_process_id"),
)
FIELDS = FieldMap(
    Field("id", "id"),
    Field("integrationPackId", "integration_pack_id"),
    Field("integrationPackOverrideName", "override_name", to_result=lambda value: value or None),
    Field("ProcessId", "processes", to_result=lambda items: [PROCESS_FIELDS.result(p) for p in _listed(items)]),
)


def result(instance, pack, environment_ids, account_id):
    """The instance with its pack's name and installation type (from IntegrationPack), the environments it is
    attached to and the account it is installed in; {} for no instance."""
    if not instance:
        return {}
    pack_result = available_api.result(pack) if pack else {}
    return dict(FIELDS.result(instance), integration_pack_name=pack_result.get("name"),
                installation_type=pack_result.get("installation_type"), environment_ids=list(environment_ids),
                account_id=account_id)


def create_body(pack_id, override_name):
    return FIELDS.body({"integration_pack_id": pack_id, "override_name": override_name},
                       ("integration_pack_id", "override_name"))


def find_all(client, pack_id=None, pack_name=None):
    """The account's instances of the pack with that id (or name); every instance without either."""
    if pack_id:
        return [i for i in client.query(OBJECT, eq("integrationPackId", pack_id)) if i.get("integrationPackId") == pack_id]
    if pack_name:
        return client.query_all(OBJECT, eq("integrationPackName", pack_name))
    return client.query_all(OBJECT, not_null("integrationPackId"))


def instance_name(pack, override_name, pack_name=None):
    """The name an instance is known by: none for a single-install pack; for a multi-install pack the
    override name, else the pack's name (Boomi names an unnamed instance after its pack)."""
    if pack and pack.get("installationType") == "SINGLE":
        return None
    return override_name or (pack or {}).get("name") or pack_name


def pick(instances, pack, override_name, pack_name=None):
    """The instance the task means among the pack's instances, or None. Without the pack (no longer available
    to the account), an instance without a name is a single-install one."""
    if pack and pack.get("installationType") == "SINGLE":
        return instances[0] if instances else None
    wanted = instance_name(pack, override_name, pack_name)
    named = [i for i in instances if (i.get("integrationPackOverrideName") or None) == wanted]
    if not named and pack is None and override_name is None:
        named = [i for i in instances if not i.get("integrationPackOverrideName")]
    return named[0] if named else None


def predict(pack_id, name):
    """What Boomi answers to an install, before it happens (check mode): no id, no processes yet."""
    return {"id": None, "integrationPackId": pack_id, "integrationPackOverrideName": name, "ProcessId": []}
