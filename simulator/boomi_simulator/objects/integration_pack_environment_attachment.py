"""IntegrationPackEnvironmentAttachment: an installed instance attached to an environment.

Rules (the OAS): create takes ``integrationPackInstanceId`` and ``environmentId``; query by
``environmentId`` / ``integrationPackInstanceId`` (and queryMore); DELETE detaches; there is no
GET and no bulk. The id is synthesized from the environment and instance ids. Attaching is what
puts the pack's processes into the environment (no DeployedPackage in this path).
[I] Both must belong to the requesting account (an instance installed elsewhere, or another
account's environment, is a 400); attaching twice is a 400; the id is unpadded URL-safe base64
of ``"<integrationPackInstanceId>|<environmentId>"``; DELETE answers 200 with an empty body (Boomi
documents ``true``), as every DELETE of the simulator does.
"""

from ..errors import bad_request
from ..validate import check_body, check_type
from .account_group import synthesized_id
from .base import ObjectType


class IntegrationPackEnvironmentAttachment(ObjectType):
    name = "IntegrationPackEnvironmentAttachment"
    collection = "attachments"
    operations = ("create", "delete", "query")
    allowed = ("id", "integrationPackInstanceId", "environmentId")
    dump_key = "integration_pack_environment_attachments"
    properties = ("environmentId", "integrationPackInstanceId")

    def create(self, ctx, body):
        check_body(body, self.name, self.allowed, required=("integrationPackInstanceId", "environmentId"))
        for field in ("integrationPackInstanceId", "environmentId"):
            check_type(body, field, str, self.name)
        instance_id, environment_id = body["integrationPackInstanceId"], body["environmentId"]
        account = ctx.data.account_id
        if instance_id not in ctx.data.instances:
            raise bad_request("Integration pack instance '%s' is not installed in account %s" % (instance_id, account))
        if environment_id not in ctx.data.environments:
            raise bad_request("Environment '%s' is not an environment of account %s" % (environment_id, account))
        ident = synthesized_id(instance_id, environment_id)
        if ident in ctx.data.attachments:
            raise bad_request("Integration pack instance %s is already attached to environment %s"
                              % (instance_id, environment_id))
        record = {"@type": self.name, "id": ident, "integrationPackInstanceId": instance_id,
                  "environmentId": environment_id}
        ctx.data.attachments[ident] = record
        return dict(record), True

    def delete(self, ctx, ident):
        self.find(ctx, ident)
        del ctx.data.attachments[ident]
