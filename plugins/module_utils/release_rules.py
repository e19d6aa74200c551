# -*- coding: utf-8 -*-
# Copyright: (c) 2026, boomi.platform developers
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Rules about a pack's releases that boomi_pack_release and the roles' pre-flight share.

- The downgrade guard: a release must not move a member to a package created before the package of
  the pack's current release. "Older" is Boomi's ``createdDate`` of the two packaged components,
  compared as times (version labels are free text and are never ordered); equal times are not a
  downgrade (Boomi's dates have whole seconds).
- Scheduled releases: Boomi shows a pending scheduled release only to whoever holds its request id
  (``ReleaseIntegrationPackStatus/{requestId}``; there is no query), and the pack shows only its current
  versions. So a schedule is known only from a request id a caller recorded (a release result, AWX's
  ``boomi_release``); otherwise a pending one may exist unseen. See docs/release-semantics.md.
- Why a pack is not at the versions a caller expected: scheduled (known), superseded by a release of
  newer packages (another job's release is what Boomi shows), or unknown (a schedule may be pending).

Every function takes the client and plain values, never a module, so a pre-flight can call them.
"""

from __future__ import annotations

import datetime
import re

from ansible_collections.boomi.platform.plugins.module_utils import component_metadata
from ansible_collections.boomi.platform.plugins.module_utils import publisher_integration_pack as pack_api
from ansible_collections.boomi.platform.plugins.module_utils import packaged_component as package
from ansible_collections.boomi.platform.plugins.module_utils import release_integration_pack as release_api

_TIME = re.compile(r"^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6})\d*)?(Z|[+-]\d{2}:?\d{2})?$")
WAYS_OUT = ("set allow_downgrade: true on boomi.platform.boomi_pack_release (role package_and_deploy: "
            "boomi_allow_downgrade: true) to release them anyway, or put back one environment with the "
            "boomi.platform.rollback role")


def parse_time(text):
    """Boomi's date-time (``2026-01-05T10:11:12Z``) as an aware datetime (UTC when it names no zone); None when
    it is missing or not a date-time."""
    match = _TIME.match(text) if isinstance(text, str) else None
    if match is None:
        return None
    parts = [int(p) for p in match.groups()[:6]]
    micro = int((match.group(7) or "0").ljust(6, "0"))
    zone = match.group(8)
    offset = datetime.timedelta(0)
    if zone and zone != "Z":
        digits = zone[1:].replace(":", "")
        offset = datetime.timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
        offset = -offset if zone[0] == "-" else offset
    try:
        return datetime.datetime(*parts, microsecond=micro, tzinfo=datetime.timezone(offset))
    except ValueError:
        return None


def created(packages, component_id, version):
    """The createdDate, parsed, of the package of that component and version in ``packages``, or None."""
    return parse_time((packages.get((component_id, version)) or {}).get("createdDate"))


def member_names(client, pack, component_ids, read=True):
    """{component_id: name}: the names the pack answer carries, and (``read``) one bulk ComponentMetadata read
    per 100 components for the others."""
    known = dict((c, m.get("componentName")) for c, m in pack_api.members(pack or {}).items() if m.get("componentName"))
    if not read:
        return known
    return component_metadata.names(client, list(component_ids), known=known)


def labels_for(client, pack, component_ids, read=True):
    """{component_id: label} (see component_metadata.labels) for messages and diffs."""
    ids = list(component_ids)
    return component_metadata.labels(member_names(client, pack, ids, read=read) if ids else {}, ids)


def describe(versions, labels=None):
    """'Order Fulfilment 1.0.1, Order Intake 1.0.0' for {component_id: version}, sorted by label."""
    labels = labels or {}
    shown = sorted("%s %s" % (labels.get(c, c), v or "(none)") for c, v in versions.items())
    return ", ".join(shown) if shown else "no versions"


def pack_label(pack):
    return repr(pack.get("name")) if pack.get("name") else (pack.get("id") or "(new pack)")


# -- the downgrade guard ------------------------------------------------------------------------------
def downgrades(client, pack, requested, packages=None):
    """The members that releasing ``requested`` ({component_id: version}) would move to a package created before
    the package of the pack's current release: a list of {component_id, component_name, current_version,
    current_created, requested_version, requested_created} (the dates as Boomi wrote them), sorted by component id;
    empty when there is none. A package that does not exist yet (it would be created now) or a date Boomi does not
    give is never a downgrade. ``packages`` {(component_id, version): package} saves the query when the caller holds
    the packages of both the requested and the current versions."""
    current = dict(pack_api.released_versions(pack or {}))
    moves = dict((c, v) for c, v in requested.items() if v and current.get(c) and current[c] != v)
    if not moves:
        return []
    if packages is None:
        packages = package.find_many(client, list(moves.items()) + [(c, current[c]) for c in moves])
    found = []
    for component_id in sorted(moves):
        old = created(packages, component_id, current[component_id])
        new = created(packages, component_id, moves[component_id])
        if old is not None and new is not None and new < old:
            found.append({"component_id": component_id, "component_name": None,
                          "current_version": current[component_id],
                          "current_created": packages[(component_id, current[component_id])]["createdDate"],
                          "requested_version": moves[component_id],
                          "requested_created": packages[(component_id, moves[component_id])]["createdDate"]})
    if found:
        names = member_names(client, pack, [f["component_id"] for f in found])
        for finding in found:
            finding["component_name"] = names.get(finding["component_id"])
    return found


def describe_downgrades(findings):
    """'Order Intake from 1.0.2 back to 1.0.1 (packaged 2026-01-05T10:00:00Z, before 1.0.2 of 2026-01-05T10:00:02Z)'."""
    labels = component_metadata.labels(dict((f["component_id"], f["component_name"]) for f in findings),
                                       [f["component_id"] for f in findings])
    return "; ".join("%s from %s back to %s (packaged %s, before %s of %s)"
                     % (labels[f["component_id"]], f["current_version"], f["requested_version"],
                        f["requested_created"], f["current_version"], f["current_created"]) for f in findings)


def downgrade_message(pack, findings, ways_out=WAYS_OUT):
    """One sentence naming each component, both versions and both packages' dates, and the ways out."""
    return ("Releasing integration pack %s would move %s to an older package: %s. Nothing was released; %s"
            % (pack_label(pack), "a component" if len(findings) == 1 else "%d components" % len(findings),
               describe_downgrades(findings), ways_out))


# -- scheduled releases ---------------------------------------------------------------------------------
def schedule_line(pack_name, release_on_date, scheduled, environment, kept):
    """'release of Orders scheduled for 2026-12-09 (Order Intake 1.0.2); prod keeps Order Intake 1.0.1 until then'.
    ``scheduled`` and ``kept`` are {label: version} (label a component name, see component_metadata.labels)."""
    def listed(versions):
        return ", ".join("%s %s" % (k, v) for k, v in sorted(versions.items())) or "nothing of the pack"
    return "release of %s scheduled for %s (%s); %s keeps %s until then" % (
        pack_name, release_on_date, listed(scheduled), environment, listed(kept))


def known_schedule(client, pack_id, known):
    """What Boomi shows of a release request a caller recorded, when it belongs to ``pack_id``: ``known`` is a
    release result ({request_id, scheduled_components?: [{component_id, version}]}), e.g. set_stats'
    ``boomi_release``. Returns {request_id, status, release_on_date, versions, versions_shown_by_boomi} or None
    (no request id, an id Boomi does not know, or another pack's). One read. ``versions`` are Boomi's list when
    its answer has one, else the versions ``known`` says the request scheduled."""
    request_id = (known or {}).get("request_id")
    if not request_id:
        return None
    shown = release_api.request(client, request_id)
    if shown is None or (pack_id and shown.get("integration_pack_id") not in (None, pack_id)):
        return None
    recorded = dict((c["component_id"], c["version"]) for c in (known.get("scheduled_components") or [])
                    if c.get("component_id"))
    return {"request_id": request_id, "status": shown["status"], "release_on_date": shown["release_on_date"],
            "versions": shown["versions"] or recorded, "versions_shown_by_boomi": shown["versions"] is not None}


def explain_expected(client, pack, expected, known=None):
    """Why the pack's current release is not at ``expected`` ({component_id: version}); None when it is.

    Returns {kind, message, current, expected, release_on_date, request_id}, ``current`` and ``expected`` being
    {component_id: version} of the components that differ. ``kind``:
    - ``scheduled``: ``known`` (a recorded release result) is a request Boomi still shows SCHEDULED for this
      pack with these versions: "the release with these versions is scheduled for <date>; current is <versions>";
    - ``missing``: an expected version has no package of that component;
    - ``superseded``: Boomi shows another release: a current package was created after the expected one, or the
      known request succeeded and the pack has moved on since;
    - ``unknown``: nothing tells: "current is <versions>; a scheduled release may be pending".
    Reads: the request's status when ``known`` has an id, one package query, names the pack does not carry."""
    current_all = dict(pack_api.released_versions(pack))
    differ = dict((c, v) for c, v in expected.items() if current_all.get(c) != v)
    if not differ:
        return None
    current = dict((c, current_all.get(c)) for c in differ)
    labels = labels_for(client, pack, list(differ))
    out = {"current": current, "expected": differ, "release_on_date": None, "request_id": None}
    schedule = known_schedule(client, pack.get("id"), known)
    if schedule and schedule["status"] == "SCHEDULED" and \
            all(schedule["versions"].get(c) == v for c, v in differ.items()):
        out.update(kind="scheduled", release_on_date=schedule["release_on_date"], request_id=schedule["request_id"],
                   message="the release with these versions (%s) is scheduled for %s; current is %s"
                   % (describe(differ, labels), schedule["release_on_date"], describe(current, labels)))
        return out
    packages = package.find_many(client, list(differ.items()) + [(c, v) for c, v in current.items() if v])
    missing = dict((c, v) for c, v in differ.items() if (c, v) not in packages)
    newer = newer_current(packages, current, differ)
    if missing:
        out.update(kind="missing", message="%s: no such package; current is %s"
                   % (describe(missing, labels), describe(current, labels)))
    elif newer:
        out.update(kind="superseded", message="another release replaced it: current is %s, packaged after the "
                   "expected %s" % (describe(current, labels), describe(newer, labels)))
    elif schedule and schedule["status"] == "SUCCESS":
        out.update(kind="superseded", message="another release replaced it: request %s released the expected "
                   "versions, and current is now %s" % (schedule["request_id"], describe(current, labels)))
    else:
        out.update(kind="unknown", message="current is %s; a scheduled release may be pending"
                   % describe(current, labels))
    return out


def newer_current(packages, current, expected):
    """{component_id: expected version} where the current package was created after the expected one."""
    found = {}
    for component_id, version in current.items():
        now = created(packages, component_id, version) if version else None
        wanted = created(packages, component_id, expected[component_id])
        if now is not None and wanted is not None and now > wanted:
            found[component_id] = expected[component_id]
    return found


def replaced_after(pack_now, released):
    """{component_id: version now current} for the members whose current version is no longer the one this run
    released (``released`` {component_id: version}); empty when the run's release still stands."""
    now = dict(pack_api.released_versions(pack_now or {}))
    return dict((c, now.get(c)) for c, v in released.items() if now.get(c) != v)
