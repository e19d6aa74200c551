"""The simulator's settings, declared once: the CLI, the app and the tests read this table."""

from .errors import bad_request
from .ratelimit import WINDOWS

# name, type, default, help, choices (None: any value of the type)
SETTINGS = (
    ("page_size", int, 100, "query results per page (Boomi: 100)", None),
    ("release_polls", int, 2, "status polls after which a release completes", None),
    ("release_seconds", float, 10.0, "seconds after which a release completes even if nobody polls", None),
    ("rate_limit", float, 10.0, "requests per second per primary account before 503 (Boomi's 10; 0 = off)", None),
    ("rate_window", str, "rolling", "how the second of the rate limit is measured: any one-second window (the "
     "strictest), calendar seconds, or a token bucket", WINDOWS),
    ("latency_ms", int, 0, "added latency per Boomi request, in milliseconds", None),
    ("missing_status", int, 400, "status for an unknown id on GET/DELETE (400 'No such ...', or 404)", (400, 404)),
    ("component_version_style", str, "int", "componentVersion as 2 (the schema) or \"2.0\" (Boomi's examples)",
     ("int", "string")),
    ("redeploy", str, "new", "deploying the already-active package: a new deployment version, or 400",
     ("new", "reject")),
    ("scheduled_status", str, "versions", "what the status of a SCHEDULED release lists: the versions it will "
     "release, or no components (Boomi documents the list for a finished release only)", ("versions", "bare")),
)
DEFAULTS = {name: default for name, _kind, default, _help, _choices in SETTINGS}
TYPES = {name: kind for name, kind, _default, _help, _choices in SETTINGS}
CHOICES = {name: choices for name, _kind, _default, _help, choices in SETTINGS if choices}


class Config:
    """The live settings; ``POST /__simulator__/config`` changes them at run time."""

    def __init__(self, **values):
        for name, default in DEFAULTS.items():
            setattr(self, name, default)
        self.update(values)

    def update(self, values):
        for key, value in values.items():
            if key not in TYPES:
                raise bad_request("Unknown simulator setting '%s'; settings: %s" % (key, ", ".join(TYPES)))
            value = TYPES[key](value)
            if key in CHOICES and value not in CHOICES[key]:
                raise bad_request("Simulator setting %s takes one of %s" % (key, ", ".join(map(str, CHOICES[key]))))
            setattr(self, key, value)

    def as_dict(self):
        return {key: getattr(self, key) for key in TYPES}
