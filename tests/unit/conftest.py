"""Fixtures for tests of our module_utils: the real client against the real simulator."""

import pytest

from ansible_collections.boomi.platform.plugins.module_utils.arguments import ConnectionSettings
from ansible_collections.boomi.platform.plugins.module_utils.client import BoomiClient

from ..conftest import ACCOUNT, TOKEN, USER, Simulator


class Recorder:
    """Collects what the client would sleep and warn, so tests assert them without waiting."""

    def __init__(self):
        self.sleeps = []
        self.warnings = []

    def sleep(self, seconds):
        self.sleeps.append(seconds)

    def warn(self, message):
        self.warnings.append(message)


def params(url, **overrides):
    base = {"account_id": ACCOUNT, "username": USER, "api_token": TOKEN, "api_url": url, "validate_certs": True,
            "timeout": 5.0, "max_retries": 5, "retry_delay": 1.0, "requests_per_second": 0.0}
    base.update(overrides)
    return base


@pytest.fixture
def recorder():
    return Recorder()


@pytest.fixture
def make_client(sim, recorder):
    def factory(url=None, rng=lambda: 0.5, **overrides):
        settings = ConnectionSettings(params(url or sim.url, **overrides))
        return BoomiClient(settings, warn=recorder.warn, sleep=recorder.sleep, rng=rng)
    return factory


@pytest.fixture
def client(make_client):
    return make_client()


@pytest.fixture
def sim(simulator_process):
    """The simulator without its rate limit: these clients count fake sleeps, so they cannot pace, and a 503
    they did not ask for would change what a test counts. Tests of pacing and 503s set the limit themselves."""
    simulator = Simulator(simulator_process.url)
    simulator.reset(rate_limit=0)
    return simulator
