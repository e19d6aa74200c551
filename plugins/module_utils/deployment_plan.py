# -*- coding: utf-8 -*-
# Copyright: (c) 2026, boomi.platform developers
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The deployment plan: for each environment, what to keep, deploy or undeploy, decided from shared reads
before the first write, so bad input anywhere means nothing is written anywhere.

An environment gets explicit packages, or the pack's current release (with pinned versions for some
components, a hold that leaves it untouched, and rollbacks that stick), or a rollback of some
components to their previous (or a named) version. A rollback is recorded in the deployment's notes
(``[rollback-from=<version>]``), in Boomi, so every controller sees it: a later deployment of the same
release leaves that component alone unless forced, while a release with another version moves it on.
"""

from __future__ import annotations

import re

from ansible_collections.boomi.platform.plugins.module_utils import deployed_package as deployment_api
from ansible_collections.boomi.platform.plugins.module_utils import environment as environment_api
from ansible_collections.boomi.platform.plugins.module_utils import packaged_component as package
from ansible_collections.boomi.platform.plugins.module_utils.errors import UsageError

ROLLBACK_MARK = re.compile(r"\[rollback-from=([^\]]+)\]")


def rollback_note(from_version, to_version):
    return "Rolled back by boomi.platform from %s to %s [rollback-from=%s]" % (from_version, to_version, from_version)


def rolled_back_from(deployment):
    """The version an active deployment was rolled back from, per its notes; None if it was no rollback."""
    match = ROLLBACK_MARK.search((deployment or {}).get("notes") or "")
    return match.group(1) if match else None


class Entry(object):
    """One environment, what the task asks there, and (after planning) what will happen."""

    def __init__(self, environment_id, option, package_ids=None, pinned=None, hold=False, rollback=None,
                 listener_status=None):
        self.environment_id = environment_id
        self.option = option                    # how error messages name this entry's packages
        self.package_ids = package_ids          # explicit packages, or None for the pack's release
        self.pinned = pinned or {}              # {component_id: version} instead of the release's
        self.hold = hold
        self.rollback = rollback                # {"components": [...] or None, "to": {component_id: version}}
        self.listener_status = listener_status
        self.force = None                       # None: the task's force option
        self.name = None
        self.active = {}                        # {package_id: deployment} before the task
        self.actions = []                       # [Action]
        self.kept = []                          # [{component_id, version, rolled_back_from}] left on a rollback
        self.undeploy = []                      # component ids to undeploy here, whatever version is active
        self.raced = []                         # deployments another job's deployment of the component preceded

    def active_by_component(self):
        return dict((d["componentId"], d) for d in self.active.values())

    def state(self, changed):
        if self.hold:
            return "held"
        if self.pinned:
            return "pinned"
        return "deployed" if changed else "unchanged"


class Action(object):
    """keep, deploy or undeploy one package; ``known`` is the package (or the active deployment)."""

    def __init__(self, kind, package_id, known, notes=None):
        self.kind = kind
        self.package_id = package_id
        self.known = known or {}
        self.notes = notes


class Release(object):
    """The pack's current release: {component_id: version} and {component_id: package}."""

    def __init__(self, pack, versions, packages):
        self.pack = pack
        self.versions = versions
        self.packages = packages


# -- shared reads ------------------------------------------------------------------------------------
def read_environments(client, entries, all_of_them, option):
    """Active deployments of every environment (a query per 100), and the environments themselves (a bulk
    read per 100): all of them, or only those with nothing active, which could be mistyped ids."""
    active = deployment_api.active_in_many(client, [e.environment_id for e in entries])
    for entry in entries:
        entry.active = active[entry.environment_id]
    todo = [e.environment_id for e in entries if all_of_them or not e.active]
    found = environment_api.require_all(client, todo, option, " (nothing was deployed)")
    for entry in entries:
        entry.name = (found.get(entry.environment_id) or {}).get("name")


def read_packages_by_id(client, entries):
    """Every explicit package to deploy exists and is live; say what a wrong id is instead."""
    wanted = [(e.option, i) for e in entries if e.package_ids and not e.hold for i in e.package_ids
              if i and i not in e.active]
    found = client.bulk_get(package.OBJECT, [i for _o, i in wanted]) if wanted else {}
    for option, ident in wanted:
        read = found.get(ident)
        if read is None:
            deployment_api.raise_unknown_package_id(client, ident, option)
        if read.get("deleted"):
            raise UsageError("%s: packaged component %s is deleted and cannot be deployed; restore it with "
                             "boomi.platform.boomi_packaged_component" % (option, ident))
    return found


def read_pinned(client, entries, checker):
    """{(component_id, version): package} of every pinned version; a pin to a missing version fails."""
    pairs = [(c, v) for e in entries if not e.hold for c, v in e.pinned.items()]
    found = package.find_many(client, pairs)
    for entry in entries:
        for component_id, version in entry.pinned.items():
            if not entry.hold and not package.is_live(found.get((component_id, version))):
                checker("%s pins component %s to version %s, which has no live packaged component; package it with "
                        "boomi.platform.boomi_packaged_component or change the pin"
                        % (entry.environment_id, component_id, version))
    return found


def read_history(client, entries):
    """{environment_id: {component_id: [deployments, newest first]}} for the rollback entries: one query."""
    rolling = [e for e in entries if e.rollback is not None]
    if not rolling:
        return {}
    return deployment_api.history_in_many(client, [e.environment_id for e in rolling])


# -- per environment ---------------------------------------------------------------------------------
def plan_explicit(entry, packages):
    for ident in entry.package_ids:
        if ident in entry.active:
            entry.actions.append(Action("keep", ident, entry.active[ident]))
        else:
            entry.actions.append(Action("deploy", ident, packages.get(ident) or {}))


def plan_release(entry, release, pinned, force):
    """The release's package of each member (or the pinned one), unless the environment was rolled back
    from exactly that version and the task does not force it."""
    current = entry.active_by_component()
    for component_id, version in release.versions.items():
        chosen = pinned.get((component_id, entry.pinned[component_id])) if component_id in entry.pinned else \
            release.packages.get(component_id)
        chosen = chosen or {"componentId": component_id, "packageVersion": entry.pinned.get(component_id, version)}
        active = current.get(component_id)
        if not force and component_id not in entry.pinned and rolled_back_from(active) == version:
            entry.kept.append({"component_id": component_id, "version": active.get("packageVersion"),
                               "rolled_back_from": version})
            entry.actions.append(Action("keep", active["packageId"], active))
            continue
        ident = chosen.get("packageId") or ""
        kind = "keep" if ident and ident in entry.active else "deploy"
        entry.actions.append(Action(kind, ident, entry.active.get(ident) if kind == "keep" else chosen))


def plan_undeploy(entry, component_ids):
    """Undeploy whatever version of each component is active (a held environment is left alone)."""
    if entry.hold:
        return
    current = entry.active_by_component()
    for component_id in component_ids:
        if component_id in current:
            action = Action("undeploy", current[component_id]["packageId"], current[component_id])
            # the same package cannot be kept (or deployed) and undeployed: undeploying wins
            entry.actions = [a for a in entry.actions if a.package_id != action.package_id] + [action]


def plan_rollback(entry, history, members, checker, labels=None):
    """Each named component (default: every pack member active here) back to its previous package, or to
    the version named in ``to``. ``labels`` ({component_id: name}) name the components in messages."""
    current = entry.active_by_component()
    wanted = entry.rollback.get("components") or [c for c in members if c in current] or list(current)
    to = entry.rollback.get("to") or {}
    where = "environment %s (%s)" % (entry.name, entry.environment_id) if entry.name else entry.environment_id
    for component_id in [c for c in wanted if c not in entry.pinned]:  # a pin wins over a rollback
        active = current.get(component_id)
        label = (labels or {}).get(component_id) or component_id
        if active is None:
            checker("%s: component %s is not deployed there, so there is nothing to roll back" % (where, label))
            continue
        target = previous_package(history.get(component_id, []), active, to.get(component_id))
        if target is None:
            checker("%s: component %s has no %s to roll back to" % (
                where, label,
                "deployment of version %s" % to[component_id] if component_id in to else "earlier deployment"))
            continue
        if target["packageId"] == active["packageId"]:
            entry.actions.append(Action("keep", active["packageId"], active))
            continue
        notes = rollback_note(active.get("packageVersion"), target.get("packageVersion"))
        entry.actions.append(Action("deploy", target["packageId"], target, notes=notes))


def previous_package(history, active, version=None):
    """The deployment to go back to: the named version, else the newest earlier one whose package differs
    from the active one and whose version was not itself rolled back from (so two rollbacks go two steps
    back instead of undoing each other)."""
    if version is not None:
        return next((d for d in history if d.get("packageVersion") == version), None)
    skipped = {active.get("packageId")}
    undone = {rolled_back_from(d) for d in history} - {None}
    for deployment in history:
        if deployment.get("version", 0) >= active.get("version", 0) or deployment.get("packageId") in skipped:
            continue
        if deployment.get("packageVersion") in undone:
            continue
        return deployment
    return None
