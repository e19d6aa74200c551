"""Account-wide pacing across processes: 10 processes against a 10 requests/s limit draw no 503."""

import json
import subprocess
import sys
import textwrap

from ansible_collections.boomi.platform.plugins.module_utils.pacing import FilePacer

WORKER = textwrap.dedent("""
    import json, sys
    from ansible_collections.boomi.platform.plugins.module_utils.arguments import ConnectionSettings
    from ansible_collections.boomi.platform.plugins.module_utils.client import BoomiClient
    from ansible_collections.boomi.platform.plugins.module_utils.pacing import FilePacer
    params = json.loads(sys.argv[1])
    settings = ConnectionSettings(params)
    pacer = FilePacer(settings.api_host, settings.account_id, 8, directory=sys.argv[2])
    client = BoomiClient(settings, pacer=pacer, warn=lambda m: print("WARN", m))
    for dummy in range(int(sys.argv[3])):
        client.query_all("Environment")
""")


def test_ten_processes_stay_under_the_limit(sim, tmp_path):
    from ...conftest import params
    sim.configure(rate_limit=10)
    settings = json.dumps(params(sim.url, max_retries=0))
    procs = [subprocess.Popen([sys.executable, "-c", WORKER, settings, str(tmp_path), "4"],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True) for dummy in range(10)]
    outputs = [p.communicate(timeout=60)[0] for p in procs]
    assert all(p.returncode == 0 for p in procs), outputs
    log = [r for r in sim.requests()["requests"] if r["object"] == "Environment"]
    assert len(log) == 40
    assert [r for r in log if r["status"] == 503] == []


def test_without_pacing_the_limit_is_hit(sim, tmp_path):
    # the control experiment: the same load unpaced draws 503s, so the test above can fail
    from ...conftest import params
    sim.configure(rate_limit=10)
    settings = json.dumps(params(sim.url, max_retries=0, requests_per_second=0))
    worker = WORKER.replace("FilePacer(settings.api_host, settings.account_id, 8, directory=sys.argv[2])",
                            "FilePacer(settings.api_host, settings.account_id, 0)")
    procs = [subprocess.Popen([sys.executable, "-c", worker, settings, str(tmp_path), "4"],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True) for dummy in range(10)]
    for proc in procs:
        proc.communicate(timeout=60)
    log = [r for r in sim.requests()["requests"] if r["object"] == "Environment"]
    assert any(r["status"] == 503 for r in log)


def test_bucket_math_with_a_fake_clock(tmp_path):
    now = [1000.0]
    slept = []
    pacer = FilePacer("h", "a", 4, directory=str(tmp_path), sleep=slept.append, clock=lambda: now[0])
    delays = [pacer.wait() for dummy in range(6)]
    assert delays[:4] == [0.0] * 4  # a full bucket allows a burst of `rate`
    assert delays[4:] == [0.25, 0.5]  # then one every 1/rate seconds, queued in order
    now[0] += 10
    assert pacer.wait() == 0.0


def test_buckets_are_per_host_and_account(tmp_path):
    one = FilePacer("api.boomi.com", "acct-1", 1, directory=str(tmp_path), sleep=lambda s: None)
    two = FilePacer("api.boomi.com", "acct-2", 1, directory=str(tmp_path), sleep=lambda s: None)
    assert one.path != two.path
    assert one.wait() == 0.0 and two.wait() == 0.0
