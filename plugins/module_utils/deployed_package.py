# -*- coding: utf-8 -*-
# Copyright: (c) 2026, boomi.platform developers
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""DeployedPackage: a packaged component deployed to an environment.

Deploying another package of a component replaces the active one; Boomi keeps the history, each
deployment with its own ``version`` counter per component and environment.
"""

from __future__ import annotations

from ansible_collections.boomi.platform.plugins.module_utils import publisher_integration_pack
from ansible_collections.boomi.platform.plugins.module_utils import packaged_component
from ansible_collections.boomi.platform.plugins.module_utils.errors import UsageError
from ansible_collections.boomi.platform.plugins.module_utils.fieldmap import Choice, Field, FieldMap
from ansible_collections.boomi.platform.plugins.module_utils.query import all_of, any_of, eq, not_null

OBJECT = "DeployedPackage"
ENVIRONMENTS_PER_QUERY = 100  # like a bulk GET: one request (and its pages) per 100 environments
LISTENER_STATUSES = {"running": "RUNNING", "paused": "PAUSED"}

FIELDS = FieldMap(
    Field("componentId", "component_id"),
    Field("packageId", "package_id"),
    Field("packageVersion", "package_version"),
    Field("deploymentId", "deployment_id"),
    Field("version", "version"),
    Field("active", "active"),
    Choice("listenerStatus", "listener_status", LISTENER_STATUSES),
    Field("environmentId", "environment_id"),
    Field("notes", "notes"),
)
RESULT_FIELDS = FieldMap(*[FIELDS.by_name[name] for name in (
    "component_id", "package_id", "package_version", "deployment_id", "version", "active", "listener_status")])


def result(deployment, changed):
    return dict(RESULT_FIELDS.result(deployment), changed=changed)


def create_body(environment_id, package_id, listener_status, notes):
    params = {"environment_id": environment_id, "package_id": package_id, "listener_status": listener_status,
              "notes": notes}
    return FIELDS.body(params, ("environment_id", "package_id", "listener_status", "notes"))


def active_in(client, environment_id):
    """{package_id: deployment} of what is active in the environment: one query."""
    expression = all_of(eq("environmentId", environment_id), eq("active", True))
    return dict((d["packageId"], d) for d in client.query(OBJECT, expression))


def active_in_many(client, environment_ids):
    """{environment_id: {package_id: deployment}} of what is active in each environment: one query (plus
    its pages) per 100 environments, not one per environment."""
    ids = list(dict.fromkeys(environment_ids))
    active = dict((environment_id, {}) for environment_id in ids)
    for start in range(0, len(ids), ENVIRONMENTS_PER_QUERY):
        chunk = ids[start:start + ENVIRONMENTS_PER_QUERY]
        expression = all_of(any_of(*[eq("environmentId", e) for e in chunk]), eq("active", True))
        for found in client.query(OBJECT, expression):
            active.setdefault(found["environmentId"], {})[found["packageId"]] = found
    return active


def history_in_many(client, environment_ids):
    """{environment_id: {component_id: [deployments, newest first]}}, active or not: one query per 100
    environments (plus its pages)."""
    ids = list(dict.fromkeys(environment_ids))
    history = dict((environment_id, {}) for environment_id in ids)
    for start in range(0, len(ids), ENVIRONMENTS_PER_QUERY):
        expression = any_of(*[eq("environmentId", e) for e in ids[start:start + ENVIRONMENTS_PER_QUERY]])
        for found in client.query(OBJECT, expression):
            history.setdefault(found["environmentId"], {}).setdefault(found["componentId"], []).append(found)
    for by_component in history.values():
        for deployments in by_component.values():
            deployments.sort(key=lambda d: d.get("version") or 0, reverse=True)
    return history


def raise_unknown_package_id(client, ident, option):
    """``ident`` is no packaged component: say what it is instead (a pack id passed as a package id)."""
    pack = client.get_or_none(publisher_integration_pack.OBJECT, ident)
    if pack is not None:
        raise UsageError(
            "%s %s is the id of integration pack %r, not a packaged component id; deploy a pack with "
            "integration_pack_id (it deploys each released component's package), or pass packaged component ids"
            % (option, ident, pack.get("name")))
    raise UsageError("%s %s: no packaged component with that id in this account" % (option, ident))


# -- reading deployments (the info module and the drift report) ----------------------------------------
INFO_FIELDS = FieldMap(*(FIELDS.fields + (
    Field("componentType", "component_type"),
    Field("componentVersion", "component_version", to_result=packaged_component.number_text),
    Field("deployedDate", "deployed_date"),
    Field("deployedBy", "deployed_by"),
    Field("branchName", "branch_name"),
)))


def info_result(deployment, environment_name, component_name):
    """A deployment with the names Boomi's answer lacks (they come from Environment and ComponentMetadata)."""
    return dict(INFO_FIELDS.result(deployment), environment_name=environment_name, component_name=component_name)


def find_all(client, environment_ids=None, component_ids=None, history=False):
    """Active deployments (every one with ``history``) in those environments, of those components (all when
    not given): one query and its queryMore pages, whatever the number of environments."""
    parts = [] if history else [eq("active", True)]
    if environment_ids:
        parts.append(any_of(*[eq("environmentId", ident) for ident in dict.fromkeys(environment_ids)]))
    if component_ids:
        parts.append(any_of(*[eq("componentId", ident) for ident in dict.fromkeys(component_ids)]))
    return client.query_all(OBJECT, all_of(*parts) if parts else not_null("deploymentId"))
