# -*- coding: utf-8 -*-
# Copyright: (c) 2026, boomi.platform developers
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""ReleaseIntegrationPack and its status: pinning each member of a pack to a package version.

A release is asynchronous: the create answers with a ``requestId`` and
``GET ReleaseIntegrationPackStatus/{requestId}`` answers 202 while it is IN_PROGRESS or
SCHEDULED and 200 once it is SUCCESS or ERROR. A successful release moves each member's
``currentVersion`` and drops the members pending removal.
"""

from __future__ import annotations

from ansible_collections.boomi.platform.plugins.module_utils.fieldmap import Choice, Field, FieldMap

OBJECT = "ReleaseIntegrationPack"
STATUS_OBJECT = "ReleaseIntegrationPackStatus"
SCHEDULES = {"immediately": "IMMEDIATELY", "on_date": "RELEASE_ON_SPECIFIED_DATE"}
FINISHED = ("SUCCESS", "ERROR")

FIELDS = FieldMap(
    Field("id", "integration_pack_id"),
    Choice("releaseSchedule", "release_schedule", SCHEDULES),
    Field("releaseOnDate", "release_on_date"),
)
STATUS_FIELDS = FieldMap(
    Field("requestId", "request_id"),
    Field("releaseStatus", "status"),
    Field("message", "message"),
)


def body(pack_id, versions, release_schedule, release_on_date):
    """The release request: an explicit version for every member (Boomi's pending version is never relied on)."""
    params = {"integration_pack_id": pack_id, "release_schedule": release_schedule, "release_on_date": release_on_date}
    out = FIELDS.body(params, ("integration_pack_id", "release_schedule", "release_on_date"))
    out["ReleasePackagedComponents"] = {"ReleasePackagedComponent": [
        {"componentId": c, "version": v} for c, v in versions.items()]}
    return out


def status(client, request_id):
    """{request_id, status, message} of a release request."""
    return STATUS_FIELDS.result(client.get(STATUS_OBJECT, request_id) or {})


def released_components(versions, packages):
    """[{component_id, version, package_id}] for {component_id: version} and {(component, version): package}."""
    return [{"component_id": c, "version": v, "package_id": (packages.get((c, v)) or {}).get("packageId")}
            for c, v in versions.items()]
