"""Partner distribution through ansible-playbook, across the seed's two managed accounts: share once, install once
per account, attach per environment; the re-run, check mode, diff, a new release reaching the instances (seen in
the simulator's state: Boomi's API carries no version), uninstall; the rules that fail before any write; and every
partner module's EXAMPLES, run as written."""

import importlib
import re
from pathlib import Path

import yaml
from boomi_simulator.seed import ACCOUNT_GROUPS, MANAGED_ACCOUNTS, MANAGED_ENVIRONMENTS

from ..conftest import ACCOUNT, SUB_ACCOUNT
from .drift_world import FULFIL, INTAKE, INVOICE, PACK, World
from .playbook import Step, build_playbook, connection, play, run_playbook

NORTH, SOUTH = MANAGED_ACCOUNTS["north"], MANAGED_ACCOUNTS["south"]
NT, NP, ST, SP = (MANAGED_ENVIRONMENTS[e] for e in ("north_test", "north_prod", "south_test", "south_prod"))
SHARE, INSTANCE = "boomi_integration_pack_share", "boomi_integration_pack_instance"
ATTACH, INFO = "boomi_integration_pack_attachment", "boomi_integration_pack_instance_info"
GROUPS = "boomi_account_group_info"
MODULES = (SHARE, INSTANCE, ATTACH, INFO, GROUPS)


def released_pack(sim, name=PACK, installation_type="MULTI", version="1.0.0", components=(INTAKE, FULFIL)):
    """A publisher pack released at ``version``, built through the simulator's API."""
    world = World(sim)
    for component in components:
        world.package(component, version)
    pack = world.pack(name, list(components), installation_type=installation_type)
    world.release(pack, dict((c, version) for c in components))
    return pack


def share(**extra):
    return dict({"integration_pack": PACK, "account_group": "Managed Customers"}, **extra)


def install(account, **extra):
    return dict({"override_account": account, "integration_pack": PACK}, **extra)


def attach(account, environments, **extra):
    return dict({"override_account": account, "integration_pack": PACK, "environment_ids": list(environments)}, **extra)


NORTH_NAME = "North Orders"
FIRST_RUN = [
    Step(SHARE, share()),
    Step(INSTANCE, install(NORTH, override_name=NORTH_NAME)),
    Step(INSTANCE, install(SOUTH)),
    Step(ATTACH, attach(NORTH, [NT, NP], override_name=NORTH_NAME)),
    Step(ATTACH, attach(SOUTH, [ST, SP])),
]


def instances(sim):
    """{account: [(instance name, running versions)]} as the simulator's state shows them."""
    return dict((account, [(i["integrationPackOverrideName"], i["runningVersions"])
                           for i in sim.state(account)["integration_pack_instances"]]) for account in (NORTH, SOUTH))


def attached(sim, account):
    return sorted(a["environmentId"] for a in sim.state(account)["integration_pack_environment_attachments"])


def test_first_run_rerun_check_and_diff_across_two_managed_accounts(sim, tmp_path):
    released_pack(sim)
    check = play(sim, tmp_path, [Step(s.module.split(".")[-1], s.args, check=True) for s in FIRST_RUN])
    assert [o.writes for o in check] == [0] * 5 and all(o.changed and not o.failed for o in check)
    share_check, north_check, south_check, north_attach_check, south_attach_check = check
    assert share_check["share"]["id"] is None and share_check["diff"]["before"] == {}
    assert share_check["account_group"]["account_ids"] == [NORTH, SOUTH]
    assert north_check["integration_pack_instance"]["id"] is None
    assert north_check["integration_pack_instance"]["override_name"] == NORTH_NAME
    assert any("not available to account %s" % NORTH in w for w in north_check.result["warnings"])
    assert [e["state"] for e in north_attach_check["environments"]] == ["attached", "attached"]
    assert any("not installed in account %s" % SOUTH in w for w in south_attach_check.result["warnings"])

    first = play(sim, tmp_path, FIRST_RUN)
    assert [o.writes for o in first] == [1, 1, 1, 2, 2] and all(o.changed for o in first)
    shared, north, south, north_attach, south_attach = first
    assert shared["share"]["integration_pack_name"] == PACK and shared["share"]["installation_type"] == "multi"
    assert shared["diff"]["after"]["account_group_id"] == ACCOUNT_GROUPS["managed"]
    instance = north["integration_pack_instance"]
    assert (instance["override_name"], instance["account_id"], instance["installation_type"]) == (NORTH_NAME, NORTH, "multi")
    assert [p["name"] for p in instance["processes"]] == ["North Orders - Order Intake", "North Orders - Order Fulfilment"]
    assert north["diff"]["before"] == {} and north["diff"]["after"]["id"] == instance["id"]
    assert south["integration_pack_instance"]["override_name"] == PACK  # named after the pack
    assert north_attach["integration_pack_instance_id"] == instance["id"]
    assert [(e["environment_name"], e["state"], e["attached"]) for e in north_attach["environments"]] == [
        ("North Test", "attached", True), ("North Production", "attached", True)]
    assert north_attach["diff"]["before"][NT] == {"integration_pack_instance_id": instance["id"], "attached": False}
    assert north_attach["diff"]["after"][NT]["attached"] is True
    assert attached(sim, NORTH) == sorted([NT, NP]) and attached(sim, SOUTH) == sorted([ST, SP])
    assert instances(sim) == {NORTH: [(NORTH_NAME, {INTAKE: "1.0.0", FULFIL: "1.0.0"})],
                              SOUTH: [(PACK, {INTAKE: "1.0.0", FULFIL: "1.0.0"})]}

    again = play(sim, tmp_path, FIRST_RUN + [Step(s.module.split(".")[-1], s.args, check=True) for s in FIRST_RUN])
    assert [o.writes for o in again] == [0] * 10 and not any(o.changed or o.failed for o in again)
    assert again[1]["integration_pack_instance"]["environment_ids"] == sorted([NT, NP])
    assert [e["state"] for e in again[4]["environments"]] == ["unchanged", "unchanged"]
    assert sim.state()["account_group_integration_packs"][0]["integrationPackId"] == shared["share"]["integration_pack_id"]


def test_a_new_release_reaches_every_instance_then_uninstall(sim, tmp_path):
    released_pack(sim)
    play(sim, tmp_path, FIRST_RUN)
    World(sim).package(INTAKE, "1.0.1")
    release, *rerun = play(sim, tmp_path, [
        Step("boomi_pack_release", {"integration_pack": PACK, "components": [{"component_id": INTAKE, "version": "1.0.1"}],
                                    "poll_interval": 0.1}),
    ] + FIRST_RUN)
    assert release.changed and release.writes == 1  # the release, in the publisher account; nothing per account
    assert [o.writes for o in rerun] == [0] * 5 and not any(o.changed for o in rerun)
    assert instances(sim) == {NORTH: [(NORTH_NAME, {INTAKE: "1.0.1", FULFIL: "1.0.0"})],
                              SOUTH: [(PACK, {INTAKE: "1.0.1", FULFIL: "1.0.0"})]}

    detach_sp = {"override_account": SOUTH, "integration_pack": PACK, "environment_id": SP, "state": "absent"}
    steps = play(sim, tmp_path, [
        Step(ATTACH, detach_sp, check=True),
        Step(ATTACH, detach_sp),
        Step(INSTANCE, install(SOUTH, state="absent"), check=True),
        Step(INSTANCE, install(SOUTH, state="absent")),
        Step(INSTANCE, install(SOUTH, state="absent")),
        Step(ATTACH, attach(SOUTH, [ST], state="absent")),
        Step(INSTANCE, install(NORTH, override_name=NORTH_NAME, state="absent")),
        Step(SHARE, share(state="absent"), check=True),
        Step(SHARE, share(state="absent")),
        Step(SHARE, share(state="absent")),
    ])
    (detach_check, detach, uninstall_check, uninstall, uninstall_again, detach_gone, north_uninstall, unshare_check,
     unshare, unshare_again) = steps
    assert detach_check.changed and detach_check.writes == 0 and detach_check["environments"][0]["state"] == "detached"
    assert detach_check["diff"]["before"][SP]["attached"] is True and detach_check["diff"]["after"][SP]["attached"] is False
    assert detach.changed and detach.writes == 1 and detach["environments"][0]["state"] == "detached"
    assert detach["diff"] == detach_check["diff"]
    assert uninstall_check.changed and uninstall_check.writes == 0
    assert uninstall_check["diff"]["before"]["environment_ids"] == [ST] and uninstall_check["diff"]["after"] == {}
    assert uninstall.changed and uninstall.writes == 1 and uninstall["integration_pack_instance"] == {}
    assert not uninstall_again.changed and uninstall_again.writes == 0
    assert not detach_gone.changed and detach_gone.writes == 0 and not detach_gone.failed
    assert north_uninstall.changed and north_uninstall.writes == 1
    assert north_uninstall["diff"]["before"]["environment_ids"] == sorted([NT, NP])
    assert unshare_check.changed and unshare_check.writes == 0 and unshare_check["share"] == {}
    assert unshare_check["diff"]["before"]["account_group_id"] == ACCOUNT_GROUPS["managed"]
    assert unshare.changed and unshare.writes == 1 and not unshare_again.changed and unshare_again.writes == 0
    assert unshare["diff"] == unshare_check["diff"] and unshare_again["diff"]["before"] == {}
    assert instances(sim) == {NORTH: [], SOUTH: []} and attached(sim, NORTH) == [] and attached(sim, SOUTH) == []
    assert sim.state()["account_group_integration_packs"] == []


def test_rules_fail_clearly_before_any_write(sim, tmp_path):
    released_pack(sim)
    released_pack(sim, name="Single Pack", installation_type="SINGLE", version="2.0.0", components=(INTAKE,))
    setup = play(sim, tmp_path, [
        Step(SHARE, share()),
        Step(SHARE, share(integration_pack="Single Pack")),
        Step(INSTANCE, install(NORTH, integration_pack="Single Pack")),
        Step(INSTANCE, install(NORTH, override_name=NORTH_NAME)),
    ])
    assert [o.writes for o in setup] == [1, 1, 1, 1]
    cases = play(sim, tmp_path, [
        Step(INSTANCE, install(SUB_ACCOUNT)),
        Step(ATTACH, attach(NORTH, [NT, ST], override_name=NORTH_NAME)),
        Step(INSTANCE, install(NORTH, integration_pack="Single Pack", override_name="Second")),
        Step(INSTANCE, install(SOUTH, integration_pack="Single Pack", override_name="Named")),
        Step(ATTACH, attach(SOUTH, [ST])),
        Step(SHARE, share(account_group="No Such Group")),
        Step(INSTANCE, {"integration_pack": PACK}),
    ])
    not_shared, foreign_environment, single_twice, single_named, not_installed, no_group, no_override = cases
    assert all(o.failed and o.writes == 0 for o in cases), cases
    assert "is not available to account %s" % SUB_ACCOUNT in not_shared.msg
    assert "boomi_integration_pack_share" in not_shared.msg
    assert "environment_ids %s is not an environment of account %s" % (ST, NORTH) in foreign_environment.msg
    assert "single-install and already installed in account %s" % NORTH in single_twice.msg
    assert "Remove override_name" in single_twice.msg
    assert "override_name 'Named'" in single_named.msg and "single-install" in single_named.msg
    assert "(instance %r) is not installed in account %s" % (PACK, SOUTH) in not_installed.msg
    assert "account_group 'No Such Group'" in no_group.msg and "'Managed Customers'" in no_group.msg
    assert "not available to account %s" % ACCOUNT in no_override.msg and "set override_account" in no_override.msg
    assert attached(sim, NORTH) == [] and [n for n, dummy in instances(sim)[NORTH]] == [None, NORTH_NAME]


def test_instance_info_filters(sim, tmp_path):
    released_pack(sim)
    play(sim, tmp_path, FIRST_RUN + [Step(INSTANCE, install(NORTH, override_name="Second"))])
    every, by_name, by_environment, nothing, check = play(sim, tmp_path, [
        Step(INFO, {"override_account": NORTH}),
        Step(INFO, {"override_account": NORTH, "integration_pack": PACK, "override_name": "Second"}),
        Step(INFO, {"override_account": NORTH, "environment_id": NP}),
        Step(INFO, {"override_account": SOUTH, "integration_pack_id": "no-such-pack"}),
        Step(INFO, {"override_account": NORTH}, check=True),
    ])
    assert [(i["override_name"], i["environment_ids"]) for i in every["integration_pack_instances"]] == [
        (NORTH_NAME, sorted([NT, NP])), ("Second", [])]
    assert every["available_integration_packs"][0]["name"] == PACK
    assert every["integration_pack_instances"][0]["integration_pack_name"] == PACK
    assert [i["override_name"] for i in by_name["integration_pack_instances"]] == ["Second"]
    assert [i["override_name"] for i in by_environment["integration_pack_instances"]] == [NORTH_NAME]
    assert nothing["integration_pack_instances"] == [] and not nothing.failed
    assert check["integration_pack_instances"] == every["integration_pack_instances"]
    assert all(o.writes == 0 and not o.changed for o in (every, by_name, by_environment, nothing, check))


def test_account_group_info_filters(sim, tmp_path):
    every, by_name, by_id, nothing, empty_id, check = play(sim, tmp_path, [
        Step(GROUPS, {}),
        Step(GROUPS, {"account_group": "Managed Customers"}),
        Step(GROUPS, {"account_group_id": ACCOUNT_GROUPS["all"]}),
        Step(GROUPS, {"account_group": "managed customers"}),  # names match exactly
        Step(GROUPS, {"account_group_id": ""}),  # an empty id matches no group (it is not "every group")
        Step(GROUPS, {"account_group": "Managed Customers"}, check=True),
    ])
    assert sorted(g["name"] for g in every["account_groups"]) == ["All Accounts", "Managed Customers"]
    assert by_name["account_groups"] == [{"id": ACCOUNT_GROUPS["managed"], "name": "Managed Customers",
                                          "default_group": False, "account_ids": [NORTH, SOUTH]}]
    assert [(g["name"], g["default_group"], len(g["account_ids"])) for g in by_id["account_groups"]] == [
        ("All Accounts", True, 4)]
    assert nothing["account_groups"] == empty_id["account_groups"] == [] and not nothing.failed
    assert check["account_groups"] == by_name["account_groups"]
    assert all(o.writes == 0 and not o.changed for o in (every, by_name, by_id, nothing, empty_id, check))


def test_every_partner_example_runs_as_written(sim, tmp_path):
    released_pack(sim)
    tasks = []
    for name in MODULES:
        module = importlib.import_module("ansible_collections.boomi.platform.plugins.modules." + name)
        tasks.extend(yaml.safe_load(module.EXAMPLES))
    book = build_playbook(sim, [], connection(sim))
    book[0]["tasks"] = tasks
    path = tmp_path / "examples.yml"
    path.write_text(yaml.safe_dump(book, sort_keys=False))
    before = sim.writes()
    proc = run_playbook(path)
    assert "failed=0" in proc.stdout and "skipping" not in proc.stdout
    assert "North Orders: %s" % ", ".join(sorted([NT, NP])) in proc.stdout  # the info example's debug line
    assert sim.writes() - before == 1 + 2 + 2  # share, two installs, two attachments (the detach had nothing to do)


def test_lost_answers_converge_without_duplicates_and_the_batch_splits_per_host(sim, tmp_path):
    released_pack(sim)
    for object_name in ("AccountGroupIntegrationPack", "IntegrationPackInstance", "IntegrationPackEnvironmentAttachment"):
        sim.fault(kind="drop_after", object=object_name, operation="create")  # committed, then the answer is lost
    first = play(sim, tmp_path, FIRST_RUN + [
        Step("boomi_batch_result", {"batch": "{{ step_3 }}", "environment_id": NP}, name="north_prod's share"),
    ])
    assert all(o.changed and not o.failed for o in first), first
    assert [o.writes for o in first] == [1, 1, 1, 2, 2, 0]  # each lost answer was looked up, not sent again
    assert any("not sent again" in w for w in first[1].result["warnings"])
    assert len(sim.state()["account_group_integration_packs"]) == 1
    assert instances(sim) == {NORTH: [(NORTH_NAME, {INTAKE: "1.0.0", FULFIL: "1.0.0"})],
                              SOUTH: [(PACK, {INTAKE: "1.0.0", FULFIL: "1.0.0"})]}
    assert attached(sim, NORTH) == sorted([NT, NP]) and attached(sim, SOUTH) == sorted([ST, SP])
    host = first[5]
    assert (host["environment_name"], host["state"], host.changed) == ("North Production", "attached", True)
    assert "(North Production):\n  attached: False \u2192 True\n" in host["diff"]["prepared"]


def test_partner_inventory_first_run_rerun_and_a_new_release(sim, tmp_path):
    """tests/integration/partner_play.yml over inventories/partner: what the role's pack_instance mode calls."""
    root = Path(__file__).resolve().parents[2]
    command = ["-i", str(root / "inventories" / "partner" / "hosts.yml")]

    def run(**extra):
        since = sim.requests()["summary"]
        proc = run_playbook(root / "tests" / "integration" / "partner_play.yml", dict({"boomi_api_url": sim.url}, **extra),
                            args=command)
        return sim.requests()["summary"]["writes"] - since["writes"], proc.stdout[proc.stdout.index("PLAY RECAP"):]

    first, first_recap = run()
    assert first == 3 + 2 + 1 + 1 + 2 + 4  # packages, pack and members, release, share, 2 installs, 4 attachments
    for host in ("north_test", "north_prod", "south_test", "south_prod"):
        assert re.search(r"%s\s+: ok=\d+\s+changed=[1-9]" % host, first_recap), first_recap
    again, again_recap = run()
    assert again == 0 and "changed=0" in again_recap and not re.search(r"changed=[1-9]", again_recap), again_recap
    versions = dict((c, "1.0.5") for c in (INTAKE, FULFIL, INVOICE))
    assert instances(sim) == {NORTH: [("North Orders", versions)], SOUTH: [("South Orders", versions)]}

    release, dummy = run(boomi_package_version="1.0.6")
    assert release == 3 + 1  # three packages and the release, all in the publisher account: nothing per account
    versions = dict((c, "1.0.6") for c in (INTAKE, FULFIL, INVOICE))
    assert instances(sim) == {NORTH: [("North Orders", versions)], SOUTH: [("South Orders", versions)]}
    assert attached(sim, NORTH) == sorted([NT, NP]) and attached(sim, SOUTH) == sorted([ST, SP])
