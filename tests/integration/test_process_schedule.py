"""boomi_process_schedule through ansible-playbook: create -> unchanged re-run -> check mode (zero writes) -> diff,
every runtime of an environment, order-insensitive compare, state absent, enabled, bad input; and the EXAMPLES."""

import importlib

import yaml
from boomi_simulator.seed import ATOMS

from .drift_world import DEV, FULFIL, INTAKE, PROD, TEST, deploy_processes
from .playbook import Step, build_playbook, connection, play, run_playbook

MODULE = "boomi_process_schedule"
OFFICE = {"minutes": "0-59/15", "hours": "8-18", "days_of_week": "2,3,4,5,6"}
EVENING = {"minutes": "0", "hours": "19-23"}
SECOND_PROD_ATOM = "7c4e1a10-0009-4b2d-8e6f-00000000b009"


def second_runtime_in_production(sim):
    """A second runtime (a copy of the seed with one more atom), attached to production."""
    from boomi_simulator.seed import BUILTIN_SEED, PRIMARY
    import copy
    seed = copy.deepcopy(BUILTIN_SEED)
    seed["atoms"].append({"account": PRIMARY, "id": SECOND_PROD_ATOM, "name": "Production Atom 2", "environment": PROD})
    sim.control("POST", "seed", seed)


def held(sim, atom, process=INTAKE):
    state = sim.state()
    schedules = [s for s in state["process_schedules"] if s["atomId"] == atom and s["processId"] == process]
    status = [s for s in state["process_schedule_status"] if s["atomId"] == atom and s["processId"] == process]
    return (schedules[0] if schedules else None), (status[0]["enabled"] if status else None)


def test_create_rerun_check_and_diff_on_every_runtime(sim, tmp_path):
    second_runtime_in_production(sim)
    deploy_processes(sim)
    args = {"environment_id": PROD, "process_name": "Order Intake", "schedules": [OFFICE, EVENING],
            "retry": {"max_retry": 2, "schedules": [{"minutes": "0-59/30"}]}, "enabled": True}
    reordered = dict(args, schedules=[EVENING, OFFICE])
    check, first, again, other_order, check_again, stop = play(sim, tmp_path, [
        Step(MODULE, args, check=True), Step(MODULE, args), Step(MODULE, args), Step(MODULE, reordered),
        Step(MODULE, args, check=True), Step(MODULE, dict(args, enabled=False))])
    assert check.changed and check.writes == 0 and not check.failed, check
    assert check["schedules"] == first["schedules"]
    assert first.changed and first.writes == 2 and not first.failed, first  # one update per runtime; enabled already
    assert [s["atom_id"] for s in first["schedules"]] == [ATOMS["prod"], SECOND_PROD_ATOM]
    entry = first["schedules"][0]
    assert entry["schedules"] == sorted([dict({"days_of_month": "*", "months": "*", "years": "*"}, **OFFICE),
                                         dict({"days_of_week": "*", "days_of_month": "*", "months": "*", "years": "*"},
                                              **EVENING)], key=lambda s: tuple(s[k] for k in (
                                                  "minutes", "hours", "days_of_week", "days_of_month", "months", "years")))
    assert entry["retry"]["max_retry"] == 2 and entry["enabled"] is True and entry["schedule_id"]
    assert first["process_id"] == INTAKE and first["process_name"] == "Order Intake"
    for outcome in (again, other_order, check_again):
        assert not outcome.changed and outcome.writes == 0, outcome
    schedule, enabled = held(sim, SECOND_PROD_ATOM)
    assert len(schedule["Schedule"]) == 2 and schedule["Retry"]["maxRetry"] == 2
    assert stop.changed and stop.writes == 2 and held(sim, ATOMS["prod"])[1] is False
    label = "Production Atom (%s)" % ATOMS["prod"]
    assert stop["diff"]["before"][label]["enabled"] is True and stop["diff"]["after"][label]["enabled"] is False
    assert first["diff"]["before"][label]["schedules"] == [] and len(first["diff"]["after"][label]["schedules"]) == 2


def test_one_runtime_absent_and_partial_options(sim, tmp_path):
    deploy_processes(sim)
    atom = ATOMS["dev"]
    set_, retry_only, absent, absent_again = play(sim, tmp_path, [
        Step(MODULE, {"atom_id": atom, "process_id": FULFIL, "schedules": [OFFICE]}),
        Step(MODULE, {"atom_id": atom, "process_id": FULFIL, "retry": {"max_retry": 4}}),
        Step(MODULE, {"atom_id": atom, "process_id": FULFIL, "state": "absent"}),
        Step(MODULE, {"atom_id": atom, "process_id": FULFIL, "state": "absent"})])
    assert set_.changed and set_.writes == 1
    assert retry_only.changed and retry_only.writes == 1 and len(retry_only["schedules"][0]["schedules"]) == 1
    schedule, enabled = held(sim, atom, FULFIL)
    assert schedule["Retry"]["maxRetry"] == 4 and enabled is None  # the status was never written
    assert absent.changed and absent["schedules"][0]["schedules"] == [] and absent["schedules"][0]["retry"]["max_retry"] == 4
    assert not absent_again.changed and absent_again.writes == 0


def test_bad_input_fails_before_any_write(sim, tmp_path):
    deploy_processes(sim, environments=(DEV,))
    outcomes = play(sim, tmp_path, [
        Step(MODULE, {"environment_id": DEV, "process_name": "Order Intake", "schedules": [dict(OFFICE, hours="25")]}),
        Step(MODULE, {"environment_id": DEV, "process_name": "Nothing Like It", "enabled": True}),
        Step(MODULE, {"environment_id": "no-such-env", "process_id": INTAKE, "enabled": True}),
        Step(MODULE, {"atom_id": "no-such-atom", "process_id": INTAKE, "enabled": True}),
        Step(MODULE, {"environment_id": TEST, "process_id": INTAKE, "enabled": True}),
        Step(MODULE, {"environment_id": TEST, "process_id": INTAKE, "enabled": True}, check=True),
        Step(MODULE, {"environment_id": DEV, "process_id": INTAKE, "retry": {"max_retry": 9}}),
        Step(MODULE, {"environment_id": DEV, "process_id": INTAKE, "schedules": [OFFICE], "state": "absent"}),
    ])
    hours, name, environment, atom, undeployed, check_undeployed, retries, absent = outcomes
    assert "schedules[0].hours '25' is not a schedule value" in hours.msg
    assert "process_name 'Nothing Like It': no process component with that name" in name.msg
    assert "environment_id no-such-env: no environment with that id" in environment.msg
    assert "atom_id no-such-atom: no runtime with that id" in atom.msg
    assert "process %s is not deployed where runtime %s (Test Atom) runs" % (INTAKE, ATOMS["test"]) in undeployed.msg
    assert not check_undeployed.failed and "is not deployed" in " ".join(check_undeployed["warnings"])
    assert "retry.max_retry is 9" in retries.msg
    assert "schedules and state: absent exclude each other" in absent.msg
    assert all(o.writes == 0 for o in outcomes)
    assert all(o.failed for o in outcomes if o is not check_undeployed)


def test_every_example_runs_as_written(sim, tmp_path):
    deploy_processes(sim, environments=(DEV, TEST, PROD))
    module = importlib.import_module("ansible_collections.boomi.platform.plugins.modules." + MODULE)
    book = build_playbook(sim, [], connection(sim))
    book[0]["tasks"] = yaml.safe_load(module.EXAMPLES)
    path = tmp_path / "examples.yml"
    path.write_text(yaml.safe_dump(book, sort_keys=False))
    proc = run_playbook(path)
    assert "failed=0" in proc.stdout and "changed=2" in proc.stdout  # the third: no schedule there yet
    assert held(sim, ATOMS["test"])[1] is False
