# -*- coding: utf-8 -*-
# Copyright: (c) 2026, boomi.platform developers
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Deploying to many environments from one module run: boomi_deployed_package's plan and apply steps.

``boomi_deployed_package`` (one environment, or a batch with ``environments``) and the roles' deploy step (an
action plugin on the controller) both run these functions. ``module`` is an AnsibleModule, or the roles'
stand-in for one: they use only its ``params``, ``check_mode``, ``_diff`` and ``warn``. Every read and check
for every environment happens in ``plan`` before the first write; ``run_batch`` then deploys environment by
environment, so one failing environment does not stop the others.
"""

from __future__ import annotations

from ansible_collections.boomi.platform.plugins.module_utils import component_metadata
from ansible_collections.boomi.platform.plugins.module_utils import deployed_package as deployment_api
from ansible_collections.boomi.platform.plugins.module_utils import deployment_plan as planner
from ansible_collections.boomi.platform.plugins.module_utils import publisher_integration_pack as pack_api
from ansible_collections.boomi.platform.plugins.module_utils import packaged_component as package
from ansible_collections.boomi.platform.plugins.module_utils import release_rules as rules
from ansible_collections.boomi.platform.plugins.module_utils.errors import (
    BoomiError,
    NotFoundError,
    UsageError,
    ValidationError,
)
from ansible_collections.boomi.platform.plugins.module_utils.inputs import version_text
from ansible_collections.boomi.platform.plugins.module_utils.module import warn_or_fail

PACK = ("integration_pack_id", "integration_pack")


# -- what the task asks, per environment -------------------------------------------------------------------
def batch_entries(module):
    params = module.params
    ids = [item["environment_id"] for item in params["environments"]]
    repeated = sorted(set(i for i in ids if ids.count(i) > 1))
    if repeated:
        raise UsageError("environments lists environment_id %s more than once; list each environment once"
                         % ", ".join(repeated))
    return [batch_entry(module, index, item) for index, item in enumerate(params["environments"])]


def batch_entry(module, index, item):
    params = module.params
    where = "environments[%d]" % index
    if item["rollback"] is not None and item["package_ids"] is not None:
        raise UsageError("%s: give package_ids or rollback, not both" % where)
    undeploy_only = item["package_ids"] is None and bool(item["undeploy_components"]) and not any(params[o] for o in PACK)
    if item["package_ids"] is None and item["rollback"] is None and not item["hold"] and not undeploy_only \
            and not any(params[o] for o in PACK):
        raise UsageError("%s has no package_ids; list them, set integration_pack_id (or integration_pack) to deploy "
                         "the pack's current release, or give undeploy_components to only undeploy" % where)
    pinned = dict((c, version_text(v, "%s.pinned_versions.%s" % (where, c)))
                  for c, v in (item["pinned_versions"] or {}).items())
    rollback = item["rollback"]
    if rollback is not None:
        rollback = dict(rollback, to=dict((c, version_text(v, "%s.rollback.to.%s" % (where, c)))
                                          for c, v in (rollback["to"] or {}).items()))
    package_ids = checked_ids(module, item["package_ids"], where + ".package_ids") if item["package_ids"] is not None \
        else ([] if undeploy_only else None)
    entry = planner.Entry(item["environment_id"], where + ".package_ids", package_ids=package_ids, pinned=pinned,
                          hold=item["hold"], rollback=rollback,
                          listener_status=item["listener_status"] or params["listener_status"])
    entry.force = params["force"] if item["force"] is None else item["force"]
    entry.undeploy = list(item["undeploy_components"] or [])
    return entry


def checked_ids(module, ids, option):
    if not ids:
        raise UsageError("%s is empty; list the packaged component ids to deploy" % option)
    for ident in ids:
        if not ident:
            warn_or_fail(module, "%s has an empty entry; pass the package_id values of a release" % option)
    return ids


# -- the pack's current release ----------------------------------------------------------------------------
def read_release(module, client):
    params = module.params
    pack = pack_api.find(client, params["integration_pack_id"], params["integration_pack"])
    if pack is None:
        warn_or_fail(module, "No integration pack named %r in this account; create it with "
                             "boomi.platform.boomi_integration_pack" % params["integration_pack"])
        pack = {"id": None, "name": params["integration_pack"]}
    versions = dict(pack_api.released_versions(pack))
    expected = dict((c, version_text(v, "expected_versions.%s" % c)) for c, v in (params["expected_versions"] or {}).items())
    why = rules.explain_expected(client, pack, expected) if pack.get("id") else \
        ({"message": "the pack does not exist yet", "expected": expected} if expected else None)
    if why:
        message = "Integration pack %r is not at the expected versions: %s" % (pack.get("name"), why["message"])
        if not module.check_mode:
            raise UsageError(message + "; nothing was deployed anywhere")
        warn_or_fail(module, message)
        versions.update(why["expected"])  # check mode: an earlier task releases them
    if not versions:
        warn_or_fail(module, "Integration pack %s (%s) has no successful release, so there is nothing to deploy; release "
                             "it with boomi.platform.boomi_pack_release first" % (pack.get("name"), pack["id"]))
    found = package.find_many(client, versions.items())
    packages = dict((c, found[(c, v)]) for c, v in versions.items() if (c, v) in found)
    return planner.Release(pack, versions, packages)


# -- plan -----------------------------------------------------------------------------------------------
def plan(module, client, entries, known, release=None):
    """Every read and check for every environment, before the first write. Returns the pack's release, if any:
    read from the pack, unless the caller knows it (the roles' check mode: the release this run would make)."""
    params = module.params
    batch = params["environments"] is not None
    planner.read_environments(client, entries, batch, "environments[].environment_id" if batch else "environment_id")
    if release is None and any(params[o] for o in PACK):
        release = read_release(module, client)
    if params["state"] == "absent":
        for entry in entries:
            ids = entry.package_ids if entry.package_ids is not None else \
                [p["packageId"] for p in (release.packages.values() if release else [])]
            entry.actions = [planner.Action("undeploy" if i in entry.active else "absent", i, entry.active.get(i))
                             for i in ids]
            planner.plan_undeploy(entry, undeploy_list(params, entry))
        return release
    known = dict(known, **planner.read_packages_by_id(client, entries))
    pinned = planner.read_pinned(client, entries, lambda message: warn_or_fail(module, message))
    history = planner.read_history(client, entries)
    for entry in entries:
        plan_entry(module, entry, release, known, pinned, history.get(entry.environment_id, {}))
    return release


def plan_entry(module, entry, release, known, pinned, history):
    params = module.params
    if entry.hold:
        entry.actions = [planner.Action("keep", i, d) for i, d in entry.active.items()]
        return
    if entry.rollback is not None:
        members = list(release.versions) if release else []
        labels = component_metadata.labels(rules.member_names(None, release.pack, members, read=False),
                                           members) if release else {}
        planner.plan_rollback(entry, history, members, lambda message: warn_or_fail(module, message), labels)
    elif entry.package_ids is not None:
        planner.plan_explicit(entry, known)
    else:
        planner.plan_release(entry, release, pinned, params["force"] if entry.force is None else entry.force)
    planner.plan_undeploy(entry, undeploy_list(params, entry))


def undeploy_list(params, entry):
    """The components to undeploy from this environment: the task's, this entry's, a component_id without version."""
    return list(dict.fromkeys((params["undeploy_components"] or []) + entry.undeploy))


# -- apply ---------------------------------------------------------------------------------------------
def deploy(module, client, entry, action):
    """(deployment, whether this task made it)."""
    body = deployment_api.create_body(entry.environment_id, action.package_id, entry.listener_status,
                                      action.notes or module.params["notes"])
    known = action.known
    if module.check_mode or not action.package_id:
        return {"componentId": known.get("componentId"), "packageId": action.package_id or None,
                "packageVersion": known.get("packageVersion"), "active": True, "listenerStatus": body["listenerStatus"],
                "notes": body.get("notes")}, True

    def lookup():
        return deployment_api.active_in(client, entry.environment_id).get(action.package_id)

    try:
        created = client.create(deployment_api.OBJECT, body, lookup=lookup)
    except (NotFoundError, ValidationError) as exc:
        # Another job may have deployed the same package meanwhile: that counts as done, and as its change.
        found = lookup()
        if found is None:
            raise UsageError("Boomi refused to deploy package %s to environment %s: %s"
                             % (action.package_id, entry.environment_id, exc.boomi_message))
        return found, False
    if created.get("message"):
        module.warn("Boomi, deploying %s to %s: %s" % (action.package_id, entry.environment_id, created["message"]))
    return created, True


def undeploy(module, client, entry, deployment):
    if not module.check_mode:
        client.delete(deployment_api.OBJECT, deployment["deploymentId"],
                      confirm=lambda: True if deployment["packageId"] not in
                      deployment_api.active_in(client, entry.environment_id) else None)
    return dict(deployment, active=False)


def apply_actions(module, client, entry, results=None):
    """Each action of the entry, its result appended to ``results`` as soon as it is made (so a failure part-way
    keeps what was done before it)."""
    results = [] if results is None else results
    for action in entry.actions:
        if action.kind == "keep":
            results.append(deployment_api.result(action.known, False))
        elif action.kind == "deploy":
            created, mine = deploy(module, client, entry, action)
            if mine and not module.check_mode:
                note_race(entry, created)
            results.append(deployment_api.result(created, mine))
        elif action.kind == "undeploy":
            results.append(deployment_api.result(undeploy(module, client, entry, action.known), True))
        else:
            results.append(deployment_api.result({"packageId": action.package_id, "active": False}, False))
    return results


def note_race(entry, created):
    """A deployment numbered more than one after the one this task planned around means another job deployed that
    component in this environment meanwhile (overlapping runs of one pipeline): settled by settle_races."""
    before = entry.active_by_component().get(created.get("componentId")) or {}
    if (created.get("version") or 0) > (before.get("version") or 0) + 1:
        entry.raced.append(created)


def settle_races(client, entries, results_by_environment):
    """Where another job deployed the very package this task then deployed too, this task changed nothing there:
    its deployment is reported unchanged. One history query per 100 such environments, none without a race."""
    racing = [e for e in entries if e.raced]
    if not racing:
        return
    history = deployment_api.history_in_many(client, [e.environment_id for e in racing])
    for entry in racing:
        for created in entry.raced:
            earlier = [d for d in history.get(entry.environment_id, {}).get(created.get("componentId"), [])
                       if (d.get("version") or 0) == (created.get("version") or 0) - 1]
            if earlier and earlier[0].get("packageId") == created.get("packageId"):
                for item in results_by_environment.get(entry.environment_id, []):
                    if item["deployment_id"] == created.get("deploymentId"):
                        item["changed"] = False


def versions_before_after(entry, results):
    """{component_id: version} active before and after: what --diff shows per environment."""
    before = dict((d["componentId"], d.get("packageVersion")) for d in entry.active.values())
    after = dict(before)
    for item in results:
        key = item["component_id"] or item["package_id"]
        if item["active"]:
            after[key] = item["package_version"]
        elif after.get(key) == item["package_version"]:
            del after[key]
    return before, after


def readable(module, client, pairs):
    """With --diff, key the versions by component name (one bulk read per 100 components), so a plan reads
    'Order Intake: 1.0.5' instead of an id."""
    if not module._diff:
        return pairs
    ids = set(c for before, after in pairs for c in list(before) + list(after))
    names = component_metadata.names(client, sorted(ids)) if ids else {}

    def label(versions):
        taken = [names.get(c) for c in versions]
        return dict(((names.get(c) if names.get(c) and taken.count(names.get(c)) == 1 else c), v)
                    for c, v in versions.items())
    return [(label(before), label(after)) for before, after in pairs]


# -- run -----------------------------------------------------------------------------------------------
def superseded_meanwhile(module, client, release):
    """With expected versions: a release made by another job while this task deployed, or None. One read."""
    expected = module.params["expected_versions"]
    if not expected or module.check_mode or release is None or not release.pack.get("id"):
        return None
    pack_now = client.get(pack_api.OBJECT, release.pack["id"])
    now = dict(pack_api.released_versions(pack_now))
    if all(now.get(c) == v for c, v in release.versions.items() if c in expected):
        return None
    try:
        labels = rules.labels_for(client, pack_now, list(expected))
    except BoomiError:
        labels = rules.labels_for(client, pack_now, list(expected), read=False)  # the finding matters, not the names
    return ("another job released integration pack %r at %s while this task deployed %s; environments may run a mix "
            "of the two releases, so run the pipeline again"
            % (release.pack.get("name"), rules.describe(dict((c, now.get(c)) for c in expected), labels),
               rules.describe(dict((c, release.versions.get(c)) for c in expected), labels)))


def checked_after(module, client, entries, out, release):
    """The checks after the writes (a deployment that repeated another job's, another job's release meanwhile): a
    reason every environment fails for, or None. A read failing here fails them too, saying their deployments stand."""
    try:
        settle_races(client, entries, dict((i["environment_id"], i["deployments"]) for i in out))
        changed = any(r["changed"] for i in out for r in i["deployments"])
        return superseded_meanwhile(module, client, release) if changed else None
    except BoomiError as exc:
        return ("the deployments listed were made, but the check after them failed (%s); run again to confirm the "
                "pack's release is still the one deployed" % exc)


def run_batch(module, client, entries, release=None):
    """Each environment in turn; one that fails does not stop the others. Fails at the end if any failed."""
    out, pairs = [], []
    for entry in entries:
        item = {"environment_id": entry.environment_id, "environment_name": entry.name, "failed": False,
                "deployments": [], "kept": entry.kept}
        try:
            apply_actions(module, client, entry, item["deployments"])
        except BoomiError as exc:
            item.update(failed=True, msg=str(exc))
        out.append(item)
    # after the writes, a failing read must not lose what was written: every environment keeps its results
    after = checked_after(module, client, entries, out, release)
    for entry, item in zip(entries, out):
        item["changed"] = any(r["changed"] for r in item["deployments"])
        item["state"] = "failed" if item["failed"] else entry.state(item["changed"])
        pairs.append(versions_before_after(entry, item["deployments"]))
    for item in out if after else []:  # an environment that failed already keeps its own reason first
        item.update(failed=True, state="failed", msg="%s; %s" % (item["msg"], after) if item.get("msg") else after)
    try:
        pairs = readable(module, client, pairs)
    except BoomiError:
        pass  # names for --diff only: the ids stay
    diff = {"before": dict((e.environment_id, b) for e, (b, a) in zip(entries, pairs)),
            "after": dict((e.environment_id, a) for e, (b, a) in zip(entries, pairs))}
    changed = any(e["changed"] for e in out)
    failed = [e for e in out if e["failed"]]
    if failed:
        raise UsageError("Deploying failed in %d of %d environments: %s"
                         % (len(failed), len(out), "; ".join("%s: %s" % (e["environment_id"], e["msg"]) for e in failed)),
                         extra={"environments": out, "changed": changed})
    return changed, {"environments": out}, diff
