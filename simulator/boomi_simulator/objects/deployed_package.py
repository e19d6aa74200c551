"""DeployedPackage: a packaged component deployed to an environment.

Rules: deploying a package makes it the component's active deployment in that environment and
deactivates the previous one; each deployment of a component in an environment counts up its
``version``; a deployment by componentId is a PackagedComponent create of that component (no
packageVersion, so "<revision>.0") followed by its deployment, with the create's rules: when that
version exists already (deleted or not) the deployment is refused as the create is; a deleted package
cannot be deployed; listenerStatus missing or invalid keeps the current status; DELETE undeploys
(the record stays, inactive).
"""

from ..errors import bad_request
from ..validate import check_body
from .base import ObjectType


class DeployedPackage(ObjectType):
    name = "DeployedPackage"
    operations = ("create", "get", "delete", "query", "bulk")
    allowed = ("componentId", "environmentId", "listenerStatus", "notes", "packageId")

    collection = "deployments"
    dump_key = "deployments"
    properties = ("notes", "active", "componentId", "componentVersion", "componentType", "deployedBy", "deployedDate",
                  "environmentId", "packageId", "packageVersion", "version", "deploymentId")
    computed = {
        "uid": lambda r: r["deploymentId"], "current": lambda r: r["active"], "branch": lambda r: r["branchName"],
        "componentName": lambda r: r["_componentName"], "environmentName": lambda r: r["_environmentName"],
        "packageNotes": lambda r: r["_packageNotes"], "accountId": lambda r: r["_accountId"],
    }

    def render(self, ctx, record):
        out = {k: v for k, v in record.items() if not k.startswith("_")}
        if ctx.config.component_version_style == "string":
            out["componentVersion"] = "%d.0" % record["componentVersion"]
        return out

    def create(self, ctx, body):
        check_body(body, self.name, self.allowed, required=("environmentId",))
        env = ctx.data.environments.get(body["environmentId"])
        if env is None:
            raise bad_request("No such environment: '%s'" % body["environmentId"])
        package = self._package(ctx, body)
        active = [d for d in ctx.data.deployments.values()
                  if d["environmentId"] == env["id"] and d["componentId"] == package["componentId"] and d["active"]]
        if ctx.config.redeploy == "reject" and any(d["packageId"] == package["packageId"] for d in active):
            raise bad_request("Package %s is already deployed to environment %s" % (package["packageId"], env["id"]))
        # The OAS: without listenerStatus, or with an invalid one, the current status remains unchanged
        listener = body.get("listenerStatus")
        if listener not in ("RUNNING", "PAUSED"):
            listener = active[0]["listenerStatus"] if active else "RUNNING"
        for old in active:
            old["active"] = False
        history = [d for d in ctx.data.deployments.values()
                   if d["environmentId"] == env["id"] and d["componentId"] == package["componentId"]]
        component = ctx.data.components.get(package["componentId"], {})
        record = {
            "@type": self.name, "deploymentId": ctx.store.new_id(), "version": len(history) + 1,
            "packageId": package["packageId"], "packageVersion": package["packageVersion"], "environmentId": env["id"],
            "componentId": package["componentId"], "componentVersion": package["componentVersion"],
            "componentType": package["componentType"], "deployedDate": ctx.store.timestamp(),
            "deployedBy": ctx.user["username"], "notes": body.get("notes", ""), "active": True,
            "branchName": package["branchName"], "listenerStatus": listener,
            "_componentName": component.get("name", ""), "_environmentName": env["name"],
            "_packageNotes": package["notes"], "_accountId": ctx.data.account_id,
        }
        if "deploy_message" in ctx.effects:
            record["message"] = "The deployment exceeds the connection licenses available in this account."
        ctx.data.deployments[record["deploymentId"]] = record
        return self.render(ctx, record), True

    def _package(self, ctx, body):
        if body.get("packageId"):
            package = ctx.data.packages.get(body["packageId"])
            if package is None:
                raise bad_request("No such PackagedComponent: '%s'; DeployedPackage.packageId takes a packaged "
                                  "component id" % body["packageId"])
            if package["deleted"]:
                raise bad_request("PackagedComponent %s is deleted and cannot be deployed" % package["packageId"])
            return package
        if body.get("componentId"):
            return self._package_of_latest_revision(ctx, body["componentId"])
        raise bad_request("DeployedPackage needs packageId or componentId")

    @staticmethod
    def _package_of_latest_revision(ctx, component_id):
        """Deploy by componentId packages the component as a create without packageVersion would ("<revision>.0")
        and refuses what that create refuses, a version that exists already included. [I] One rule both ways:
        the OAS says this CREATE "packages with the specified component", and a package version is unique."""
        created = ctx.handler("PackagedComponent").create(ctx, {"componentId": component_id})[0]
        return ctx.data.packages[created["packageId"]]

    def delete(self, ctx, ident):
        record = self.find(ctx, ident)
        if not record["active"]:
            raise bad_request("Deployment %s is not active" % ident)
        record["active"] = False
