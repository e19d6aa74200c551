"""Components: what a seed provides (Boomi builds them in its UI, not through this API).

Each has an id, a name, a type (process, webservice, certificate, ...) and its latest revision.
"""

from .base import ObjectType


class ComponentMetadata(ObjectType):
    name = "ComponentMetadata"
    collection = "components"
    operations = ()
    dump_key = "components"
    seed_key = "components"

    def load_seed(self, data, item):
        data.components[item["id"]] = {"id": item["id"], "name": item.get("name", item["id"]),
                                       "type": item.get("type", "process"), "revision": int(item.get("revision", 1))}
