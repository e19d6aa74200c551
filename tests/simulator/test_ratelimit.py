"""The simulator's rate limit windows, with a fake clock: rolling (the default) is the strictest reading of
Boomi's "10 requests per second", a token bucket the most lenient."""

import pytest
import requests
from boomi_simulator.config import DEFAULTS
from boomi_simulator.ratelimit import RateLimiter


class Clock:
    def __init__(self):
        self.now = 100.25

    def __call__(self):
        return self.now


def sends(limiter, clock, times):
    """Which of the requests at ``times`` (seconds from now) are let through."""
    start, allowed = clock.now, []
    for offset in times:
        clock.now = start + offset
        allowed.append(limiter.allow("acct"))
    return allowed


def test_the_default_is_boomis_limit_in_a_rolling_window():
    assert (DEFAULTS["rate_limit"], DEFAULTS["rate_window"]) == (10.0, "rolling")


def test_rolling_never_lets_more_than_the_rate_into_any_second():
    clock = Clock()
    limiter = RateLimiter(10, "rolling", clock=clock)
    burst = sends(limiter, clock, [0.01 * i for i in range(10)] + [0.5, 0.95, 1.0, 1.02])
    # ten in the first tenth of a second; then nothing until the first of them is a second old
    assert burst == [True] * 10 + [False, False, True, True]


def test_a_bucket_lets_a_burst_plus_its_refill_through():
    clock = Clock()
    limiter = RateLimiter(10, "bucket", clock=clock)
    allowed = sends(limiter, clock, [0.01 * i for i in range(10)] + [0.5 + 0.01 * i for i in range(6)])
    assert allowed.count(True) == 15  # 15 in 0.6 s: what the rolling window refuses


def test_fixed_windows_reset_on_the_calendar_second():
    clock = Clock()
    limiter = RateLimiter(10, "fixed", clock=clock)
    allowed = sends(limiter, clock, [0.6 + 0.01 * i for i in range(12)] + [0.8 + 0.01 * i for i in range(10)])
    assert allowed.count(True) == 20  # 10 before 101.0 and 10 after it: 20 within a quarter second


@pytest.mark.parametrize("window", ["rolling", "fixed", "bucket"])
def test_zero_turns_the_limit_off(window):
    clock = Clock()
    assert all(sends(RateLimiter(0, window, clock=clock), clock, [0.0] * 50))


@pytest.mark.parametrize("window", ["rolling", "fixed", "bucket"])
def test_below_one_a_second_lets_one_request_through_per_period(window):
    """0.5/s: one request per two seconds in every window (not none, which floor(0.5) would give)."""
    clock = Clock()
    clock.now = 100.0  # a period boundary for the fixed window
    allowed = sends(RateLimiter(0.5, window, clock=clock), clock, [0.0, 0.5, 1.5, 2.0, 2.1, 4.0])
    assert allowed == [True, False, False, True, False, True]


def test_an_unknown_window_is_refused(sim):
    reply = requests.post(sim.url + "/__simulator__/config", json={"rate_window": "sliding"}, timeout=5)
    assert reply.status_code == 400 and "rolling, fixed, bucket" in reply.json()["message"]
