"""The WSGI application: Boomi's URL space, auth, faults, rate limit, and the control endpoints."""

import base64
import binascii
import json
import re
import socket
import threading
import time
from email.utils import formatdate

from werkzeug.wrappers import Request, Response

from .config import Config
from .control import CONTROL_ENDPOINTS
from .errors import ApiError, bad_request
from .faults import FaultBook
from .objects import OBJECTS, Context, tick_all
from .query import Pager, compile_filter
from .ratelimit import RateLimiter
from .store import Store
from .xmlbody import to_xml

BOOMI_PATH = re.compile(r"^/(?P<partner>partner/)?api/rest/v1/(?P<account>[^/]+)/(?P<object>[A-Za-z]+)(?:/(?P<rest>[^/]+))?/?$")
UNAVAILABLE = "The Boomi server is currently unavailable or your account's rate limits have been exceeded. Retry later."
FORBIDDEN = "Access denied due to insufficient permissions."
HTML_503 = ("<html><head><title>503 Service Temporarily Unavailable</title></head><body><center>"
            "<h1>503 Service Temporarily Unavailable</h1></center><hr><center>nginx</center></body></html>")


class Simulator:
    def __init__(self, seed, config=None, id_seed=0):
        self.config = config or Config()
        self.store = Store(seed, id_seed=id_seed)
        self.faults = FaultBook()
        self.limiter = RateLimiter(self.config.rate_limit, self.config.rate_window)
        self.pager = Pager(self.config.page_size)
        self.lock = threading.RLock()
        self.log = []

    # -- WSGI --------------------------------------------------------------------------------------
    def __call__(self, environ, start_response):
        request = Request(environ)
        if request.path.startswith("/__simulator__/"):
            response = self.control(request)
        else:
            response = self.boomi(request, environ)
        return response(environ, start_response)

    # -- Boomi API -----------------------------------------------------------------------------------
    def boomi(self, request, environ):
        wants_json = "json" in request.headers.get("Accept", "")
        match = BOOMI_PATH.match(request.path)
        raw = request.get_data(as_text=True)
        info = _request_info(request, match, raw)
        if self.config.latency_ms:
            time.sleep(self.config.latency_ms / 1000.0)
        # Boomi's limiter answers first: a refused request never reaches a fault (a fault meant for the
        # next create must not be used up by a 503 the client then retries)
        if match is not None and not self.limiter.allow(match.group("account")):
            info["rate_limited"] = True
            self._record(info, 503)
            # Boomi's answer, plus a header Boomi does not send, so test harnesses can tell the limit from a fault
            return _error(503, UNAVAILABLE, wants_json, {"X-Simulator-Rate-Limited": "true"})
        fault = self.faults.pick("before", info)
        if fault is not None:
            early = self._fault_before(fault, environ, wants_json)
            if early is not None:
                dropped = fault.kind == "drop_before"
                self._record(info, 0 if dropped else early.status_code, fault=fault.kind)
                return early
        after = self.faults.pick("after", info)
        try:
            status, payload, write = self._dispatch(request, match, info, raw, after)
        except ApiError as err:
            self._record(info, err.status, fault=fault.kind if fault else None)
            return _error(err.status, err.message, wants_json, err.headers)
        applied = after or fault  # a latency fault lets the request through but is still recorded
        self._record(info, status, write=write, fault=applied.kind if applied else None)
        if after is not None and after.kind in ("drop_after", "500_after", "504_after"):
            return self._fault_after(after, environ, wants_json)
        return _answer(status, payload, wants_json)

    def _dispatch(self, request, match, info, raw, after):
        if match is None:
            raise ApiError(404, "Made a call to an API endpoint that does not exist: %s" % request.path)
        account = match.group("account")
        user = self._authenticate(request)
        if account not in user.get("accounts", []):
            raise ApiError(403, FORBIDDEN)
        effective = self._effective_account(request, match, account)
        handler = OBJECTS.get(match.group("object"))
        operation = info["operation"]
        supported = operation in handler.operations if handler else False
        if operation == "queryMore":
            supported = handler is not None and "query" in handler.operations
        if not supported or not _method_fits(request.method, operation):
            raise ApiError(404, "Made a call to an API endpoint that does not exist: %s %s (%s does not support %s)"
                           % (request.method, request.path, match.group("object"), operation.upper()))
        base = "%s%sapi/rest/v1/%s" % (request.host_url, match.group("partner") or "", account)
        effects = [after.kind] if after is not None else []
        with self.lock:
            ctx = Context(self.store, self.store.data[effective], user, self.config, base, effects)
            tick_all(ctx)
            return self._operate(ctx, handler, operation, match.group("rest"), raw, request)

    def _operate(self, ctx, handler, operation, ident, raw, request):
        """(status, body, whether a write was committed) of one Boomi operation."""
        if operation == "queryMore":
            return 200, self.pager.next_page(handler.name, raw), False
        if operation == "get":
            status, payload = handler.answer_get(ctx, ident)
            return status, payload, False
        if operation == "delete":
            handler.delete(ctx, ident)
            return 200, None, True
        body = _json_body(raw, request, allow_empty=operation == "query")
        if operation == "query":
            predicate = compile_filter(body, handler.getters(), handler.name)
            return 200, self.pager.first_page(handler.name, handler.query_items(ctx, predicate)), False
        if operation == "bulk":
            return 200, handler.bulk(ctx, body), False
        if operation == "create":
            return (200,) + handler.create(ctx, body)
        return (200,) + handler.update(ctx, ident, body)

    def _authenticate(self, request):
        header = request.headers.get("Authorization", "")
        if not header.startswith("Basic "):
            raise ApiError(401, "Authentication required", {"WWW-Authenticate": 'Basic realm="Boomi"'})
        try:
            username, secret = _split_credentials(base64.b64decode(header[6:]).decode("utf-8"))
        except (binascii.Error, UnicodeDecodeError):
            raise ApiError(401, "Malformed Basic credentials") from None
        user = self.store.authenticate(username, secret)
        if user is None:
            raise ApiError(401, "Invalid user name or password / API token", {"WWW-Authenticate": 'Basic realm="Boomi"'})
        return user

    def _effective_account(self, request, match, account):
        override = request.args.get("overrideAccount")
        if not override:
            return account
        if not match.group("partner"):
            raise bad_request("overrideAccount is only accepted by the Partner API (/partner/api/rest/v1/...)")
        if override not in self.store.data or not self.store.is_descendant(override, account):
            raise ApiError(403, FORBIDDEN)
        return override

    # -- faults ------------------------------------------------------------------------------------
    def _fault_before(self, fault, environ, wants_json):
        kind = fault.kind
        if kind == "latency":
            time.sleep(int(fault.spec.get("latency_ms", 1000)) / 1000.0)
            return None
        if kind == "drop_before":
            return _drop(environ)
        if kind == "503_html":
            return Response(HTML_503, status=503, content_type="text/html")
        headers = {}
        if kind in ("503_retry_after", "429"):
            headers["Retry-After"] = _retry_after_value(fault.spec.get("retry_after", 1))
        status = int(kind[:3])
        message = fault.spec.get("message") or (UNAVAILABLE if status in (503, 429) else "Simulated %d error" % status)
        return _error(status, message, wants_json, headers)

    @staticmethod
    def _fault_after(fault, environ, wants_json):
        if fault.kind == "drop_after":
            return _drop(environ)
        return _error(int(fault.kind[:3]), "Simulated %s error after the change was committed" % fault.kind[:3], wants_json)

    def _record(self, info, status, write=False, fault=None):
        with self.lock:
            self.log.append({"seq": len(self.log) + 1, "method": info["method"], "path": info["path"],
                             "object": info["object"], "operation": info["operation"], "status": status,
                             "write": bool(write), "account": info["account"], "fault": fault,
                             "rate_limited": info.get("rate_limited", False)})

    # -- control endpoints (not Boomi) -------------------------------------------------------------
    def control(self, request):
        name = request.path[len("/__simulator__/"):].strip("/")
        endpoint = CONTROL_ENDPOINTS.get((request.method, name))
        try:
            if endpoint is None:
                raise ApiError(404, "Unknown simulator control endpoint %s /__simulator__/%s" % (request.method, name))
            body = request.get_json(silent=True) if request.get_data() else None
            with self.lock:
                payload = endpoint(self, request, body)
        except ApiError as err:
            return _error(err.status, err.message, True)
        return Response(json.dumps(payload), status=200, content_type="application/json")

    def tick(self):
        """Let time-driven changes (releases) happen in every account."""
        for data in self.store.data.values():
            tick_all(Context(self.store, data, None, self.config, ""))

    def apply_config(self, values):
        self.config.update(values)
        self.limiter.rate = self.config.rate_limit
        self.limiter.window = self.config.rate_window
        self.pager.page_size = self.config.page_size

    def reset(self, seed):
        self.store.load(seed)
        self.faults.clear()
        self.limiter.reset()
        self.pager.clear()
        self.log = []


# -- helpers -----------------------------------------------------------------------------------------
def _request_info(request, match, raw):
    operation = None
    if match:
        rest = match.group("rest")
        if rest in ("query", "queryMore", "bulk") and request.method == "POST":
            operation = rest
        elif rest is None:
            operation = "create" if request.method == "POST" else request.method.lower()
        else:
            operation = {"GET": "get", "POST": "update", "DELETE": "delete"}.get(request.method, request.method.lower())
    return {"method": request.method, "path": request.path, "body": raw,
            "object": match.group("object") if match else None, "operation": operation,
            "account": match.group("account") if match else None}


def _split_credentials(text):
    username, separator, secret = text.partition(":")
    return (username, secret) if separator else (username, "")


def _method_fits(method, operation):
    wanted = {"get": "GET", "delete": "DELETE"}.get(operation, "POST")
    return method == wanted


def _json_body(raw, request, allow_empty):
    if not raw.strip():
        if allow_empty:
            return {}
        raise bad_request("The request body is empty; send JSON with Content-Type: application/json")
    if "xml" in request.headers.get("Content-Type", ""):
        raise ApiError(400, "This simulator accepts JSON request bodies only (Content-Type: application/json)")
    try:
        return _without_type_tags(json.loads(raw))
    except ValueError as exc:
        raise bad_request("The request body is not valid JSON: %s" % exc) from None


def _without_type_tags(value):
    """Boomi accepts ``@type`` on any object at any depth, whatever its value (generated clients send
    the model name): drop it here so no handler has to know; every other unknown field stays a 400."""
    if isinstance(value, dict):
        return {key: _without_type_tags(item) for key, item in value.items() if key != "@type"}
    if isinstance(value, list):
        return [_without_type_tags(item) for item in value]
    return value


def _retry_after_value(value):
    if isinstance(value, str) and value.startswith("date+"):
        return formatdate(time.time() + float(value[5:]), usegmt=True)
    return str(value)


def _drop(environ):
    """Close the client's connection without an answer (werkzeug then drops the response)."""
    sock = environ.get("werkzeug.socket")
    if sock is not None:
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
    return Response(b"", status=500)


def _answer(status, payload, wants_json):
    if payload is None:
        return Response(b"", status=status)
    if wants_json:
        return Response(json.dumps(payload), status=status, content_type="application/json")
    return Response(to_xml(payload), status=status, content_type="application/xml")


def _error(status, message, wants_json, headers=None):
    if wants_json:
        body, ctype = json.dumps({"@type": "Error", "message": message}), "application/json"
    else:
        body, ctype = to_xml({"@type": "error", "message": message}, root="error"), "application/xml"
    return Response(body, status=status, content_type=ctype, headers=headers or {})
