"""IntegrationPack: the consumer's view, the packs an account may install (read-only).

Rules (the OAS and Boomi's help): GET, query (``name``, ``id``, ``installationType``) and bulk;
it lists the packs other accounts share with an account group holding the requesting account,
never the packs the account publishes itself. The id is the publisher's pack id.
[I] Only packs with at least one successful release are listed.
"""

from .account_group_integration_pack import available_packs
from .base import ObjectType


class IntegrationPack(ObjectType):
    name = "IntegrationPack"
    collection = "shares"  # no records of its own: computed from the publishers' shares
    operations = ("get", "query", "bulk")
    properties = ("name", "id", "installationType")

    def records_by_id(self, ctx):
        return {pack_id: {"@type": self.name, "id": pack_id, "name": pack["name"], "Description": pack["Description"],
                          "installationType": pack["installationType"]}
                for pack_id, (dummy, pack) in available_packs(ctx.store, ctx.data.account_id).items()}
