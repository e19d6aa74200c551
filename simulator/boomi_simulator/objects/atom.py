"""Atom (a runtime) and EnvironmentAtomAttachment (a runtime attached to an environment).

Boomi installs runtimes on hosts, so a seed provides them: an id, a name and, optionally, the
environment it is attached to (``environment``). Rules (the OAS): Atom is read here by GET, query
(``name``, ``id``, ``hostname``, ``status``, ``type``, ...) and bulk; EnvironmentAtomAttachment is
created from ``atomId`` + ``environmentId``, queried by ``atomId`` / ``environmentId`` and deleted by
its id, synthesized from both. Attaching an attached runtime moves it to the new environment.
[I] Creating, changing and deleting runtimes is not simulated (a runtime is installed, not made
through the API); attachments are unlimited (Boomi's "Unlimited environment support"); the
attachment id is the unpadded URL-safe base64 of ``"<atomId>|<environmentId>"``; attaching a runtime
to the environment it is already attached to answers the existing attachment (no second record);
an unknown runtime or environment is a 400.
"""

from ..errors import bad_request
from ..validate import check_body, check_type
from .account_group import synthesized_id
from .base import ObjectType

INSTALLED = "2026-01-05T09:00:00Z"


class Atom(ObjectType):
    name = "Atom"
    collection = "atoms"
    operations = ("get", "query", "bulk")
    dump_key = "atoms"
    seed_key = "atoms"
    properties = ("name", "id", "status", "type", "capabilities", "cloudId", "instanceId", "isCloudAttachment")
    computed = {"hostname": lambda record: record["hostName"]}

    def load_seed(self, data, item):
        data.atoms[item["id"]] = {
            "@type": self.name, "id": item["id"], "name": item.get("name", item["id"]),
            "status": item.get("status", "ONLINE"), "type": item.get("type", "ATOM"),
            "hostName": item.get("hostName", "runtime-%s.example.com" % item["id"][-4:]),
            "dateInstalled": item.get("dateInstalled", INSTALLED), "currentVersion": item.get("currentVersion", "26.01.0"),
            "purgeHistoryDays": 30, "purgeImmediate": False, "forceRestartTime": 0, "isCloudAttachment": False,
        }
        if item.get("environment"):
            attach(data, item["id"], item["environment"])


class EnvironmentAtomAttachment(ObjectType):
    name = "EnvironmentAtomAttachment"
    collection = "atom_attachments"
    operations = ("create", "delete", "query")
    allowed = ("id", "atomId", "environmentId")
    dump_key = "environment_atom_attachments"
    properties = ("atomId", "environmentId")

    def create(self, ctx, body):
        check_body(body, self.name, self.allowed, required=("atomId", "environmentId"))
        for field in ("atomId", "environmentId"):
            check_type(body, field, str, self.name)
        atom_id, environment_id = body["atomId"], body["environmentId"]
        if atom_id not in ctx.data.atoms:
            raise bad_request("Runtime '%s' is not a runtime of account %s" % (atom_id, ctx.data.account_id))
        if environment_id not in ctx.data.environments:
            raise bad_request("Environment '%s' is not an environment of account %s" % (environment_id, ctx.data.account_id))
        return dict(attach(ctx.data, atom_id, environment_id)), True

    def delete(self, ctx, ident):
        self.find(ctx, ident)
        del ctx.data.atom_attachments[ident]


def attach(data, atom_id, environment_id):
    """Attach the runtime to the environment, moving it from any other one; returns the attachment."""
    ident = synthesized_id(atom_id, environment_id)
    for other in [i for i, a in data.atom_attachments.items() if a["atomId"] == atom_id and i != ident]:
        del data.atom_attachments[other]
    record = data.atom_attachments.setdefault(ident, {"@type": "EnvironmentAtomAttachment", "id": ident,
                                                      "atomId": atom_id, "environmentId": environment_id})
    return record


def atoms_of(data, environment_id):
    """Ids of the runtimes attached to the environment, in attachment order."""
    return [a["atomId"] for a in data.atom_attachments.values() if a["environmentId"] == environment_id]
