"""Control endpoints under /__simulator__/ (not Boomi): reset, seed, state, requests, faults,
config and clock. Each is a function of (simulator, request, JSON body) returning JSON."""

from .errors import bad_request


def reset(sim, _request, _body):
    sim.reset(sim.store.seed)
    return {"reset": True}


def seed(sim, _request, body):
    if not isinstance(body, dict):
        raise bad_request("POST /__simulator__/seed takes the seed JSON")
    sim.reset(body)
    return {"seeded": True}


def state(sim, _request, _body):
    sim.tick()
    return sim.store.dump()


def requests_log(sim, request, _body):
    since = int(request.args.get("since", 0))
    entries = [e for e in sim.log if e["seq"] > since]
    boomi = [e for e in entries if e["object"]]
    return {"requests": entries,
            "summary": {"total": len(boomi), "writes": sum(e["write"] for e in boomi),
                        "reads": sum(1 for e in boomi if e["status"] == 200 and not e["write"]),
                        "last_seq": sim.log[-1]["seq"] if sim.log else 0}}


def clear_requests(sim, _request, _body):
    sim.log = []
    return {"cleared": True}


def list_faults(sim, _request, _body):
    return {"faults": sim.faults.list()}


def add_faults(sim, _request, body):
    specs = body if isinstance(body, list) else [body]
    if not all(isinstance(s, dict) for s in specs):
        raise bad_request("POST /__simulator__/faults takes a fault object or a list of them")
    return {"faults": [sim.faults.add(s).describe() for s in specs]}


def clear_faults(sim, _request, _body):
    sim.faults.clear()
    return {"faults": []}


def show_config(sim, _request, _body):
    return sim.config.as_dict()


def change_config(sim, _request, body):
    sim.apply_config(body or {})
    return sim.config.as_dict()


def move_clock(sim, _request, body):
    body = body or {}
    sim.store.clock_offset += float(body.get("advance_seconds", 0)) + 86400 * float(body.get("advance_days", 0))
    return {"now": sim.store.timestamp()}


CONTROL_ENDPOINTS = {
    ("POST", "reset"): reset,
    ("POST", "seed"): seed,
    ("GET", "state"): state,
    ("GET", "requests"): requests_log,
    ("DELETE", "requests"): clear_requests,
    ("GET", "faults"): list_faults,
    ("POST", "faults"): add_faults,
    ("DELETE", "faults"): clear_faults,
    ("GET", "config"): show_config,
    ("POST", "config"): change_config,
    ("POST", "clock"): move_clock,
}
