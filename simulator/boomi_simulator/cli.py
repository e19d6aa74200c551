"""``boomi-simulator``: serve the simulated Boomi API on loopback.

The first line printed is the server root URL (handy with ``--port 0``); with ``--tls`` the
second line names the CA file a client must trust.
"""

import argparse
import json
import os
import sys
import tempfile

from werkzeug.serving import WSGIRequestHandler, make_server

from .app import Simulator
from .config import SETTINGS, Config
from .errors import ApiError
from .faults import KINDS
from .seed import BUILTIN_SEED

DESCRIPTION = """A stateful local stand-in for Boomi's Platform API (/api/rest/v1/{accountId}/... and the Partner API
/partner/api/rest/v1/{accountId}/...?overrideAccount=), with Basic auth: user BOOMI_TOKEN.<username> and the API
token, or the username and password. It prints its root URL on the first line (with --tls, the CA file on the
second). Without --seed it starts from the built-in seed (account boomi-demo-A1B2C3, user ops@example.com, token
demo-token-0000-0000; the README lists its ids)."""

# The seed file (--seed, and POST /__simulator__/seed): what Boomi's API cannot create. A test loads this example.
SEED_EXAMPLE = {
    "accounts": [{"id": "acme-A1", "name": "Acme"},
                 {"id": "acme-CUST1", "name": "Acme Customer 1", "parent": "acme-A1"}],
    "users": [{"username": "ops@acme.example", "token": "acme-token", "password": "acme-password",
               "accounts": ["acme-A1"]}],
    "components": [{"account": "acme-A1", "id": "c0ffee00-0000-4000-8000-000000000001", "name": "Order Intake",
                    "type": "process", "revision": 3}],
    "environments": [{"account": "acme-A1", "id": "e0000000-0000-4000-8000-000000000001", "name": "Test",
                      "classification": "TEST"},
                     {"account": "acme-CUST1", "id": "e0000000-0000-4000-8000-000000000002", "name": "Customer Prod",
                      "classification": "PROD"}],
    "account_groups": [{"account": "acme-A1", "id": "a0000000-0000-4000-8000-000000000001", "name": "Customers",
                        "accounts": ["acme-CUST1"]}],
    "atoms": [{"account": "acme-A1", "id": "a7000000-0000-4000-8000-000000000001", "name": "Test Atom",
               "environment": "e0000000-0000-4000-8000-000000000001"}],
}

SEED_HELP = """seed file (--seed FILE, or the body of POST /__simulator__/seed), JSON with these lists (each optional):
  accounts        {id, name?, parent?}: parent makes a managed (sub-)account, reachable through the Partner API
  users           {username, token?, password?, accounts: [account ids the user may call]}
  components      {account, id, name?, type? (process), revision? (1), folder? (Home), createdDate?
                  (2026-01-05T09:00:00Z), createdBy?, deleted?, extensions?}: Boomi builds components in its UI, so
                  the seed holds them; revisions 1..revision exist, and packages are made through the API;
                  extensions (connections, process properties, a cross-reference table) are what an environment
                  running the process may override (EnvironmentExtensions)
  environments    {account, id, name, classification? (PROD; or TEST)}
  account_groups  {account (the publisher), id, name, defaultGroup?, autoSubscribeAlertLevel?,
                  accounts: [account ids in the group]}
  atoms           {account, id, name, environment? (the environment it is attached to), ...}: runtimes, which
                  Boomi installs on hosts; ProcessSchedules exist per process running on one
Every other object (packaged components, packs, releases, deployments, instances, ...) is created through the API.
An object naming an account the seed does not declare is refused. Example:
%s"""

FAULT_HELP = """a fault rule: {kind, method?, object?, operation?, match? (a substring of the body), nth? (let nth-1 matching
requests through first), count? (default 1), probability? with seed?, retry_after?, latency_ms?, message?}, e.g.
  {"kind": "drop_after", "object": "DeployedPackage", "operation": "create", "nth": 2}
kinds: %s"""

CONTROL_HELP = {  # (method, endpoint) -> what it does; a test checks this covers every control endpoint
    ("POST", "reset"): "back to the last seed loaded; clears faults, the rate limiter and the request log",
    ("POST", "seed"): "load another seed (the JSON of --seed), then as reset",
    ("GET", "state"): "every object, per account, and the simulator's clock",
    ("GET", "requests"): "the request log (?since=N): method, path, object, operation, status, write; and counts",
    ("DELETE", "requests"): "clear the request log",
    ("GET", "faults"): "the fault rules",
    ("POST", "faults"): "add a rule (or a list of them), see below",
    ("DELETE", "faults"): "clear the fault rules",
    ("GET", "config"): "the settings of the options above (page_size, release_polls, rate_limit, ...)",
    ("POST", "config"): "change settings at run time, e.g. {\"rate_limit\": 0}",
    ("POST", "clock"): "move the clock: {advance_days: N} and/or {advance_seconds: N} (scheduled releases)",
}


def seed_example():
    """SEED_EXAMPLE as JSON, one object per line."""
    lists = ",\n".join('  "%s": [\n    %s\n  ]' % (key, ",\n    ".join(json.dumps(item) for item in items))
                       for key, items in SEED_EXAMPLE.items())
    return "{\n%s\n}" % lists


def epilog():
    example = seed_example()
    control = "\n".join("  %-6s /__simulator__/%-9s %s" % (method, name, text)
                        for (method, name), text in CONTROL_HELP.items())
    return "%s\n\ncontrol API (not Boomi; JSON in and out, no authentication, never under the Boomi prefixes):\n%s" \
        "\n\n%s\n\ndocs/simulator-choices.md describes both, and the behaviour Boomi does not document." \
        % (SEED_HELP % example, control, FAULT_HELP % ", ".join(KINDS))


class QuietHandler(WSGIRequestHandler):
    """No access log on stderr: tests read /__simulator__/requests instead."""

    def log_request(self, *args, **kwargs):
        pass

    def log(self, *args, **kwargs):
        pass


def build_parser():
    parser = argparse.ArgumentParser(prog="boomi-simulator", description=DESCRIPTION, epilog=epilog(),
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8765, help="port; 0 picks a free one (default 8765)")
    for name, kind, default, text, choices in SETTINGS:
        parser.add_argument("--" + name.replace("_", "-"), type=kind, default=default, choices=choices,
                            help="%s (default %s)" % (text, default))
    parser.add_argument("--tls", action="store_true", help="serve HTTPS with a throwaway CA")
    parser.add_argument("--ca-file", help="where --tls writes the CA certificate (default: a temp file)")
    parser.add_argument("--seed", metavar="FILE", help="JSON seed file instead of the built-in seed (see below)")
    parser.add_argument("--id-seed", type=int, default=0, help="seed for generated ids (deterministic runs)")
    return parser


def tls_context(ca_file):
    import ssl

    import trustme

    ca = trustme.CA()
    cert = ca.issue_cert("127.0.0.1", "localhost", "::1")
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    cert.configure_cert(context)
    ca.cert_pem.write_to_path(ca_file)
    return context


def main(argv=None):
    parser = build_parser()
    args = parser.parse_args(argv)
    seed = BUILTIN_SEED
    if args.seed:
        try:
            with open(args.seed, encoding="utf-8") as handle:
                seed = json.load(handle)
        except (OSError, ValueError) as err:
            parser.error("--seed %s: %s" % (args.seed, err))
    config = Config(**{name: getattr(args, name) for name, *_rest in SETTINGS})
    try:
        app = Simulator(seed, config, id_seed=args.id_seed)
    except (ApiError, KeyError, TypeError, AttributeError) as err:
        parser.error("--seed %s: not a seed (%s); see the seed file in --help" % (args.seed, getattr(err, "message", err)))
    context, ca_file = None, None
    if args.tls:
        ca_file = args.ca_file or os.path.join(tempfile.mkdtemp(prefix="boomi-simulator-"), "ca.pem")
        context = tls_context(ca_file)
    server = make_server(args.host, args.port, app, threaded=True, request_handler=QuietHandler,
                         ssl_context=context)
    host = "[%s]" % args.host if ":" in args.host else args.host
    print("%s://%s:%d" % ("https" if context else "http", host, server.server_port), flush=True)
    if ca_file:
        print("CA file: %s" % ca_file, flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
