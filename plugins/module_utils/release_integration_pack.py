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


def request(client, request_id):
    """What Boomi shows of a release request, or None for an id it does not know: {request_id, status,
    integration_pack_id, release_schedule, release_on_date, versions}. ``versions`` is {component_id: version}
    as the answer lists them (the version a pending request releases, else the released one), or None when the
    answer lists none (Boomi documents the list for a finished release only)."""
    answer = client.get_or_none(STATUS_OBJECT, request_id)
    if answer is None:
        return None
    out = dict(STATUS_FIELDS.result(answer), integration_pack_id=answer.get("integrationPackId"),
               release_schedule=FIELDS.by_name["release_schedule"].to_result(answer.get("releaseSchedule")),
               release_on_date=answer.get("releaseOnDate"), versions=None)
    items = (answer.get("ReleasePackagedComponents") or {}).get("ReleasePackagedComponent") or []
    if isinstance(items, dict):
        items = [items]
    if items:
        out["versions"] = dict((i.get("componentId"), i.get("version") or i.get("releasedVersion")) for i in items)
    return out


def released_components(versions, packages, names=None):
    """[{component_id, component_name, version, package_id}] for {component_id: version} and
    {(component, version): package}; ``names`` {component_id: name} (None where unknown)."""
    return [{"component_id": c, "component_name": (names or {}).get(c), "version": v,
             "package_id": (packages.get((c, v)) or {}).get("packageId")}
            for c, v in versions.items()]
