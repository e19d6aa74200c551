# -*- coding: utf-8 -*-
# Copyright: (c) 2026, boomi.platform developers
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The roles' pre-flight and plan, once per play: every input of every host, then what happens to each host.

Two stages, each listing every problem it finds: first the inputs as typed (names, types, versions, dates,
modes; no request), then what needs Boomi (components, the pack, environments, pins, managed accounts). Any
problem fails the step, and the step runs before the first write of the role, so nothing is written anywhere.
The plan then says, per host: its environment (id and name), and whether it is deployed, held, pinned or
rolled back (packages mode) or attached through its managed account's instance (pack_instance mode).
"""

from __future__ import annotations

from ansible_collections.boomi.platform.plugins.module_utils import deployed_package as deployed_api
from ansible_collections.boomi.platform.plugins.module_utils import publisher_integration_pack as pack_api
from ansible_collections.boomi.platform.plugins.module_utils import release_rules as rules
from ansible_collections.boomi.platform.plugins.module_utils.arguments import ACCOUNT_ID
from ansible_collections.boomi.platform.plugins.module_utils.errors import UsageError
from ansible_collections.boomi.platform.plugins.plugin_utils import host_variables
from ansible_collections.boomi.platform.plugins.plugin_utils import role_configure as configure
from ansible_collections.boomi.platform.plugins.plugin_utils import role_checks as checks
from ansible_collections.boomi.platform.plugins.plugin_utils import role_reads as reads
from ansible_collections.boomi.platform.plugins.plugin_utils.role_release_inputs import release_inputs

ROLES = ("package_and_deploy", "promote", "rollback", "release")
DOWNGRADE_WAYS_OUT = ("set boomi_allow_downgrade: true to release them anyway, or put back one environment with the "
                      "boomi.platform.rollback role")
SPEC_OF = {"release": "package_and_deploy"}  # playbooks/release.yml: package_and_deploy's release inputs only


class Context(object):
    """One pre-flight: the role, the hosts' inputs, what they agree on, and the problems found so far."""

    def __init__(self, role, hosts, client, client_for, outcome):
        self.role = role
        self.spec_role = SPEC_OF.get(role, role)
        self.hosts = hosts
        self.client = client
        self.client_for = client_for
        self.outcome = outcome
        self.problems = checks.Problems()
        self.typed = {}
        self.values = {}
        self.plans = {}
        self.members = {}           # {component_id: name} of the pack's members (after this run's release)
        self.planned_packages = []  # [(component_id, version)] this run packages
        self.target_versions = {}   # {component_id: version} the deploy step deploys (the release after this run)
        self.out = {"role": role}

    def stop_if_problems(self):
        if self.problems:
            raise UsageError("Nothing was changed. Fix these inputs: %s" % "; ".join(self.problems),
                             extra={"problems": list(self.problems)})


def make_plan(action, role, client, client_for, task_vars, outcome):
    play = getattr(action._task.get_play(), "_uuid", None)
    names = hosts_to_check(action, role, task_vars, play)
    ctx = Context(role, host_variables.read_hosts(action, task_vars, names), client, client_for, outcome)
    check_inputs(ctx)
    ctx.stop_if_problems()
    read_and_check(ctx)
    ctx.stop_if_problems()
    ctx.out.update(hosts=ctx.plans, play=play)
    return ctx.out


def hosts_to_check(action, role, task_vars, play):
    """Every host of the play (not only this serial batch), once: a later serial batch, whose hosts an earlier
    batch's pre-flight of this play already checked (its plan is registered on that batch's hosts), plans its own
    hosts only, so serial: 1 over N hosts costs N host reads, not N x N."""
    if role == "release":
        return [task_vars["inventory_hostname"]]
    everyone = list(task_vars["ansible_play_hosts_all"])
    batch = set(task_vars.get("ansible_play_batch") or everyone)
    others = [h for h in everyone if h not in batch][:5]
    register = action._task.register
    hostvars = task_vars.get("hostvars") or {}
    for host in others if register and play else []:
        earlier = (hostvars.get(host) or {}).get(register) if hasattr(hostvars, "get") else None
        if isinstance(earlier, dict) and earlier.get("play") == play and not earlier.get("failed"):
            return [h for h in everyone if h in batch]
    return everyone


# -- stage 1: the inputs as typed -------------------------------------------------------------------------
def check_inputs(ctx):
    checks.broken_values(ctx.hosts, ctx.problems)
    per_host = ctx.role != "release"
    ctx.typed = checks.typed_all(ctx.spec_role, ctx.hosts, ctx.problems, per_host)
    ctx.values = checks.play_wide(ctx.spec_role, ctx.typed, ctx.problems)
    check_names(ctx)
    checks.key_problems(ctx.spec_role, ctx.hosts, ctx.problems)
    ctx.out["mode"] = ctx.values.get("boomi_deploy_mode") or "packages"
    if ctx.spec_role == "package_and_deploy":
        first = next(iter(ctx.hosts.values()))
        ctx.out["release"] = release_inputs(ctx.values, first.values, ctx.problems)
    if ctx.role == "release":
        return
    if ctx.role == "rollback" and ctx.out["mode"] == "pack_instance":
        ctx.problems.add(ROLLBACK_PARTNER)
    plan_hosts(ctx)


def check_names(ctx):
    """boomi_* variables the collection does not know: a failure, or (boomi_unknown_variables: warn) a warning."""
    for name, where, hosts in checks.unknown_variables(ctx.hosts):
        message = checks.unknown_variable_message(name, where, hosts)
        if ctx.values.get("boomi_unknown_variables") == "warn":
            ctx.outcome.warn(message.split("; fix the name")[0])
        else:
            ctx.problems.add(message)


def plan_hosts(ctx):
    by_environment = {}
    for name in ctx.hosts:
        typed = ctx.typed[name]
        plan = {"environment_id": typed.get("boomi_environment_id"), "hold": bool(typed.get("boomi_hold"))}
        if not plan["environment_id"]:
            ctx.problems.add("%s: set boomi_environment_id to the id of the Boomi environment it stands for" % name)
        by_environment.setdefault(plan["environment_id"], []).append(name)
        if ctx.out["mode"] == "pack_instance":
            plan.update(partner_host(ctx, name, typed))
        else:
            plan.update(packages_host(ctx, name, typed))
        values = ctx.hosts[name].values
        for problem in configure.shape_problems(name, values):
            ctx.problems.add(problem)
        # the environment's own configuration follows a deployment (package_and_deploy, promote), not a rollback
        plan["configure"] = configure.configured(values) and not plan["hold"] and ctx.role != "rollback"
        ctx.plans[name] = plan
    for environment, hosts in sorted((e, h) for e, h in by_environment.items() if e and len(h) > 1):
        ctx.problems.add("%s all stand for environment %s (boomi_environment_id); give each environment one host"
                         % (checks.hosts_text(hosts), environment))


def packages_host(ctx, name, typed):
    raw = ctx.hosts[name].values
    plan = {"listener_status": typed.get("boomi_listener_status") or "running", "force": bool(typed.get("boomi_force")),
            "pinned_versions": checks.versions_map("%s: boomi_pinned_versions" % name, raw.get("boomi_pinned_versions"),
                                                   ctx.problems)}
    if ctx.role == "rollback":
        components = typed.get("boomi_rollback_components")
        plan["rollback"] = {"components": components or None,
                            "to": checks.versions_map("%s: boomi_rollback_to" % name, raw.get("boomi_rollback_to"),
                                                      ctx.problems)}
    return plan


def partner_host(ctx, name, typed):
    account = typed.get("boomi_managed_account_id")
    instance = typed.get("boomi_pack_instance_name")
    if not account:
        ctx.problems.add("%s: set boomi_managed_account_id to the managed account that owns its environment" % name)
    elif not ACCOUNT_ID.match(account) or not account.strip("."):
        ctx.problems.add("%s: boomi_managed_account_id %r is not a Boomi account id: it may hold only letters, digits, "
                         "'-', '_' and '.' (e.g. acme-A1B2C3)" % (name, account[:80]))
    if instance is not None and instance != instance.strip():
        ctx.problems.add("%s: boomi_pack_instance_name %r has spaces around it; remove them" % (name, instance))
    if ctx.hosts[name].values.get("boomi_pinned_versions"):
        ctx.problems.add("%s: boomi_pinned_versions cannot apply with boomi_deploy_mode pack_instance (an instance "
                         "always runs the pack's current release); remove the pins, and release the versions every "
                         "instance should run, or set boomi_hold: true so the run neither attaches nor detaches it"
                         % name)
    return {"managed_account_id": account, "instance_name": instance or None}


# -- stage 2: what needs Boomi ----------------------------------------------------------------------------
def read_and_check(ctx):
    names = {}
    if ctx.spec_role == "package_and_deploy":
        names = read_release_side(ctx)
    else:
        names = read_pack_side(ctx)
    ctx.out["component_names"] = names
    if ctx.role == "release":
        return
    if ctx.out["mode"] == "pack_instance":
        read_partner_side(ctx)
    else:
        read_packages_side(ctx, ctx.members)
    ctx.stop_if_problems()  # the environments exist: now the names their configuration uses
    read_configuration_side(ctx)


def read_configuration_side(ctx):
    wanted = dict((h, (p["environment_id"], ctx.hosts[h].values)) for h, p in ctx.plans.items() if p["configure"])
    if not wanted:
        return

    def client_of(host):
        account = ctx.plans[host].get("managed_account_id")
        return ctx.client_for(account) if ctx.out["mode"] == "pack_instance" and account else ctx.client

    # an environment that already runs every member of the pack at the version this run deploys gets no new
    # process version, so no new extension: a name its extensions lack is a typo. Where a member arrives or
    # changes version, the new version may bring the name (pack_instance: what an instance brings is known only
    # once it is attached), so the name is checked after the deployment.
    active = {} if ctx.out["mode"] == "pack_instance" else deployed_api.active_in_many(
        ctx.client, [environment for environment, dummy in wanted.values()])

    def complete(host):
        plan = ctx.plans[host]
        running = dict((d["componentId"], d.get("packageVersion"))
                       for d in active.get(plan["environment_id"], {}).values())
        target = dict(ctx.target_versions, **(plan.get("pinned_versions") or {}))
        return bool(ctx.members) and all(target.get(c) is not None and running.get(c) == target.get(c)
                                         for c in ctx.members)

    problems, pending = configure.name_problems(client_of, wanted, complete)
    for problem in problems:
        ctx.problems.add(problem)
    for host, names in pending.items():
        ctx.plans[host]["configure_pending"] = [configure.pending_name(n) for n in names]


def read_release_side(ctx):
    """package_and_deploy: the components, and the pack if it exists (its type cannot change)."""
    release = ctx.out["release"]
    names = reads.components(ctx.client, [c["component_id"] for c in release["components"]],
                             release["installation_type"], ctx.problems)
    found = reads.pack(ctx.client, None, release["integration_pack"], ctx.problems, required=False)
    ctx.out["integration_pack"] = {"id": (found or {}).get("id"), "name": release["integration_pack"]}
    if found and pack_api.INSTALLATION_TYPES[release["installation_type"]] != found.get("installationType"):
        ctx.problems.add("boomi_integration_pack_installation_type is %s, but integration pack %r is %s-install, "
                         "and the installation type never changes; set it to %s, or use another pack name"
                         % (release["installation_type"], release["integration_pack"],
                            found["installationType"].lower(), found["installationType"].lower()))
    members = [c["component_id"] for c in release["components"]]
    if found and not release["purge"]:
        members += [c for c in pack_api.active_members(found) if c not in members]
    every = reads.member_names(found, names)  # members leaving the pack too: the diff names them
    ctx.members = dict((c, every.get(c, c)) for c in members)
    planned = [(c["component_id"], c["package_version"]) for c in release["components"]]
    ctx.planned_packages = planned
    # what the deploy step deploys: the release this run makes now (a scheduled one leaves the current in place)
    scheduled = ctx.out["release"].get("schedule") not in (None, "immediately")
    ctx.target_versions = dict(reads.released(found), **({} if scheduled else dict(planned)))
    check_schedule(ctx, found, dict(planned))
    check_downgrade(ctx, found, dict(planned))
    return every


def check_downgrade(ctx, found, requested):
    """A relaunched stale job (or last week's job template) would release older packages: refuse before any write,
    when the requested packages exist already (packages this run creates are the newest by construction)."""
    if found is None or ctx.out["release"]["allow_downgrade"]:
        return
    findings = rules.downgrades(ctx.client, found, requested)
    if findings:
        ctx.problems.add(rules.downgrade_message(found, findings, ways_out=DOWNGRADE_WAYS_OUT))


def check_schedule(ctx, found, requested):
    """A date in the past fails, unless the release it asks for is already current (a re-run the day after)."""
    day = ctx.out["release"]["on_date"]
    current = reads.released(found)
    if day is not None and day < checks.today_utc().isoformat() and any(current.get(c) != v for c, v in requested.items()):
        ctx.problems.add("boomi_release_on_date %s is in the past; use today (%s) or later"
                         % (day, checks.today_utc().isoformat()))


def read_pack_side(ctx):
    """promote and rollback: the pack must exist and be released; inputs naming components must name members."""
    pack_id, name = ctx.values.get("boomi_integration_pack_id"), ctx.values.get("boomi_integration_pack_name")
    if not (pack_id or name):
        ctx.problems.add("set boomi_integration_pack_name (or boomi_integration_pack_id) to the pack to deploy")
        return {}
    found = reads.pack(ctx.client, pack_id, name, ctx.problems, required=True)
    reads.require_release(found, ctx.problems)
    ctx.out["integration_pack"] = {"id": (found or {}).get("id"), "name": (found or {}).get("name") or name}
    ctx.members = reads.member_names(found)
    ctx.planned_packages = []
    ctx.target_versions = reads.released(found)
    if found is not None and ctx.role == "promote":
        check_expected(ctx, found)
    ctx.out["installation_type"] = (found or {}).get("installationType", "").lower() or None
    return ctx.members


def check_expected(ctx, found):
    """promote with boomi_expected_versions: the pack's current release must be the build that passed. Why it is
    not comes from what Boomi shows: a release scheduled for later (known when AWX handed this node the release
    step's boomi_release), another job's newer release, or nothing that tells."""
    expected = checks.versions_map("boomi_expected_versions", ctx.values.get("boomi_expected_versions"), ctx.problems)
    reads.in_pack("boomi_expected_versions", expected, ctx.members, ctx.problems)
    known = next(iter(ctx.hosts.values())).values.get("boomi_release")
    why = rules.explain_expected(ctx.client, found, dict((c, v) for c, v in expected.items() if c in ctx.members),
                                 known=known if isinstance(known, dict) else None)
    if why:
        ctx.problems.add("Integration pack %r is not at the expected versions (boomi_expected_versions): %s"
                         % (found.get("name"), why["message"]))
    ctx.out["expected_versions"] = expected


def describe(versions, components, names):
    return ", ".join("%s %s" % (names.get(c, c), versions.get(c) or "(none)")
                     for c in sorted(components, key=lambda c: names.get(c, c)))


def read_packages_side(ctx, names):
    environments = reads.environments(ctx.client, dict((h, p["environment_id"]) for h, p in ctx.plans.items()),
                                      ctx.problems)
    pins = {}
    for host, plan in sorted(ctx.plans.items()):
        plan["environment_name"] = (environments.get(plan["environment_id"]) or {}).get("name")
        if plan["hold"]:
            continue
        reads.in_pack("boomi_pinned_versions", plan["pinned_versions"], names, ctx.problems, host)
        pins[host] = dict((c, v) for c, v in plan["pinned_versions"].items() if c in names)
        rollback = plan.get("rollback") or {}
        reads.in_pack("boomi_rollback_components", rollback.get("components") or [], names, ctx.problems, host)
        reads.in_pack("boomi_rollback_to", rollback.get("to") or {}, names, ctx.problems, host)
    reads.pinned_packages(ctx.client, pins, ctx.planned_packages, ctx.problems, names)


def read_partner_side(ctx):
    group = ctx.values.get("boomi_account_group")
    if not group:
        ctx.problems.add("set boomi_account_group to the name of the account group the pack is shared with")
    by_host = dict((h, (p["managed_account_id"], p["environment_id"])) for h, p in ctx.plans.items())
    names = reads.partner_environments(ctx.client_for, by_host, ctx.problems)
    accounts = {}
    for host, plan in sorted(ctx.plans.items()):
        plan["environment_name"] = names.get(plan["environment_id"])
        if not plan["hold"]:
            accounts.setdefault(plan["managed_account_id"], []).append(host)
    if group:
        reads.account_group(ctx.client, group, accounts, ctx.problems)
    ctx.out["account_group"] = group
    installation = ctx.out.get("installation_type") or (ctx.out.get("release") or {}).get("installation_type")
    named = sorted(h for h, p in ctx.plans.items() if p["instance_name"])
    if installation == "single" and named:
        ctx.problems.add("boomi_pack_instance_name is set for %s, but the integration pack is single-install, which "
                         "installs once per account with no name; remove boomi_pack_instance_name, or use a "
                         "multi-install pack" % checks.hosts_text(named))


ROLLBACK_PARTNER = (
    "boomi_deploy_mode is pack_instance, and a rollback cannot work in that mode: an instance in a managed account "
    "always runs the pack's current release, so no environment can go back on its own. To roll every instance back, "
    "release the earlier versions in the publisher account (boomi.platform.package_and_deploy with "
    "boomi_package_version set to them, or playbooks/release.yml); to take one environment off the pack, detach it "
    "(boomi.platform.boomi_integration_pack_attachment, state absent) and set boomi_hold: true on its host so no run "
    "attaches it again; to roll back environments of this account, set boomi_deploy_mode: packages")
