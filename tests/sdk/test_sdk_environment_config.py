"""Boomi's generated SDK drives the per-environment configuration objects: runtimes and their environments,
environment extensions (read, partial update, query) and process schedules; every answer must hydrate into the
SDK's typed model (see test_sdk_flow.py for how a miss is explained)."""

from boomi.models import (
    AtomQueryConfig,
    AtomQueryConfigQueryFilter,
    AtomQueryResponse,
    AtomSimpleExpression,
    Connection,
    Connections,
    DeployedPackage,
    EnvironmentAtomAttachment,
    EnvironmentAtomAttachmentQueryConfig,
    EnvironmentAtomAttachmentQueryConfigQueryFilter,
    EnvironmentAtomAttachmentQueryResponse,
    EnvironmentAtomAttachmentSimpleExpression,
    EnvironmentExtensions,
    EnvironmentExtensionsQueryConfig,
    EnvironmentExtensionsQueryConfigQueryFilter,
    EnvironmentExtensionsQueryResponse,
    EnvironmentExtensionsSimpleExpression,
    Field,
    ProcessScheduleStatus,
    ProcessSchedules,
    ProcessSchedulesQueryConfig,
    ProcessSchedulesQueryConfigQueryFilter,
    ProcessSchedulesQueryResponse,
    ProcessSchedulesSimpleExpression,
    Schedule,
    ScheduleRetry,
)
from boomi_simulator.seed import ATOMS, CONNECTIONS

from ..conftest import COMPONENTS, ENVIRONMENTS
from .test_sdk_flow import typed

INTAKE = COMPONENTS["order_intake"]
DEV, TEST = ENVIRONMENTS["dev"], ENVIRONMENTS["test"]


def deploy(sdk, wire):
    typed(wire, lambda: sdk.deployed_package.create_deployed_package(DeployedPackage(
        environment_id=DEV, component_id=INTAKE, notes="sdk flow")), DeployedPackage)


def test_runtimes_and_their_environments_hydrate(sim, sdk, wire):
    atoms = typed(wire, lambda: sdk.atom.query_atom(AtomQueryConfig(query_filter=AtomQueryConfigQueryFilter(
        expression=AtomSimpleExpression(operator="EQUALS", property="id", argument=[ATOMS["dev"]])))),
        AtomQueryResponse)
    assert [a.name for a in atoms.result] == ["Development Atom"]
    moved = typed(wire, lambda: sdk.environment_atom_attachment.create_environment_atom_attachment(
        EnvironmentAtomAttachment(atom_id=ATOMS["dev"], environment_id=TEST)), EnvironmentAtomAttachment)
    query = EnvironmentAtomAttachmentQueryConfig(query_filter=EnvironmentAtomAttachmentQueryConfigQueryFilter(
        expression=EnvironmentAtomAttachmentSimpleExpression(operator="EQUALS", property="environmentId", argument=[TEST])))
    attached = typed(wire, lambda: sdk.environment_atom_attachment.query_environment_atom_attachment(query),
                     EnvironmentAtomAttachmentQueryResponse, item_model=EnvironmentAtomAttachment)
    assert sorted(a.atom_id for a in attached.result) == sorted([ATOMS["test"], ATOMS["dev"]])
    sdk.environment_atom_attachment.delete_environment_atom_attachment(moved.id_)
    assert wire.last["status"] == 200


def test_environment_extensions_hydrate_and_take_a_partial_update(sim, sdk, wire):
    deploy(sdk, wire)
    document = typed(wire, lambda: sdk.environment_extensions.get_environment_extensions(DEV), EnvironmentExtensions)
    orders, = [c for c in document.connections.connection if c.id_ == CONNECTIONS["orders_db"]]
    assert {f.id_ for f in orders.field} == {"url", "user", "password"}
    update = EnvironmentExtensions(id_=DEV, environment_id=DEV, partial=True, connections=Connections(connection=[
        Connection(id_=CONNECTIONS["orders_db"], field=[Field(id_="url", value="jdbc:sdk", use_default=False),
                                                        Field(id_="password", value="sdk-secret", use_default=False)])]))
    answer = typed(wire, lambda: sdk.environment_extensions.update_environment_extensions(DEV, update),
                   EnvironmentExtensions)
    assert wire.last["sent"]["partial"] is True  # the SDK's model carries Boomi's partial flag as sent
    fields = dict((f.id_, f) for c in answer.connections.connection for f in c.field if c.id_ == CONNECTIONS["orders_db"])
    assert fields["url"].value == "jdbc:sdk" and fields["password"].encrypted_value_set is True
    assert getattr(fields["password"], "value", None) is None
    query = EnvironmentExtensionsQueryConfig(query_filter=EnvironmentExtensionsQueryConfigQueryFilter(
        expression=EnvironmentExtensionsSimpleExpression(operator="EQUALS", property="environmentId", argument=[DEV])))
    found = typed(wire, lambda: sdk.environment_extensions.query_environment_extensions(query),
                  EnvironmentExtensionsQueryResponse, item_model=EnvironmentExtensions)
    assert [d.id_ for d in found.result] == [DEV]


def test_process_schedules_hydrate_and_update(sim, sdk, wire):
    deploy(sdk, wire)
    query = ProcessSchedulesQueryConfig(query_filter=ProcessSchedulesQueryConfigQueryFilter(
        expression=ProcessSchedulesSimpleExpression(operator="EQUALS", property="processId", argument=[INTAKE])))
    found = typed(wire, lambda: sdk.process_schedules.query_process_schedules(query), ProcessSchedulesQueryResponse,
                  item_model=ProcessSchedules)
    schedule, = found.result
    every = Schedule(minutes="0-59/15", hours="8-18", days_of_week="2,3,4,5,6", days_of_month="*", months="*", years="*")
    body = ProcessSchedules(id_=schedule.id_, atom_id=ATOMS["dev"], process_id=INTAKE, schedule=[every],
                            retry=ScheduleRetry(schedule=[], max_retry=2))
    updated = typed(wire, lambda: sdk.process_schedules.update_process_schedules(schedule.id_, body), ProcessSchedules)
    assert updated.schedule[0].hours == "8-18" and updated.retry.max_retry == 2
    status = typed(wire, lambda: sdk.process_schedule_status.update_process_schedule_status(
        schedule.id_, ProcessScheduleStatus(id_=schedule.id_, atom_id=ATOMS["dev"], process_id=INTAKE, enabled=False)),
        ProcessScheduleStatus)
    assert status.enabled is False
    again = typed(wire, lambda: sdk.process_schedule_status.get_process_schedule_status(schedule.id_),
                  ProcessScheduleStatus)
    assert again.enabled is False
    assert [s["status"] for s in wire.sent if s["status"] >= 300] == []
