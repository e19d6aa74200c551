"""Issue 22: a pacing file holding a send time far ahead (a backward clock step, a VM snapshot restored, an edited
file) stalled every request for a minute, and each process wrote the far time back. A real module run through
ansible-playbook now drops it once, warns naming the file, and does not wait."""

import hashlib
import json
import os
import time
from urllib.parse import urlsplit

import yaml

from ..conftest import ACCOUNT
from ..integration.playbook import connection, run_playbook
from .report import record


def pacing_file(tmp_path, sim):
    directory = tmp_path / "runtime" / "boomi.platform-pacing"
    directory.mkdir(parents=True, mode=0o700)
    os.chmod(directory.parent, 0o700)
    key = hashlib.sha256(("%s|%s" % (urlsplit(sim.url).netloc, ACCOUNT)).encode("utf-8")).hexdigest()[:24]
    return directory / (key + ".json")


def test_a_send_time_far_ahead_does_not_stall_a_module(sim, tmp_path):
    path = pacing_file(tmp_path, sim)
    path.write_text(json.dumps({"slots": [time.time() + 600]}))
    os.chmod(path, 0o600)
    tasks = [{"name": "read environments %d" % n, "boomi.platform.boomi_environment_info": {}} for n in range(3)]
    book = tmp_path / "paced.yml"
    book.write_text(yaml.safe_dump([{
        "name": "paced reads", "hosts": "localhost", "connection": "local", "gather_facts": False,
        "vars": {"ansible_python_interpreter": "{{ ansible_playbook_python }}"},
        "module_defaults": {"group/boomi.platform.boomi": connection(sim, requests_per_second=8)},
        "tasks": tasks}], sort_keys=False))
    started = time.monotonic()
    proc = run_playbook(book, env={"XDG_RUNTIME_DIR": str(tmp_path / "runtime")})
    took = time.monotonic() - started
    record("pacing_file", case="send time 600 s ahead", tasks=len(tasks), seconds=round(took, 1))
    output = " ".join((proc.stdout + proc.stderr).split())  # Ansible wraps long warnings
    assert took < 30, "%.1f s: the far send time still made requests wait" % took
    assert output.count("dropped 1 send time(s)") == 1 and str(path) in output
    slots = json.loads(path.read_text())["slots"]
    assert slots and max(when for when, rate in slots) < time.time() + 1  # not written back
