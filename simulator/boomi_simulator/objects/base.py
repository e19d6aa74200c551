"""What every simulated Boomi object shares: storage per account, GET, query, bulk GET, ids, dumps.

A subclass names its Boomi object, the account collection holding its records, the operations
Boomi documents for it and its queryable properties, and implements the operations that write.
Defining the class registers it: the store and the app find every object through the registry.
"""

from ..errors import ApiError, bad_request

REGISTRY = {}
MAX_BULK = 100


class Context:
    """What a handler needs: the store, the effective account's data, the caller and the settings."""

    def __init__(self, store, data, user, config, base_url, effects=()):
        self.store = store
        self.data = data
        self.user = user
        self.config = config
        self.base_url = base_url
        self.effects = set(effects)

    def missing(self, object_name, ident):
        return ApiError(self.config.missing_status, "No such %s: '%s'" % (object_name, ident))

    @staticmethod
    def handler(object_name):
        """Another object's handler, from the registry (objects never build each other)."""
        return REGISTRY[object_name]


class ObjectType:
    name = ""            # Boomi's object name, as in the URL
    collection = None    # the AccountData collection holding the records, by id
    operations = ()      # of: create, get, update, delete, query, bulk
    properties = ()      # queryable properties read straight from the record
    computed = {}        # queryable properties computed from the record: name -> getter
    dump_key = None      # the key of its records in GET /__simulator__/state
    seed_key = None      # the key of its records in a seed

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if cls.name:
            REGISTRY[cls.name] = cls()

    # -- storage ---------------------------------------------------------------------------------
    def records_by_id(self, ctx):
        return self.records_by_id_of(ctx.data)

    def records_by_id_of(self, data):
        return getattr(data, self.collection)

    def records(self, ctx):
        return list(self.records_by_id(ctx).values())

    def find(self, ctx, ident):
        record = self.records_by_id(ctx).get(ident)
        if record is None:
            raise ctx.missing(self.name, ident)
        return record

    # -- answers ---------------------------------------------------------------------------------
    def render(self, ctx, record):
        return dict(record)

    def get(self, ctx, ident):
        return self.render(ctx, self.find(ctx, ident))

    def answer_get(self, ctx, ident):
        """(status, body) of a GET; asynchronous objects answer 202 while they run."""
        return 200, self.get(ctx, ident)

    def getters(self):
        out = {name: (lambda record, key=name: record.get(key)) for name in self.properties}
        out.update(self.computed)
        return out

    def query_items(self, ctx, predicate):
        return [self.render(ctx, r) for r in self.records(ctx) if predicate(r)]

    def bulk(self, ctx, body):
        if not isinstance(body, dict) or body.get("type") != "GET" or not isinstance(body.get("request"), list):
            raise bad_request("A bulk request is {\"type\": \"GET\", \"request\": [{\"id\": ...}]}")
        if len(body["request"]) > MAX_BULK:
            raise bad_request("A bulk request takes at most %d ids" % MAX_BULK)
        answers = []
        for item in body["request"]:
            ident = item.get("id") if isinstance(item, dict) else None
            try:
                answers.append({"@type": "BulkResponse", "Result": self.get(ctx, ident), "statusCode": 200})
            except ApiError as err:
                answers.append({"@type": "BulkResponse", "id": ident, "statusCode": 400, "errorMessage": err.message})
        return {"@type": "BulkResult", "response": answers}

    # -- life cycle ------------------------------------------------------------------------------
    def tick(self, ctx):
        """Called before every request and state dump: let time-driven changes happen."""

    def dump(self, record):
        """The record as GET /__simulator__/state shows it: without internal (underscore) fields."""
        return {k: v for k, v in record.items() if not k.startswith("_")}

    def load_seed(self, data, item):
        raise NotImplementedError("%s has no seed records" % self.name)


def tick_all(ctx):
    for handler in REGISTRY.values():
        handler.tick(ctx)
