"""Basic auth, account access and the Partner API."""

from ..conftest import ACCOUNT, FOREIGN_ACCOUNT, PASSWORD, SUB_ACCOUNT, TOKEN, USER, BoomiClient


def test_token_auth(sim):
    assert BoomiClient(sim).query("Environment").status_code == 200


def test_password_auth(sim):
    assert BoomiClient(sim, username=USER, secret=PASSWORD).query("Environment").status_code == 200


def test_token_without_prefix_is_401(sim):
    assert BoomiClient(sim, username=USER, secret=TOKEN).query("Environment").status_code == 401


def test_bad_credentials_are_401(sim):
    answer = BoomiClient(sim, secret="wrong").query("Environment")
    assert answer.status_code == 401 and answer.json()["@type"] == "Error"


def test_foreign_account_is_403(sim):
    answer = BoomiClient(sim, account=FOREIGN_ACCOUNT).query("Environment")
    assert answer.status_code == 403
    assert answer.json()["message"] == "Access denied due to insufficient permissions."


def test_partner_override_sees_only_the_sub_account(sim):
    partner = BoomiClient(sim, partner=True, override=SUB_ACCOUNT)
    names = [e["name"] for e in partner.query("Environment").json()["result"]]
    assert names == ["Customer Production"]
    created = partner.create("Environment", {"name": "Customer Test", "classification": "TEST"})
    assert created.status_code == 200
    assert [e["name"] for e in sim.state(SUB_ACCOUNT)["environments"]] == ["Customer Production", "Customer Test"]
    assert "Customer Test" not in [e["name"] for e in sim.state(ACCOUNT)["environments"]]


def test_partner_without_override_is_the_primary(sim):
    names = [e["name"] for e in BoomiClient(sim, partner=True).query("Environment").json()["result"]]
    assert "Production" in names


def test_override_outside_the_hierarchy_is_403(sim):
    answer = BoomiClient(sim, partner=True, override=FOREIGN_ACCOUNT).query("Environment")
    assert answer.status_code == 403


def test_override_on_platform_prefix_is_rejected(sim):
    answer = BoomiClient(sim, override=SUB_ACCOUNT).query("Environment")
    assert answer.status_code == 400 and "Partner API" in answer.json()["message"]


def test_xml_error_when_json_not_asked(sim):
    import requests
    answer = requests.get(sim.api_base() + "/Environment/nope", auth=("BOOMI_TOKEN." + USER, TOKEN), timeout=10)
    assert answer.status_code == 400
    assert answer.text.startswith("<error><message>No such Environment")
