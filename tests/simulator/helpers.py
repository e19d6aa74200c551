"""Small builders for simulator tests."""

from ..conftest import COMPONENTS


def package(boomi, component="order_intake", version="1.0.0", shareable=True, **extra):
    body = dict({"componentId": COMPONENTS.get(component, component), "packageVersion": version,
                 "notes": "test", "shareable": shareable}, **extra)
    return boomi.create("PackagedComponent", body)


def pack(boomi, name="Orders", installation_type="MULTI", description="Order processing"):
    return boomi.create("PublisherIntegrationPack",
                        {"name": name, "Description": description, "installationType": installation_type})


def set_members(boomi, pack_body, components, operation="ADD"):
    members = [{"componentId": COMPONENTS.get(c, c)} for c in components]
    body = {"id": pack_body["id"], "name": pack_body["name"], "installationType": pack_body["installationType"],
            "Description": pack_body["Description"], "operationType": operation,
            "PublisherPackagedComponents": {"PublisherPackagedComponent": members}}
    return boomi.update("PublisherIntegrationPack", pack_body["id"], body)


def release(boomi, pack_id, versions, schedule="IMMEDIATELY", on_date=None):
    body = {"id": pack_id, "releaseSchedule": schedule,
            "ReleasePackagedComponents": {"ReleasePackagedComponent": [
                {"componentId": COMPONENTS.get(c, c), "version": v} for c, v in versions.items()]}}
    if on_date:
        body["releaseOnDate"] = on_date
    return boomi.create("ReleaseIntegrationPack", body)


def members(pack_body):
    return {m["componentId"]: m for m in pack_body["PublisherPackagedComponents"]["PublisherPackagedComponent"]}


def released_pack(boomi, sim, components=("order_intake",), version="1.0.0"):
    """Package, pack and release; return (pack, {component: package_id})."""
    ids = {c: package(boomi, c, version).json()["packageId"] for c in components}
    created = pack(boomi).json()
    set_members(boomi, created, components)
    request_id = release(boomi, created["id"], {c: version for c in components}).json()["requestId"]
    for dummy in range(sim.configure()["release_polls"]):
        boomi.get("ReleaseIntegrationPackStatus", request_id)
    return created, ids
