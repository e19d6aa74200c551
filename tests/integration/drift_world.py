"""An account where every drift state occurs, built through the simulator's Boomi API (not our client).

Order Processing Pack (single-install) releases Order Intake, Order Fulfilment, Invoice Sync and
Orders API at 1.0.5; Orders API is then removed (pending removal). Afterwards:

| environment | Order Intake | Order Fulfilment | Invoice Sync | Orders API | Order Router |
|---|---|---|---|---|---|
| dev | 1.0.5 current | 1.0.5 current | 1.0.5 current | | |
| test | 1.0.4 older (rollback) | 1.0.6 newer | missing | 1.0.5 extra (removed) | 1.0.0 extra (no member) |
| prod, stage, dr | missing | missing | missing | | |
"""

import copy

from boomi_simulator.seed import BUILTIN_SEED

from ..conftest import ACCOUNT, COMPONENTS, ENVIRONMENTS, BoomiClient, deploy_component

INTAKE, FULFIL, INVOICE = COMPONENTS["order_intake"], COMPONENTS["order_fulfilment"], COMPONENTS["invoice_sync"]
ORDERS_API, ROUTER = COMPONENTS["orders_api"], COMPONENTS["order_router"]
DEV, TEST, PROD, STAGE, DR = (ENVIRONMENTS[e] for e in ("dev", "test", "prod", "stage", "dr"))
PACK = "Order Processing Pack"


def deploy_processes(sim, environments=(DEV, PROD), components=(INTAKE, FULFIL)):
    """Set-up: the components deployed to the environments (their processes then have extensions and schedules)."""
    client = BoomiClient(sim)
    for environment in environments:
        for component in components:
            answer = deploy_component(client, environment, component)
            assert answer.status_code == 200, answer.text


class World:
    """Builds objects through the simulator's HTTP API and remembers their ids."""

    def __init__(self, sim):
        self.sim = sim
        self.client = BoomiClient(sim)
        self.packages = {}

    def ok(self, answer):
        assert answer.status_code == 200, answer.text
        return answer.json()

    def package(self, component, version, shareable=True):
        created = self.ok(self.client.create("PackagedComponent", {
            "componentId": component, "packageVersion": version, "shareable": shareable}))
        self.packages[(component, version)] = created["packageId"]
        self.sim.control("POST", "clock", {"advance_seconds": 2})  # distinct createdDate for each package
        return created["packageId"]

    def pack(self, name, components, installation_type="SINGLE"):
        created = self.ok(self.client.create("PublisherIntegrationPack", {
            "name": name, "Description": "d", "installationType": installation_type}))
        return self.members(created, components)

    def members(self, pack, components):
        return self.ok(self.client.update("PublisherIntegrationPack", pack["id"], {
            "id": pack["id"], "operationType": "ADD", "Description": pack["Description"],
            "PublisherPackagedComponents": {"PublisherPackagedComponent": [{"componentId": c} for c in components]}}))

    def release(self, pack, versions):
        request_id = self.ok(self.client.create("ReleaseIntegrationPack", {
            "id": pack["id"], "releaseSchedule": "IMMEDIATELY", "ReleasePackagedComponents": {
                "ReleasePackagedComponent": [{"componentId": c, "version": v} for c, v in versions.items()]}}))["requestId"]
        for dummy in range(self.sim.configure()["release_polls"]):
            self.client.get("ReleaseIntegrationPackStatus", request_id)

    def deploy(self, environment, component, version):
        return self.ok(self.client.create("DeployedPackage", {
            "environmentId": environment, "packageId": self.packages[(component, version)]}))


def drift_world(sim):
    """The account of the table above; returns (World, pack)."""
    world = World(sim)
    for version in ("1.0.4", "1.0.5"):
        for component in (INTAKE, FULFIL, INVOICE, ORDERS_API):
            world.package(component, version)
    pack = world.pack(PACK, [INTAKE, FULFIL, INVOICE, ORDERS_API])
    world.release(pack, {INTAKE: "1.0.5", FULFIL: "1.0.5", INVOICE: "1.0.5", ORDERS_API: "1.0.5"})
    pack = world.members(pack, [INTAKE, FULFIL, INVOICE])  # Orders API: pending removal
    world.package(FULFIL, "1.0.6")
    world.package(ROUTER, "1.0.0", shareable=False)
    for component in (INTAKE, FULFIL, INVOICE):
        world.deploy(DEV, component, "1.0.5")
    world.deploy(TEST, INTAKE, "1.0.5")
    world.deploy(TEST, INTAKE, "1.0.4")  # a rollback
    world.deploy(TEST, FULFIL, "1.0.6")
    world.deploy(TEST, ORDERS_API, "1.0.5")
    world.deploy(TEST, ROUTER, "1.0.0")
    return world, pack


def seed_environments(sim, count):
    """The built-in seed plus ``count`` more TEST environments in the primary account; returns their ids."""
    seed = copy.deepcopy(BUILTIN_SEED)
    extra = [{"account": ACCOUNT, "id": "6d3f9a10-1%03d-4d5e-9a1b-0000000e1%03d" % (i, i), "name": "Env %03d" % i,
              "classification": "TEST"} for i in range(count)]
    seed["environments"].extend(extra)
    sim.control("POST", "seed", seed)
    return [e["id"] for e in extra]


def state_table(drift_entry):
    """{component name: (active version, released version, state)} of one environment's drift."""
    return dict((row["component_name"], (row["active_version"], row["released_version"], row["state"]))
                for row in drift_entry["components"])


def log_since(sim, seq):
    """The simulator's Boomi requests after ``seq``."""
    return [r for r in sim.requests(seq)["requests"] if r["object"]]
