"""The simulator's own rules are tested one request after another, faster than Boomi's 10 requests/s:
these tests turn the rate limit off, except the ones about the rate limit, which set it themselves."""

import pytest

from ..conftest import Simulator


@pytest.fixture
def sim(simulator_process):
    simulator = Simulator(simulator_process.url)
    simulator.reset(rate_limit=0)
    return simulator
