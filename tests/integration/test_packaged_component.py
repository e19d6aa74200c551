"""boomi_packaged_component through ansible-playbook: create -> unchanged -> check -> diff -> absent."""

from ..conftest import COMPONENTS, ENVIRONMENTS, BoomiClient
from .playbook import Step, play

INTAKE = COMPONENTS["order_intake"]


def pkg(**args):
    return dict({"component_id": INTAKE, "package_version": "1.0.5", "notes": "first"}, **args)


def test_lifecycle(sim, tmp_path):
    check_create, create, again, check_absent, absent, absent_again = play(sim, tmp_path, [
        Step("boomi_packaged_component", pkg(), check=True),
        Step("boomi_packaged_component", pkg()),
        Step("boomi_packaged_component", pkg()),
        Step("boomi_packaged_component", pkg(state="absent"), check=True),
        Step("boomi_packaged_component", pkg(state="absent")),
        Step("boomi_packaged_component", pkg(state="absent")),
    ])
    assert check_create.changed and check_create.writes == 0
    assert check_create["packaged_component"]["package_id"] is None
    # the diff is keyed by the component's name and shows what changes: no ids, no empty values (issue 21)
    assert check_create["diff"] == {"before": {}, "after": {"Order Intake": {
        "package_version": "1.0.5", "notes": "first", "shareable": True}}}
    assert create.changed and create.writes == 1 and not create.failed
    assert create["diff"] == {"before": {}, "after": {"Order Intake": {
        "package_version": "1.0.5", "component_version": "3", "notes": "first", "shareable": True,
        "branch_name": "main"}}}
    created = create["packaged_component"]
    assert created["package_id"] and created["component_version"] == "3" and created["shareable"] is True
    assert not again.changed and again.writes == 0 and again["packaged_component"] == created
    assert again["diff"] == {"before": {}, "after": {}}
    assert check_absent.changed and check_absent.writes == 0
    assert absent.changed and absent.writes == 1 and absent["packaged_component"]["deleted"] is True
    deleted = {"before": {"Order Intake": {"package_version": "1.0.5"}},
               "after": {"Order Intake": {"package_version": "1.0.5", "deleted": True}}}
    assert absent["diff"] == check_absent["diff"] == deleted
    assert not absent_again.changed and absent_again.writes == 0
    assert sim.state()["packaged_components"][0]["deleted"] is True


def test_immutable_conflicts_fail_without_writes(sim, tmp_path):
    outcomes = play(sim, tmp_path, [
        Step("boomi_packaged_component", pkg()),
        Step("boomi_packaged_component", pkg(notes="changed"), check=True),
        Step("boomi_packaged_component", pkg(notes="changed")),
        Step("boomi_packaged_component", pkg(shareable=False)),
        Step("boomi_packaged_component", pkg(component_version="2")),
        Step("boomi_packaged_component", pkg(component_version="3.0")),
        Step("boomi_packaged_component", pkg(branch_name="feature-x")),
    ])
    create, check_change, change, shareable, guard, guard_ok, branch = outcomes
    assert create.changed
    for outcome in (check_change, change, shareable, guard, branch):
        assert outcome.failed and outcome.writes == 0, outcome
        assert "immutable" in outcome.msg and "new package_version" in outcome.msg
    assert "notes are 'first' (asked 'changed')" in change.msg
    assert "shareable is True (asked False)" in shareable.msg
    assert not guard_ok.failed and not guard_ok.changed  # 3 and "3.0" are the same revision


def test_deleted_version_is_restored(sim, tmp_path):
    create, absent, restore, again = play(sim, tmp_path, [
        Step("boomi_packaged_component", pkg()),
        Step("boomi_packaged_component", pkg(state="absent")),
        Step("boomi_packaged_component", pkg()),
        Step("boomi_packaged_component", pkg()),
    ])
    assert restore.changed and restore.writes == 1
    assert restore["diff"] == {"before": {"Order Intake": {"package_version": "1.0.5", "deleted": True}},
                               "after": {"Order Intake": {"package_version": "1.0.5"}}}
    assert restore["packaged_component"]["package_id"] == create["packaged_component"]["package_id"]
    assert restore["packaged_component"]["deleted"] is False
    assert not again.changed and len(sim.state()["packaged_components"]) == 1


def test_delete_while_deployed_is_explained(sim, tmp_path):
    create, = play(sim, tmp_path, [Step("boomi_packaged_component", pkg())])
    client = BoomiClient(sim)
    client.create("DeployedPackage", {"environmentId": ENVIRONMENTS["dev"],
                                      "packageId": create["packaged_component"]["package_id"]})
    absent, = play(sim, tmp_path, [Step("boomi_packaged_component", pkg(state="absent"))])
    assert absent.failed and absent.writes == 0
    assert "refused to delete" in absent.msg and "boomi_deployed_package state=absent" in absent.msg


def test_non_shareable_type_fails_with_boomis_reason(sim, tmp_path):
    cert, = play(sim, tmp_path, [Step("boomi_packaged_component",
                                      {"component_id": COMPONENTS["partner_cert"], "package_version": "1"})])
    assert cert.failed and cert.writes == 0 and "cannot be shareable" in cert.msg
