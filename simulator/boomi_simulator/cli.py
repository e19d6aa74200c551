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
    for name, kind, default, text, choices in SETTINGS:
        parser.add_argument("--" + name.replace("_", "-"), type=kind, default=default, choices=choices,
                            help="%s (default %s)" % (text, default))
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
    config = Config(**{name: getattr(args, name) for name, *_rest in SETTINGS})
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
