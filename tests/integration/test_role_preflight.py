"""The roles' pre-flight (boomi.platform.boomi_role_plan): every input of every host, checked once, before any
write. Each case runs the role's playbook as users do and counts the simulator's writes."""

import datetime

import pytest

from ..conftest import COMPONENTS
from .role import ROOT, run_role
from .test_pipeline_story import INTAKE, PROCESSES, everywhere, inventory, release

PROMOTE = ROOT + "/playbooks/promote.yml"
ROLLBACK = ROOT + "/playbooks/rollback.yml"


def fails(sim, inv=None, playbook=None, version="1.0.0", **extra):
    """Run a playbook that must fail before any write; returns its output."""
    options = {"playbook": playbook} if playbook else {}
    proc, writes, recap, stats = run_role(sim, inventory=inv, check=False, extra=dict(release(version) if version else {},
                                                                                      **extra), **options)
    output = proc.stdout + proc.stderr
    assert proc.returncode != 0 and writes == 0, output[-3000:]
    return output


def test_a_misspelt_host_variable_names_its_file_and_the_right_name(sim, tmp_path):
    inv = inventory(tmp_path)
    (tmp_path / "host_vars").mkdir()
    (tmp_path / "host_vars" / "prod.yml").write_text("boomi_hodl: true\n")
    out = fails(sim, inv=inv)
    assert "boomi_hodl (set in " in out and "host_vars/prod.yml, line 1): no such variable (did you mean " \
                                            "boomi_hold?)" in out
    assert everywhere(sim) == {"dev": set(), "test": set(), "prod": set()}


@pytest.mark.parametrize("playbook, extra, wanted", [
    (None, {"boomi_pakage_version": "1.0.9"}, "boomi_pakage_version (set in extra vars (-e)): no such variable "
                                              "(did you mean boomi_package_version?)"),
    (PROMOTE, {"boomi_expected_version": {INTAKE: "1.0.0"}},
     "boomi_expected_version (set in extra vars (-e)): no such variable (did you mean boomi_expected_versions?)"),
    (ROLLBACK, {"boomi_rollback_too": {INTAKE: "1.0.0"}}, "did you mean boomi_rollback_to?"),
])
def test_misspelt_extra_vars_fail_before_any_write(sim, tmp_path, playbook, extra, wanted):
    run_role(sim, extra=release("1.0.0"), inventory=inventory(tmp_path))
    assert wanted in fails(sim, inv=inventory(tmp_path), playbook=playbook, **extra)


def test_a_teams_own_variable_may_only_warn(sim, tmp_path):
    proc, writes, recap, stats = run_role(sim, inventory=inventory(tmp_path),
                                          extra=dict(release("1.0.0"), boomi_team_owner="ops", boomi_unknown_variables="warn"))
    assert writes == 15 and "[WARNING]: boomi_team_owner (set in extra vars (-e)): no such variable" in proc.stdout + proc.stderr


@pytest.mark.parametrize("components, wanted", [
    ([{"component_id": c} for c in PROCESSES[:2]] + [{"component_id": PROCESSES[2], "pakage_version": "1.0.1"}],
     "pakage_version"),
    ([{"component_id": c, "package_version": 2} for c in PROCESSES], "is the number 2"),
    ([{"component_id": c, "package_version": 1.1} for c in PROCESSES], "is the number 1.1"),
    ([{"component_id": PROCESSES[0]}, {"component_id": PROCESSES[0]}], "is listed twice"),
])
def test_component_inputs_fail_before_any_write(sim, tmp_path, components, wanted):
    assert wanted in fails(sim, inv=inventory(tmp_path), boomi_components=components)


def test_a_missing_pack_name_names_the_variable(sim, tmp_path):
    inv = inventory(tmp_path)
    group_vars = tmp_path / "group_vars" / "boomi_environments.yml"
    group_vars.write_text(group_vars.read_text().replace("boomi_integration_pack_name:", "other_pack_name:"))
    assert "boomi_integration_pack_name" in fails(sim, inv=inv)


@pytest.mark.parametrize("day, wanted", [
    ("2026/12/31", "boomi_release_on_date '2026/12/31' is not a date in YYYY-MM-DD form"),
    ("2026-13-01", "boomi_release_on_date '2026-13-01' is not a date in YYYY-MM-DD form (e.g. 2030-01-31), or no "
                   "such day exists"),
    ("2031-02-30", "or no such day exists"),
    ((datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(days=2)).strftime("%Y-%m-%d"),
     "is in the past; use today"),
])
def test_a_bad_release_date_fails_before_the_packages_are_written(sim, tmp_path, day, wanted):
    out = fails(sim, inv=inventory(tmp_path), boomi_release_schedule="on_date", boomi_release_on_date=day)
    assert wanted in out and "release_on_date %r" % day not in out.replace("boomi_release_on_date", "")


def test_a_date_without_a_schedule_and_a_schedule_without_a_date(sim, tmp_path):
    assert "set boomi_release_schedule: on_date" in fails(sim, inv=inventory(tmp_path), boomi_release_on_date="2030-01-31")
    assert "on_date needs boomi_release_on_date" in fails(sim, inv=inventory(tmp_path), boomi_release_schedule="on_date")


def test_hosts_that_disagree_on_the_release_fail(sim, tmp_path):
    inv = inventory(tmp_path, prod={"boomi_package_version": "0.9.9"})
    out = fails(sim, inv=inv, version=None)
    assert "boomi_package_version differs between the hosts of the play (dev, test: 1.0.5; prod: 0.9.9)" in out


def test_pins_and_expected_versions_must_name_pack_members(sim, tmp_path):
    run_role(sim, extra=release("1.0.0"), inventory=inventory(tmp_path))
    webservice = COMPONENTS["orders_api"]
    out = fails(sim, inv=inventory(tmp_path, prod={"boomi_pinned_versions": {webservice: "1.0.0"}}))
    assert "prod: boomi_pinned_versions names %s, which is not a member of the integration pack" % webservice in out
    out = fails(sim, inv=inventory(tmp_path), playbook=PROMOTE, boomi_expected_versions={webservice: "1.0.0"})
    assert "boomi_expected_versions names %s, which is not a member" % webservice in out
    out = fails(sim, inv=inventory(tmp_path, dev={"boomi_pinned_versions": {INTAKE: "0.0.1"}}))
    assert "dev: boomi_pinned_versions pins Order Intake to 0.0.1, which has no packaged component" in out


def test_the_check_plan_names_held_pinned_and_rolled_back_environments(sim, tmp_path):
    inv = inventory(tmp_path)
    run_role(sim, extra=release("1.0.0"), inventory=inv)
    run_role(sim, extra=release("1.0.1"), inventory=inv)
    run_role(sim, playbook=ROLLBACK, inventory=inv, extra={"boomi_target_hosts": "prod"})
    marked = inventory(tmp_path, test={"boomi_hold": True}, dev={"boomi_pinned_versions": {INTAKE: "1.0.0"}})
    proc, writes, recap, stats = run_role(sim, "--check", "--diff", extra=release("1.0.1"), inventory=marked)
    assert writes == 0 and "[WARNING]" not in proc.stdout + proc.stderr
    assert "test (Test): held (boomi_hold), keeps Invoice Sync 1.0.1, Order Fulfilment 1.0.1, Order Intake 1.0.1" \
        in proc.stdout
    assert "dev (Development): pinned (boomi_pinned_versions), keeps Order Intake at 1.0.0" in proc.stdout
    assert "dev (Development):\n  Order Intake: 1.0.1 \u2192 1.0.0\n" in proc.stdout
    assert "prod (Production): keeps Order Intake at 1.0.0, rolled back from 1.0.1, the version this release ships; " \
           "boomi_force: true ships it" in proc.stdout
    # a new version moves the rolled-back environment on; check mode shows it without a warning
    proc, writes, recap, stats = run_role(sim, "--check", "--diff", extra=release("1.0.2"), inventory=inv)
    assert writes == 0 and "[WARNING]" not in proc.stdout + proc.stderr
    assert "prod (Production):\n  Invoice Sync: 1.0.0 \u2192 1.0.2\n" in proc.stdout


def test_a_stale_job_relaunched_writes_nothing_unless_a_downgrade_is_allowed(sim, tmp_path):
    """Issue 23: after 1.0.1 then 1.0.2 everywhere, a run asking for 1.0.1 (last week's job, relaunched) fails before
    any write, naming boomi_allow_downgrade; with it, 1.0.1 is released and deployed."""
    inv = inventory(tmp_path)
    run_role(sim, extra=release("1.0.1"), inventory=inv)
    sim.control("POST", "clock", {"advance_seconds": 5})  # Boomi's createdDate has whole seconds
    run_role(sim, extra=release("1.0.2"), inventory=inv)
    out = fails(sim, inv=inv, version="1.0.1")
    assert "would move 3 components to an older package" in out and "set boomi_allow_downgrade: true" in out
    assert "Order Intake from 1.0.2 back to 1.0.1" in out
    assert everywhere(sim) == {"dev": {"1.0.2"}, "test": {"1.0.2"}, "prod": {"1.0.2"}}
    proc, writes, recap, stats = run_role(sim, inventory=inv, extra=dict(release("1.0.1"), boomi_allow_downgrade=True))
    assert writes == 1 + 9 and everywhere(sim) == {"dev": {"1.0.1"}, "test": {"1.0.1"}, "prod": {"1.0.1"}}
    assert "older packages" in proc.stdout + proc.stderr  # the module warns that it released older packages
