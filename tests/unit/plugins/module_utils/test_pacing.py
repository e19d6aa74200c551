"""Account-wide pacing across processes: never more than requests_per_second requests in any rolling second,
and a pacing file nobody else can steer (a hostile file falls back to in-process pacing with one warning)."""

import json
import os
import random
import subprocess
import sys
import textwrap

import pytest

from ansible_collections.boomi.platform.plugins.module_utils import pacing
from ansible_collections.boomi.platform.plugins.module_utils.pacing import FilePacer

WORKER = textwrap.dedent("""
    import json, sys
    from ansible_collections.boomi.platform.plugins.module_utils.arguments import ConnectionSettings
    from ansible_collections.boomi.platform.plugins.module_utils.client import BoomiClient
    from ansible_collections.boomi.platform.plugins.module_utils.pacing import FilePacer
    params = json.loads(sys.argv[1])
    settings = ConnectionSettings(params)
    pacer = FilePacer(settings.api_host, settings.account_id, RATE, directory=sys.argv[2], warn=print)
    client = BoomiClient(settings, pacer=pacer, warn=lambda m: print("WARN", m))
    print("ready", flush=True)
    sys.stdin.readline()  # every fork starts sending at once, after the imports (a CPU burst, not a request)
    for dummy in range(int(sys.argv[3])):
        client.query_all("Environment")
""")


def busiest_second(times):
    """The most send times in any one-second window [t, t + 1)."""
    times = sorted(times)
    return max(sum(1 for other in times[i:] if other < start + 1.0) for i, start in enumerate(times))


def run_workers(sim, tmp_path, rate, count=10, each=4):
    from ...conftest import params
    settings = json.dumps(params(sim.url, max_retries=0))
    worker = WORKER.replace("RATE", repr(rate))
    procs = [subprocess.Popen([sys.executable, "-c", worker, settings, str(tmp_path / "pacing"), str(each)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
             for dummy in range(count)]
    ready = [p.stdout.readline() for p in procs]
    assert all(line.strip() == "ready" for line in ready), ready
    outputs = [p.communicate("go\n", timeout=120)[0] for p in procs]
    return procs, outputs, [r for r in sim.requests()["requests"] if r["object"] == "Environment"]


def test_ten_processes_stay_under_a_rolling_window_limit(sim, tmp_path):
    sim.configure(rate_limit=10, rate_window="rolling")
    procs, outputs, log = run_workers(sim, tmp_path, 8)
    assert all(p.returncode == 0 for p in procs), outputs
    assert len(log) == 40
    assert [r for r in log if r["status"] == 503] == []
    print("10 processes x 4 requests at 8/s against a rolling 10/s window: %d x 503" % 0)


def test_without_pacing_the_limit_is_hit(sim, tmp_path):
    # the control experiment: the same load unpaced draws 503s, so the test above can fail
    sim.configure(rate_limit=10, rate_window="rolling")
    procs, outputs, log = run_workers(sim, tmp_path, 0)
    assert any(r["status"] == 503 for r in log)


# -- the window, with a fake clock ------------------------------------------------------------------
class FakeTime:
    def __init__(self, start=1000.0):
        self.now = start

    def clock(self):
        return self.now


def test_a_burst_is_spread_over_whole_seconds(tmp_path):
    fake = FakeTime()
    pacer = FilePacer("h", "a", 4, directory=str(tmp_path / "p"), sleep=lambda s: None, clock=fake.clock)
    delays = [pacer.wait() for dummy in range(10)]
    assert delays == [0.0] * 4 + [1.0] * 4 + [2.0] * 2  # four per second, the rest queued in order
    fake.now += 10
    assert pacer.wait() == 0.0


@pytest.mark.parametrize("rate", [8, 10, 2.5, 0.5])
def test_no_second_ever_holds_more_than_the_rate_across_processes(tmp_path, rate):
    """Ten pacers (one per fork) sharing a file, called at random moments: the busiest second of what they
    send holds at most floor(rate) requests (a token bucket would let a burst plus its refill through)."""
    fake, sent, rng = FakeTime(), [], random.Random(7)
    pacers = [FilePacer("h", "a", rate, directory=str(tmp_path / "p"), sleep=lambda s: None, clock=fake.clock)
              for dummy in range(10)]
    # each fork asks for its next request a moment after its previous one went; the earliest asks first
    ready = [fake.now + rng.random() for dummy in pacers]
    for dummy in range(400):
        fork = min(range(len(pacers)), key=ready.__getitem__)
        fake.now = ready[fork]
        sent.append(fake.now + pacers[fork].wait())
        ready[fork] = sent[-1] + rng.choice([0.0, 0.0, 0.01, 0.05, 0.2, 0.9])
    limit = max(1, int(rate))
    assert busiest_second(sent) == limit
    if rate < 1:
        assert min(b - a for a, b in zip(sorted(sent), sorted(sent)[1:])) >= 1 / rate - 1e-9
    print("rate %s: busiest second of 400 paced requests from 10 pacers holds %d" % (rate, busiest_second(sent)))


@pytest.mark.parametrize("rate", [0.5, 0.1])
def test_a_slow_rate_queues_many_forks_without_resetting_the_file(tmp_path, rate):
    """Below 1 request/s, forty forks asking at once reserve one span (1/rate s) apart, far more than a minute
    ahead: every reservation is honoured, none is sent early, and the file is never taken for a hostile one."""
    fake, warnings = FakeTime(), []
    pacers = [FilePacer("h", "a", rate, directory=str(tmp_path / "p"), sleep=lambda s: None, clock=fake.clock,
                        warn=warnings.append) for dummy in range(40)]
    delays = [pacer.wait() for pacer in pacers]
    assert delays == pytest.approx([n / rate for n in range(40)])
    assert delays[-1] > pacing.MAX_AHEAD and warnings == []
    with open(pacers[0].path) as handle:  # every reservation is in the file, with its rate
        slots = json.load(handle)["slots"]
    assert [when for when, dummy in slots] == pytest.approx([fake.now + n / rate for n in range(40)])
    assert {slot_rate for dummy, slot_rate in slots} == {rate}


def test_a_faster_pacer_keeps_a_slow_pacers_reservations(tmp_path):
    """Two jobs on one account with different requests_per_second share the file: the faster one does not take
    the slower one's reservations, minutes ahead, for a tampered file (which would reset them)."""
    fake = FakeTime()

    warnings = []

    def pacer(rate):
        return FilePacer("h", "a", rate, directory=str(tmp_path / "p"), sleep=lambda s: None, clock=fake.clock,
                         warn=warnings.append)
    slow = [pacer(0.5).wait() for dummy in range(40)]
    assert slow[-1] == pytest.approx(78.0)
    assert pacer(10).wait() <= pacing.ahead_limit(10) + pacing.WINDOW  # queued behind them, for a bounded time
    assert pacer(0.5).wait() >= 80.0  # the slow reservations are still there
    assert warnings == []  # and none of them was taken for one that no queue explains


def test_pacers_are_per_host_and_account(tmp_path):
    one = FilePacer("api.boomi.com", "acct-1", 1, directory=str(tmp_path), sleep=lambda s: None)
    two = FilePacer("api.boomi.com", "acct-2", 1, directory=str(tmp_path), sleep=lambda s: None)
    assert one.path != two.path


def test_rate_zero_is_off(tmp_path):
    pacer = FilePacer("h", "a", 0, directory=str(tmp_path / "p"))
    assert [pacer.wait() for dummy in range(50)] == [0.0] * 50
    assert not os.path.exists(tmp_path / "p")


def test_the_directory_is_private_and_the_file_is_created_private(tmp_path):
    pacer = FilePacer("h", "a", 5, directory=str(tmp_path / "p"), sleep=lambda s: None)
    pacer.wait()
    assert os.stat(tmp_path / "p").st_mode & 0o777 == 0o700
    assert os.stat(pacer.path).st_mode & 0o077 == 0
    assert pacer.local is None  # the shared file is in use


def test_default_directory_is_per_user(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    assert pacing.default_directory() == str(tmp_path / "boomi.platform-pacing")
    monkeypatch.delenv("XDG_RUNTIME_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    assert pacing.default_directory() == str(tmp_path / "cache" / "boomi.platform-pacing")
    assert not pacing.default_directory().startswith(os.path.join(pacing.tempfile.gettempdir(), "boomi"))


# -- a hostile or broken pacing file: one warning, in-process pacing, nothing written elsewhere -----
class Watch:
    def __init__(self, tmp_path, rate=4, **kwargs):
        self.warnings, self.slept = [], []
        self.fake = FakeTime()
        kwargs.setdefault("directory", str(tmp_path / "p"))
        self.pacer = FilePacer("h", "a", rate, sleep=self.slept.append, clock=self.fake.clock,
                               warn=self.warnings.append, **kwargs)

    def waits(self, count):
        return [self.pacer.wait() for dummy in range(count)]


def assert_falls_back(watch, reason):
    """Exactly one warning naming the reason, and the pacing still holds in-process."""
    assert watch.waits(6) == [0.0] * 4 + [1.0] * 2
    assert len(watch.warnings) == 1, watch.warnings
    assert reason in watch.warnings[0] and "pacing across processes is off" in watch.warnings[0]


def test_directory_that_is_a_symlink_is_refused(tmp_path):
    target = tmp_path / "elsewhere"
    target.mkdir(mode=0o700)
    (tmp_path / "p").symlink_to(target)
    watch = Watch(tmp_path)
    assert_falls_back(watch, "is a symlink")
    assert list(target.iterdir()) == []


def test_directory_of_another_user_is_refused(tmp_path):
    (tmp_path / "p").mkdir(mode=0o700)
    watch = Watch(tmp_path, uid=os.geteuid() + 4242)  # as if someone else had made it first
    assert_falls_back(watch, "belongs to uid %d" % os.geteuid())
    assert list((tmp_path / "p").iterdir()) == []


def test_directory_others_can_write_to_is_refused(tmp_path):
    (tmp_path / "p").mkdir()
    os.chmod(tmp_path / "p", 0o777)
    assert_falls_back(Watch(tmp_path), "has mode 777")


def test_directory_that_is_a_file_is_refused(tmp_path):
    (tmp_path / "p").write_text("not a directory")
    assert_falls_back(Watch(tmp_path), "not a directory")


def test_directory_that_cannot_be_created(tmp_path):
    (tmp_path / "file").write_text("")
    assert_falls_back(Watch(tmp_path, directory=str(tmp_path / "file" / "p")), "cannot create")


def test_deleted_directory_is_made_again(tmp_path):
    watch = Watch(tmp_path)
    watch.waits(1)
    os.unlink(watch.pacer.path)
    os.rmdir(tmp_path / "p")
    watch.waits(1)
    assert watch.warnings == [] and os.path.exists(watch.pacer.path)


def test_file_that_is_a_symlink_is_not_followed(tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    watch = Watch(tmp_path)
    (tmp_path / "p").mkdir(mode=0o700)
    os.symlink(victim, watch.pacer.path)
    assert_falls_back(watch, "a symlink")
    assert victim.read_text() == "precious"


def test_file_that_is_a_fifo_does_not_hang(tmp_path):
    watch = Watch(tmp_path)
    (tmp_path / "p").mkdir(mode=0o700)
    os.mkfifo(watch.pacer.path, 0o600)
    assert_falls_back(watch, "not a regular file")


def test_file_with_a_hard_link_is_refused(tmp_path):
    watch = Watch(tmp_path)
    (tmp_path / "p").mkdir(mode=0o700)
    other = tmp_path / "other.txt"
    other.write_text("precious")
    os.chmod(other, 0o600)
    os.link(other, watch.pacer.path)
    assert_falls_back(watch, "2 hard links")
    assert other.read_text() == "precious"


def test_file_others_can_write_to_is_refused(tmp_path):
    watch = Watch(tmp_path)
    (tmp_path / "p").mkdir(mode=0o700)
    with open(watch.pacer.path, "w") as handle:
        handle.write("{}")
    os.chmod(watch.pacer.path, 0o666)
    assert_falls_back(watch, "has mode 666")


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can give a file to another user")
def test_file_of_another_user_is_refused(tmp_path):
    watch = Watch(tmp_path)
    (tmp_path / "p").mkdir(mode=0o700)
    with open(watch.pacer.path, "w") as handle:
        handle.write("{}")
    os.chmod(watch.pacer.path, 0o600)
    os.chown(watch.pacer.path, 4242, 4242)
    assert_falls_back(watch, "belongs to uid 4242")


def test_a_file_locked_for_ever_does_not_hang(tmp_path, monkeypatch):
    import fcntl
    monkeypatch.setattr(pacing, "LOCK_WAIT", 0.2)
    watch = Watch(tmp_path)
    watch.waits(1)
    holder = os.open(watch.pacer.path, os.O_RDWR)
    try:
        fcntl.flock(holder, fcntl.LOCK_EX)
        watch.fake.now += 5
        assert_falls_back(watch, "stayed locked")
    finally:
        os.close(holder)


@pytest.mark.parametrize("contents", [
    b'{"tokens": -1e9, "stamp": 1000}',            # the old bucket, poisoned: would sleep for years
    b'{"tokens": -Infinity, "stamp": 1000}',
    b'{"slots": [-Infinity]}',
    b'{"slots": [NaN, NaN, NaN, NaN]}',
    b'{"slots": [1e300, 1e300, 1e300, 1e300]}',    # far ahead: every request would wait for ever
    b'{"slots": [1000, 1000, 1000, 1059.5, 1000]}',  # not in order
    b'{"slots": [true, true, true, true]}',
    b'{"slots": ["1000", "1000", "1000", "1000"]}',
    b'{"slots": ' + json.dumps([1000.0] * 5000).encode() + b'}',
    b'[1, 2, 3]',
    b'\xff\xfe garbage',
    b'{"slots": [1000',
    b' ' * (pacing.MAX_BYTES + 10),
    b'{"slots": ' + b'[' * 20000 + b']' * 20000 + b'}',   # deeper than Python's stack: RecursionError
    b'{"slots": [' + b'9' * 400 + b']}',                  # an int too large for a float: OverflowError
    b'{"slots": [' + b'9' * 5000 + b']}',                 # more digits than int() takes: ValueError
], ids=lambda c: c[:24].decode("utf-8", "replace"))
def test_poisoned_contents_are_reset(tmp_path, contents):
    watch = Watch(tmp_path)
    write_state(watch, contents)
    assert watch.waits(5) == [0.0] * 4 + [1.0]  # as if the file were new: no sleep for years, no failure
    assert len(watch.warnings) == 1 and watch.pacer.path in watch.warnings[0], watch.warnings  # one, naming the file
    with open(watch.pacer.path) as handle:
        assert json.load(handle) == {"slots": [[1000.0, 4.0]] * 4 + [[1001.0, 4.0]]}


def write_state(watch, contents):
    os.makedirs(watch.pacer.directory, mode=0o700, exist_ok=True)
    fd = os.open(watch.pacer.path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.write(fd, contents if isinstance(contents, bytes) else json.dumps(contents).encode())
    os.close(fd)


@pytest.mark.parametrize("slots", [[1600.0], [[1600.0, 8.0]], [[1600.0, 8.0], [1600.125, 8.0]],
                                   [[999.5, 8.0], [1600.0, 0.01]]],
                         ids=["old format", "one", "and one queued behind it", "behind a past one, at a slow rate"])
def test_a_send_time_no_queue_explains_is_dropped_with_a_warning_naming_the_file(tmp_path, slots):
    """The red team's {"slots": [now + 600]}: every request slept 61 s and wrote the far time back. Now the time
    (and whatever was queued only behind it) is dropped once, with a warning naming the file, and nobody waits."""
    watch = Watch(tmp_path, rate=8)
    write_state(watch, {"slots": slots})
    assert watch.waits(1) == [0.0]
    assert len(watch.warnings) == 1 and watch.pacer.path in watch.warnings[0] and "dropped" in watch.warnings[0]
    other = Watch(tmp_path, rate=8)  # the next process finds a clean file: no warning, no wait
    other.fake.now = watch.fake.now
    assert other.waits(1) == [0.0] and other.warnings == []
    with open(watch.pacer.path) as handle:
        assert max(when for when, rate in json.load(handle)["slots"]) <= watch.fake.now


def test_a_backward_clock_step_drops_the_times_reserved_before_it(tmp_path):
    watch = Watch(tmp_path)  # 4 requests/s
    assert watch.waits(8) == [0.0] * 4 + [1.0] * 4  # four queued a second ahead: explained, kept
    watch.fake.now += 2 * pacing.MAX_BEHIND
    assert watch.waits(4) == [0.0] * 4  # stale times are dropped without a word
    assert watch.warnings == []
    watch.fake.now -= 30  # the wall clock stepped back 30 s (NTP, a VM snapshot restored)
    assert watch.waits(5) == [0.0] * 4 + [1.0]  # not 31 s: the times ahead are no queue's, only the clock's
    assert len(watch.warnings) == 1 and "dropped 4 send time(s)" in watch.warnings[0]
    assert watch.pacer.path in watch.warnings[0]


def test_a_queue_ahead_is_honoured_exactly(tmp_path):
    """Times that the queue explains stay, however far ahead: a request waits what the requests before it need,
    not less (the rate holds) and not more."""
    watch = Watch(tmp_path, rate=2)
    write_state(watch, {"slots": [[999.0, 2.0], [1000.0, 2.0], [1000.0, 2.0], [1001.0, 2.0], [1001.0, 2.0]]})
    assert watch.waits(1) == [2.0]  # behind the two requests queued for the second from 1001
    assert watch.warnings == []


def test_client_warns_once_and_still_works_with_a_hostile_default_directory(sim, make_client, recorder, tmp_path,
                                                                            monkeypatch):
    target = tmp_path / "attacker"
    target.mkdir(mode=0o700)
    (tmp_path / "boomi.platform-pacing").symlink_to(target)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    client = make_client(requests_per_second=50)
    for dummy in range(3):
        assert client.query_all("Environment")
    warnings = [w for w in recorder.warnings if "pacing" in w]
    assert len(warnings) == 1 and "is a symlink" in warnings[0]
    assert list(target.iterdir()) == []
