"""IntegrationPackInstance: an integration pack installed in the requesting (managed) account.

Rules: create takes ``integrationPackId`` (a pack the account may install: see IntegrationPack)
and, for MULTI packs only, ``integrationPackOverrideName``; a SINGLE pack installs once per
account; GET, DELETE (uninstall: its environment attachments go first), query by
``integrationPackOverrideName``, ``integrationPackName``, ``integrationPackId``, and bulk.
``ProcessId`` lists the pack's processes, with a ``wrapperProcessId`` only for MULTI packs.
An instance runs the pack's current release: a new release reaches it without any call.
[I] A MULTI instance without an override name is named after the pack; two instances of one pack
need distinct names (400); ``ProcessId`` names a MULTI instance's processes
``"<override name> - <process>"`` (as in Boomi's example) and lists the released ``process``
members; the id is unpadded URL-safe base64 of ``"IntegrationPackInstance<n>"`` (Boomi's
example ids); the API carries no version, so the simulator's state shows ``runningVersions``
({componentId: version}, the pack's current release) per instance; deleting the pack
uninstalls its instances.
"""

import uuid

from ..errors import bad_request
from ..validate import check_body, check_type
from .account_group import synthesized_id
from .account_group_integration_pack import available_packs
from .base import Context, ObjectType


class IntegrationPackInstance(ObjectType):
    name = "IntegrationPackInstance"
    collection = "instances"
    operations = ("create", "get", "delete", "query", "bulk")
    allowed = ("id", "integrationPackId", "integrationPackOverrideName", "ProcessId")
    dump_key = "integration_pack_instances"
    properties = ("integrationPackOverrideName", "integrationPackName", "integrationPackId")

    def render(self, ctx, record):
        out = {"@type": self.name, "id": record["id"], "integrationPackId": record["integrationPackId"]}
        if record["integrationPackOverrideName"] is not None:
            out["integrationPackOverrideName"] = record["integrationPackOverrideName"]
        out["ProcessId"] = self._processes(ctx, record)
        return out

    @staticmethod
    def _processes(ctx, record):
        publisher = ctx.store.data.get(record["_publisher"])
        out = []
        for component_id in record["runningVersions"]:
            component = publisher.components.get(component_id) if publisher else None
            if component is None or component["type"] != "process":
                continue
            item = {"@type": "ProcessId", "originalProcessId": component_id, "name": component["name"]}
            if record["installationType"] == "MULTI":
                item["name"] = "%s - %s" % (record["integrationPackOverrideName"], component["name"])
                item["wrapperProcessId"] = str(uuid.uuid5(uuid.NAMESPACE_URL, record["id"] + "/" + component_id))
            out.append(item)
        return out

    def create(self, ctx, body):
        check_body(body, self.name, self.allowed, required=("integrationPackId",))
        for field in ("integrationPackId", "integrationPackOverrideName"):
            check_type(body, field, str, self.name)
        account = ctx.data.account_id
        available = available_packs(ctx.store, account).get(body["integrationPackId"])
        if available is None:
            raise bad_request("Integration pack '%s' is not available to account %s: it must be released and shared with "
                              "an account group that holds the account" % (body["integrationPackId"], account))
        publisher, pack = available
        name = self._instance_name(ctx, pack, body.get("integrationPackOverrideName") or None)
        record = {"id": self._new_id(ctx), "integrationPackId": pack["id"], "integrationPackName": pack["name"],
                  "installationType": pack["installationType"], "integrationPackOverrideName": name,
                  "runningVersions": running_versions(pack), "_publisher": publisher}
        ctx.data.instances[record["id"]] = record
        return self.render(ctx, record), True

    @staticmethod
    def _instance_name(ctx, pack, name):
        """The instance's override name (None for SINGLE), after Boomi's install rules."""
        mine = [i for i in ctx.data.instances.values() if i["integrationPackId"] == pack["id"]]
        account = ctx.data.account_id
        if pack["installationType"] == "SINGLE":
            if name is not None:
                raise bad_request("integrationPackOverrideName is only valid for multi-install (MULTI) integration packs; "
                                  "integration pack %s is SINGLE" % pack["id"])
            if mine:
                raise bad_request("Integration pack %s is single-install and already installed in account %s (instance "
                                  "%s)" % (pack["id"], account, mine[0]["id"]))
            return None
        name = name or pack["name"]
        clash = [i for i in mine if i["integrationPackOverrideName"] == name]
        if clash:
            raise bad_request("Integration pack %s is already installed in account %s as '%s' (instance %s); instances of "
                              "a multi-install pack need distinct integrationPackOverrideName values"
                              % (pack["id"], account, name, clash[0]["id"]))
        return name

    @staticmethod
    def _new_id(ctx):
        taken = {i for data in ctx.store.data.values() for i in data.instances}
        while True:
            ident = synthesized_id("IntegrationPackInstance%d" % (uuid.UUID(ctx.store.new_id()).int % 1000000))
            if ident not in taken:
                return ident

    def delete(self, ctx, ident):
        self.find(ctx, ident)
        uninstall(ctx.data, ident)

    def tick(self, ctx):
        """Instances follow their pack: its current release, its name; a deleted pack uninstalls them."""
        publishers = {}
        for record in list(ctx.data.instances.values()):
            publisher = record["_publisher"]
            if publisher not in publishers:
                publishers[publisher] = ctx.store.data.get(publisher)
                if publishers[publisher] is not None and publisher != ctx.data.account_id:
                    # the publisher's releases finish on time even when only its subscribers are asked
                    ctx.handler("ReleaseIntegrationPack").tick(
                        Context(ctx.store, publishers[publisher], ctx.user, ctx.config, ctx.base_url))
            pack = publishers[publisher].packs.get(record["integrationPackId"]) if publishers[publisher] else None
            if pack is None:
                uninstall(ctx.data, record["id"])
                continue
            record.update(integrationPackName=pack["name"], runningVersions=running_versions(pack))

    def dump(self, record):
        return {"id": record["id"], "integrationPackId": record["integrationPackId"],
                "integrationPackName": record["integrationPackName"], "installationType": record["installationType"],
                "integrationPackOverrideName": record["integrationPackOverrideName"],
                "runningVersions": dict(record["runningVersions"])}


def running_versions(pack):
    """{componentId: version} of the pack's current release (members never released are not running)."""
    return {cid: m["currentVersion"] for cid, m in pack["members"].items() if m["currentVersion"]}


def uninstall(data, instance_id):
    """Detach the instance from every environment, then remove it (Boomi's uninstall)."""
    for ident in [i for i, a in data.attachments.items() if a["integrationPackInstanceId"] == instance_id]:
        del data.attachments[ident]
    del data.instances[instance_id]
