"""boomi_deployed_package through ansible-playbook."""

from ..conftest import COMPONENTS, ENVIRONMENTS, BoomiClient
from .playbook import Step, play

INTAKE, FULFIL = COMPONENTS["order_intake"], COMPONENTS["order_fulfilment"]
DEV, TEST = ENVIRONMENTS["dev"], ENVIRONMENTS["test"]


def released_pack(sim, versions=("1.0.0",), release=True):
    """Two components packaged (each version), in a pack, released at the first version."""
    client = BoomiClient(sim)
    ids = {}
    for component in (INTAKE, FULFIL):
        for version in versions:
            ids[(component, version)] = client.create("PackagedComponent", {
                "componentId": component, "packageVersion": version, "shareable": True}).json()["packageId"]
    pack = client.create("PublisherIntegrationPack", {"name": "Orders", "Description": "d",
                                                      "installationType": "MULTI"}).json()
    client.update("PublisherIntegrationPack", pack["id"], {
        "id": pack["id"], "operationType": "ADD", "Description": "d",
        "PublisherPackagedComponents": {"PublisherPackagedComponent": [{"componentId": INTAKE}, {"componentId": FULFIL}]}})
    if release:
        request_id = client.create("ReleaseIntegrationPack", {
            "id": pack["id"], "releaseSchedule": "IMMEDIATELY", "ReleasePackagedComponents": {"ReleasePackagedComponent": [
                {"componentId": INTAKE, "version": versions[0]}, {"componentId": FULFIL, "version": versions[0]}]}}).json()
        for dummy in range(2):
            client.get("ReleaseIntegrationPackStatus", request_id["requestId"])
    return pack, ids


def active(sim, environment):
    return {d["componentId"]: d["packageVersion"] for d in sim.state()["deployments"]
            if d["environmentId"] == environment and d["active"]}


def test_pack_lifecycle(sim, tmp_path):
    released_pack(sim)
    deploy = {"environment_id": DEV, "integration_pack": "Orders"}
    check, first, again, check_absent, absent, absent_again = play(sim, tmp_path, [
        Step("boomi_deployed_package", deploy, check=True),
        Step("boomi_deployed_package", deploy),
        Step("boomi_deployed_package", deploy),
        Step("boomi_deployed_package", dict(deploy, state="absent"), check=True),
        Step("boomi_deployed_package", dict(deploy, state="absent")),
        Step("boomi_deployed_package", dict(deploy, state="absent")),
    ])
    assert check.changed and check.writes == 0
    assert [d["deployment_id"] for d in check["deployments"]] == [None, None]
    assert first.changed and first.writes == 2 and all(d["changed"] and d["active"] for d in first["deployments"])
    # --diff names components and shows versions
    assert first["diff"]["before"]["versions"] == {} and first["diff"]["after"]["versions"] == {
        "Order Intake": "1.0.0", "Order Fulfilment": "1.0.0"}
    assert {d["package_version"] for d in first["deployments"]} == {"1.0.0"}
    assert not again.changed and again.writes == 0
    assert check_absent.changed and check_absent.writes == 0
    assert absent.changed and absent.writes == 2 and active(sim, DEV) == {}
    assert not absent_again.changed and absent_again.writes == 0


def test_package_ids_cost_one_read_when_nothing_changes(sim, tmp_path):
    pack, ids = released_pack(sim)
    package_ids = [ids[(INTAKE, "1.0.0")], ids[(FULFIL, "1.0.0")]]
    first, second = play(sim, tmp_path, [
        Step("boomi_deployed_package", {"environment_id": TEST, "package_ids": package_ids, "listener_status": "paused"}),
        Step("boomi_deployed_package", {"environment_id": TEST, "package_ids": package_ids}),
    ])
    # active deployments; the environment (it has none active yet); one bulk read of the new packages; and, since
    # these steps run with --diff, one bulk read of the component names
    assert first.changed and first.writes == 2 and first.reads == 4
    assert {d["listener_status"] for d in first["deployments"]} == {"paused"}
    assert not second.changed and second.writes == 0 and second.reads == 2
    assert {d["listener_status"] for d in second["deployments"]} == {"paused"}  # not a change (create-only)


def test_deploy_state_after_a_run(sim, tmp_path):
    released_pack(sim)
    play(sim, tmp_path, [Step("boomi_deployed_package", {"environment_id": DEV, "integration_pack": "Orders"})])
    assert active(sim, DEV) == {INTAKE: "1.0.0", FULFIL: "1.0.0"} and active(sim, TEST) == {}


def test_rollback_and_single_package(sim, tmp_path):
    pack, ids = released_pack(sim, versions=("1.0.0", "1.0.1"))
    newer, older, again = play(sim, tmp_path, [
        Step("boomi_deployed_package", {"environment_id": DEV, "component_id": INTAKE, "package_version": "1.0.1"}),
        Step("boomi_deployed_package", {"environment_id": DEV, "package_id": ids[(INTAKE, "1.0.0")]}),
        Step("boomi_deployed_package", {"environment_id": DEV, "package_id": ids[(INTAKE, "1.0.0")]}),
    ])
    assert newer.changed and newer["deployments"][0]["package_version"] == "1.0.1"
    assert older.changed and older["deployments"][0]["version"] == 2
    assert older["diff"]["before"]["versions"] == {"Order Intake": "1.0.1"}
    assert older["diff"]["after"]["versions"] == {"Order Intake": "1.0.0"}
    assert not again.changed and active(sim, DEV) == {INTAKE: "1.0.0"}


def test_seed_pitfalls(sim, tmp_path):
    pack, ids = released_pack(sim, release=False)
    unreleased, check_unreleased, pack_as_package, package_as_pack, unknown_env = play(sim, tmp_path, [
        Step("boomi_deployed_package", {"environment_id": DEV, "integration_pack": "Orders"}),
        Step("boomi_deployed_package", {"environment_id": DEV, "integration_pack": "Orders"}, check=True),
        Step("boomi_deployed_package", {"environment_id": DEV, "package_id": pack["id"]}),
        Step("boomi_deployed_package", {"environment_id": DEV, "integration_pack_id": ids[(INTAKE, "1.0.0")]}),
        Step("boomi_deployed_package", {"environment_id": "no-such-env", "package_id": ids[(INTAKE, "1.0.0")]}),
    ])
    assert unreleased.failed and unreleased.writes == 0
    assert "no successful release" in unreleased.msg and "boomi_pack_release" in unreleased.msg
    assert not check_unreleased.failed and check_unreleased.result["warnings"]
    assert pack_as_package.failed and pack_as_package.writes == 0
    assert "is the id of integration pack 'Orders'" in pack_as_package.msg and "integration_pack_id" in pack_as_package.msg
    assert package_as_pack.failed and package_as_pack.writes == 0 and "is a packaged component id" in package_as_pack.msg
    assert unknown_env.failed and unknown_env.writes == 0 and "environment_id no-such-env: no environment with that id" in unknown_env.msg


def test_licence_message_becomes_a_warning(sim, tmp_path):
    pack, ids = released_pack(sim)
    sim.fault(kind="deploy_message", object="DeployedPackage", operation="create")
    deployed, = play(sim, tmp_path, [Step("boomi_deployed_package", {"environment_id": DEV,
                                                                     "package_id": ids[(INTAKE, "1.0.0")]})])
    assert any("connection licenses" in w for w in deployed.result["warnings"])


def test_lost_deploy_answer_makes_one_deployment(sim, tmp_path):
    pack, ids = released_pack(sim)
    sim.fault(kind="drop_after", object="DeployedPackage", operation="create")
    deployed, = play(sim, tmp_path, [Step("boomi_deployed_package", {"environment_id": DEV, "integration_pack": "Orders"})])
    assert deployed.changed and deployed.writes == 2
    assert len([d for d in sim.state()["deployments"] if d["environmentId"] == DEV]) == 2


PROD = ENVIRONMENTS["prod"]


def batch(ids, *environments, **extra):
    return dict({"environments": [{"environment_id": e, "package_ids": ids} for e in environments]}, **extra)


def test_batch_deploys_many_environments_from_one_run(sim, tmp_path):
    pack, ids = released_pack(sim)
    package_ids = [ids[(INTAKE, "1.0.0")], ids[(FULFIL, "1.0.0")]]
    args = batch(package_ids, DEV, TEST, PROD)
    args["environments"][2]["listener_status"] = "paused"
    check, first, again = play(sim, tmp_path, [
        Step("boomi_deployed_package", args, check=True),
        Step("boomi_deployed_package", args),
        Step("boomi_deployed_package", args),
    ])
    assert check.changed and check.writes == 0 and all(e["changed"] for e in check["environments"])
    # one query for the active deployments of all three, one bulk read of the environments (none has
    # anything active yet), one bulk read of the packages, one of the component names (--diff), then the writes
    assert first.changed and first.writes == 6 and first.reads == 4
    assert [e["environment_id"] for e in first["environments"]] == [DEV, TEST, PROD]
    assert {d["listener_status"] for d in first["environments"][2]["deployments"]} == {"paused"}
    assert {d["listener_status"] for d in first["environments"][0]["deployments"]} == {"running"}
    assert first["diff"]["before"][DEV] == {} and first["diff"]["after"][PROD] == {
        "Order Intake": "1.0.0", "Order Fulfilment": "1.0.0"}
    # a batch reads its environments every time (their names, and a mistyped id shows up before any write)
    assert not again.changed and again.writes == 0 and again.reads == 3
    assert [e["environment_name"] for e in again["environments"]] == ["Development", "Test", "Production"]
    assert all(active(sim, e) == {INTAKE: "1.0.0", FULFIL: "1.0.0"} for e in (DEV, TEST, PROD))


def test_batch_bad_input_fails_before_any_write(sim, tmp_path):
    pack, ids = released_pack(sim)
    package_ids = [ids[(INTAKE, "1.0.0")], ids[(FULFIL, "1.0.0")]]
    typo, wrong_package, twice, mixed = play(sim, tmp_path, [
        Step("boomi_deployed_package", batch(package_ids, DEV, "6d3f9a10-0002-4d5e-9a1b-00000000e0X2", PROD)),
        Step("boomi_deployed_package", batch([package_ids[0], pack["id"]], DEV, TEST)),
        Step("boomi_deployed_package", batch(package_ids, DEV, DEV)),
        Step("boomi_deployed_package", batch(package_ids, DEV, package_ids=package_ids)),
    ])
    assert typo.failed and typo.writes == 0 and "0000e0X2: no environment with that id" in typo.msg and "nothing was deployed" in typo.msg
    assert wrong_package.failed and wrong_package.writes == 0 and "is the id of integration pack 'Orders'" in wrong_package.msg
    assert "environments[0].package_ids" in wrong_package.msg
    assert twice.failed and twice.writes == 0 and "more than once" in twice.msg
    assert mixed.failed and mixed.writes == 0 and "package_ids" in mixed.msg
    assert sim.state()["deployments"] == []


def test_batch_one_failing_environment_does_not_stop_the_others(sim, tmp_path):
    pack, ids = released_pack(sim)
    package_ids = [ids[(INTAKE, "1.0.0")], ids[(FULFIL, "1.0.0")]]
    sim.fault(kind="500", object="DeployedPackage", operation="create", match=TEST, count=100)
    # max_retries=0 makes the 500 final at once, and so would be a rate-limit 503: the set-up requests above are not
    # paced by the module, and may still fill the simulator's one-second window when the play starts (seen in CI)
    sim.configure(rate_limit=0)
    broken, = play(sim, tmp_path, [Step("boomi_deployed_package", batch(package_ids, DEV, TEST, PROD))],
                   max_retries=0)
    assert broken.failed and "1 of 3 environments" in broken.msg and TEST in broken.msg
    outcome = {e["environment_id"]: (e["changed"], e["failed"]) for e in broken["environments"]}
    assert outcome == {DEV: (True, False), TEST: (False, True), PROD: (True, False)}
    assert active(sim, DEV) and active(sim, PROD) and not active(sim, TEST)


def test_undeploy_a_component_without_naming_its_version(sim, tmp_path):
    """Issue 24: component_id + state absent undeploys whatever version is active; environment_id (or an entry of
    environments) with undeploy_components only undeploys. Check mode writes nothing; a re-run changes nothing."""
    released_pack(sim, versions=("1.0.0", "1.0.1"))
    by_component = {"environment_id": DEV, "component_id": INTAKE, "state": "absent"}
    only_undeploy = {"environments": [{"environment_id": TEST, "undeploy_components": [INTAKE, FULFIL]}]}
    (deployed, deployed_test, check, absent, again, no_version, check_batch, batch, batch_again) = play(sim, tmp_path, [
        Step("boomi_deployed_package", {"environment_id": DEV, "component_id": INTAKE, "package_version": "1.0.1"}),
        Step("boomi_deployed_package", {"environment_id": TEST, "integration_pack": "Orders"}),
        Step("boomi_deployed_package", by_component, check=True),
        Step("boomi_deployed_package", by_component),
        Step("boomi_deployed_package", by_component),
        Step("boomi_deployed_package", {"environment_id": DEV, "component_id": INTAKE}),
        Step("boomi_deployed_package", only_undeploy, check=True),
        Step("boomi_deployed_package", only_undeploy),
        Step("boomi_deployed_package", only_undeploy),
    ])
    assert deployed.changed and deployed_test.changed and active(sim, TEST) == {}
    assert check.changed and check.writes == 0
    assert absent.changed and absent.writes == 1
    assert absent["diff"]["before"]["versions"] == {"Order Intake": "1.0.1"} and absent["diff"]["after"]["versions"] == {}
    assert not again.changed and again.writes == 0
    assert no_version.failed and "needs package_version to deploy" in no_version.result["msg"]
    assert "set state: absent" in no_version.result["msg"] and no_version.writes == 0
    assert check_batch.changed and check_batch.writes == 0
    assert batch.changed and batch.writes == 2 and batch["environments"][0]["state"] == "deployed"
    assert not batch_again.changed and batch_again.writes == 0


def test_a_rollback_with_nothing_to_go_back_to_names_the_environment_and_the_component(sim, tmp_path):
    released_pack(sim)
    first, nothing_earlier, = play(sim, tmp_path, [
        Step("boomi_deployed_package", {"environments": [{"environment_id": DEV}], "integration_pack": "Orders"}),
        Step("boomi_deployed_package", {"environments": [{"environment_id": DEV, "rollback": {}}],
                                        "integration_pack": "Orders"}),
    ])
    assert first.changed and nothing_earlier.failed and nothing_earlier.writes == 0
    assert "environment Development (%s): component Order Intake has no earlier deployment to roll back to" % DEV \
        in nothing_earlier.msg, nothing_earlier.msg
