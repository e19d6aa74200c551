"""Environment: where packages run, classified PROD or TEST (set once, at creation).

Rules: names are unique in an account; an environment with active deployments, or with an
integration pack instance attached (the OAS: "It is not possible to delete an environment that has
attached Runtimes or integration packs"), cannot be deleted.
"""

from ..errors import bad_request
from ..validate import check_body, check_enum
from .base import ObjectType


class Environment(ObjectType):
    name = "Environment"
    operations = ("create", "get", "update", "delete", "query", "bulk")
    allowed = ("id", "name", "classification", "parentAccount", "parentEnvironment")
    collection = "environments"
    dump_key = "environments"
    seed_key = "environments"
    properties = ("name", "id", "classification")

    def load_seed(self, data, item):
        data.environments[item["id"]] = {"@type": self.name, "id": item["id"], "name": item["name"],
                                         "classification": item.get("classification", "PROD")}

    def _check_name(self, ctx, name, own_id=None):
        if any(e["name"] == name and e["id"] != own_id for e in ctx.data.environments.values()):
            raise bad_request("An environment named '%s' already exists" % name)

    def create(self, ctx, body):
        check_body(body, self.name, self.allowed, required=("name",))
        check_enum(body, "classification", ("PROD", "TEST"), self.name)
        self._check_name(ctx, body["name"])
        record = {"@type": self.name, "id": ctx.store.new_id(), "name": body["name"],
                  "classification": body.get("classification", "PROD")}
        ctx.data.environments[record["id"]] = record
        return dict(record), True

    def update(self, ctx, ident, body):
        record = self.find(ctx, ident)
        check_body(body, self.name, self.allowed, required=("name",))
        if body.get("classification") not in (None, record["classification"]):
            raise bad_request("Environment.classification can only be set when the environment is created")
        self._check_name(ctx, body["name"], own_id=ident)
        record["name"] = body["name"]
        return dict(record), True

    def delete(self, ctx, ident):
        self.find(ctx, ident)
        if any(d["environmentId"] == ident and d["active"] for d in ctx.data.deployments.values()):
            raise bad_request("Environment %s has active deployments and cannot be deleted" % ident)
        attached = sorted(a["integrationPackInstanceId"] for a in ctx.data.attachments.values()
                          if a["environmentId"] == ident)
        if attached:
            raise bad_request("Environment %s cannot be deleted: integration pack instance(s) %s are attached to it; "
                              "detach them first" % (ident, ", ".join(attached)))
        del ctx.data.environments[ident]
