"""Fixtures of the sdk stage: Boomi's generated SDK pointed at the simulator, and the wire it talks over."""

import json
import time
import types

import pytest
import requests
from boomi import Boomi
from boomi.net.request_chain.handlers import http_handler

from ..conftest import ACCOUNT, TOKEN, USER

GAP = 0.15  # the SDK does not pace; the simulator enforces Boomi's 10 requests/s


class Wire:
    """What the SDK sent and got back last: the SDK calls http_handler.requests.request() for every call."""

    def __init__(self):
        self.last = None
        self.sent = []

    def request(self, method, url, **kwargs):
        time.sleep(GAP)
        response = requests.request(method, url, **kwargs)
        try:
            answer = response.json()
        except ValueError:
            answer = response.text
        self.last = {"method": method, "url": url, "sent": kwargs.get("json", kwargs.get("data")),
                     "status": response.status_code, "answer": answer}
        self.sent.append(self.last)
        return response

    def describe(self):
        last = self.last or {}
        return "%s %s -> %s\n  sent:   %s\n  answer: %s" % (
            last.get("method"), last.get("url"), last.get("status"), json.dumps(last.get("sent")),
            json.dumps(last.get("answer")))


@pytest.fixture
def wire(monkeypatch):
    capture = Wire()
    monkeypatch.setattr(http_handler, "requests", types.SimpleNamespace(request=capture.request))
    return capture


@pytest.fixture
def sdk(sim, wire):
    return Boomi(username="BOOMI_TOKEN." + USER, password=TOKEN, account_id=ACCOUNT,
                 base_url=sim.url + "/api/rest/v1/{accountId}", timeout=10000)
