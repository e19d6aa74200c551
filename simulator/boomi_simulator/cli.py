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

from .app import Config, Simulator
from .seed import BUILTIN_SEED


class QuietHandler(WSGIRequestHandler):
    """No access log on stderr: tests read /__simulator__/requests instead."""

    def log_request(self, *args, **kwargs):
        pass

    def log(self, *args, **kwargs):
        pass


def build_parser():
    parser = argparse.ArgumentParser(prog="boomi-simulator", description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8765, help="port; 0 picks a free one (default 8765)")
    parser.add_argument("--page-size", type=int, default=100, help="query results per page (Boomi: 100)")
    parser.add_argument("--release-polls", type=int, default=2,
                        help="status polls after which a release completes (default 2)")
    parser.add_argument("--release-seconds", type=float, default=10.0,
                        help="seconds after which a release completes even if nobody polls (default 10)")
    parser.add_argument("--rate-limit", type=float, default=0.0,
                        help="requests per second per primary account before 503 (Boomi: 10; 0 = off)")
    parser.add_argument("--latency-ms", type=int, default=0, help="added latency per Boomi request")
    parser.add_argument("--missing-status", type=int, choices=(400, 404), default=400,
                        help="status for an unknown id on GET/DELETE (default 400, 'No such ...')")
    parser.add_argument("--component-version-style", choices=("int", "string"), default="int",
                        help="componentVersion as 2 (schema) or \"2.0\" (Boomi's examples)")
    parser.add_argument("--redeploy", choices=("new", "reject"), default="new",
                        help="deploying the already-active package: new deployment version, or 400")
    parser.add_argument("--tls", action="store_true", help="serve HTTPS with a throwaway CA")
    parser.add_argument("--ca-file", help="where --tls writes the CA certificate (default: a temp file)")
    parser.add_argument("--seed", metavar="FILE", help="JSON seed: accounts, users, components, environments")
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
    args = build_parser().parse_args(argv)
    seed = BUILTIN_SEED
    if args.seed:
        with open(args.seed, encoding="utf-8") as handle:
            seed = json.load(handle)
    config = Config(page_size=args.page_size, release_polls=args.release_polls,
                    release_seconds=args.release_seconds, rate_limit=args.rate_limit, latency_ms=args.latency_ms,
                    missing_status=args.missing_status, component_version_style=args.component_version_style,
                    redeploy=args.redeploy)
    app = Simulator(seed, config, id_seed=args.id_seed)
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
