"""ComponentMetadata: GET (latest or ~version), query over every revision, bulk GET, paging, contract."""

import copy

from boomi_simulator.seed import BUILTIN_SEED

from ..conftest import ACCOUNT, COMPONENTS, SUB_ACCOUNT, BoomiClient, equals

INTAKE = COMPONENTS["order_intake"]          # revision 3 in the built-in seed
FULFIL = COMPONENTS["order_fulfilment"]      # revision 5


def results(answer):
    assert answer.status_code == 200, answer.text
    return answer.json().get("result", [])


def test_get_answers_the_latest_revision(boomi):
    answer = boomi.get("ComponentMetadata", INTAKE)
    assert answer.status_code == 200
    body = answer.json()
    assert body["@type"] == "ComponentMetadata" and body["componentId"] == INTAKE
    assert body["name"] == "Order Intake" and body["type"] == "process"
    assert body["version"] == 3 and body["currentVersion"] is True and body["deleted"] is False
    assert body["folderName"] and body["folderId"] and body["branchName"] == "main"
    assert boomi.checked == 1  # the contract schema was checked


def test_get_a_given_revision(boomi):
    body = boomi.get("ComponentMetadata", INTAKE + "~2").json()
    assert body["version"] == 2 and body["currentVersion"] is False
    assert body["modifiedDate"] < boomi.get("ComponentMetadata", INTAKE).json()["modifiedDate"]


def test_unknown_id_and_revision_are_no_such(boomi):
    for ident in ("3f1c2a10-ffff-4c6e-9d7a-00000000cfff", INTAKE + "~4", INTAKE + "~x"):
        answer = boomi.get("ComponentMetadata", ident)
        assert answer.status_code == 400 and answer.json()["message"].startswith("No such ComponentMetadata")


def test_query_returns_every_revision_and_current_version_filters(boomi):
    every = results(boomi.query("ComponentMetadata", equals("componentId", FULFIL)))
    assert [c["version"] for c in every] == [1, 2, 3, 4, 5]
    assert [c["currentVersion"] for c in every] == [False] * 4 + [True]
    latest = results(boomi.query("ComponentMetadata", {"operator": "and", "nestedExpression": [
        equals("name", "Order Fulfilment"), equals("currentVersion", "true")]}))
    assert [(c["componentId"], c["version"]) for c in latest] == [(FULFIL, 5)]


def test_query_by_type_account_and_like(boomi):
    processes = results(boomi.query("ComponentMetadata", {"operator": "and", "nestedExpression": [
        equals("type", "process"), equals("currentVersion", "true"), equals("accountId", ACCOUNT)]}))
    assert sorted(c["name"] for c in processes) == ["Invoice Sync", "Order Fulfilment", "Order Intake"]
    orders = results(boomi.query("ComponentMetadata", {"operator": "and", "nestedExpression": [
        {"property": "name", "operator": "LIKE", "argument": ["Order %"]}, equals("currentVersion", "true")]}))
    assert sorted(c["name"] for c in orders) == ["Order Fulfilment", "Order Intake", "Order Router"]


def test_query_pages_with_query_more(sim, boomi):
    sim.configure(page_size=4)
    first = boomi.query("ComponentMetadata", equals("accountId", ACCOUNT)).json()
    seen = list(first["result"])
    token = first.get("queryToken")
    while token:
        page = boomi.query_more("ComponentMetadata", token).json()
        seen.extend(page["result"])
        token = page.get("queryToken")
    # revisions 3 + 5 + 2 + 1 + 1 + 1 of the six seeded components
    assert len(first["result"]) == 4 and len(seen) == 13


def test_bulk_get_answers_the_latest_revision_and_a_400_per_unknown_id(boomi):
    answer = boomi.call("POST", "ComponentMetadata/bulk", {"type": "GET", "request": [
        {"id": INTAKE}, {"id": "nope"}, {"id": FULFIL}]})
    assert answer.status_code == 200
    response = answer.json()["response"]
    assert [r["statusCode"] for r in response] == [200, 400, 200]
    assert response[0]["Result"]["name"] == "Order Intake" and response[2]["Result"]["version"] == 5
    assert "No such ComponentMetadata" in response[1]["errorMessage"]


def test_components_are_per_account(sim):
    sub = BoomiClient(sim, partner=True, override=SUB_ACCOUNT)
    names = [c["name"] for c in results(sub.query("ComponentMetadata", equals("currentVersion", "true")))]
    assert names == ["Customer Process"]
    assert sub.get("ComponentMetadata", INTAKE).status_code == 400


def test_seeded_folder_and_deleted_component(sim, boomi):
    seed = copy.deepcopy(BUILTIN_SEED)
    seed["components"].append({"account": ACCOUNT, "id": "c-gone", "name": "Retired", "type": "process",
                               "revision": 2, "folder": "Archive", "deleted": True})
    sim.control("POST", "seed", seed)
    latest = boomi.get("ComponentMetadata", "c-gone").json()
    assert latest["deleted"] is True and latest["folderName"] == "Archive"
    assert boomi.get("ComponentMetadata", "c-gone~1").json()["deleted"] is False
    live = results(boomi.query("ComponentMetadata", {"operator": "and", "nestedExpression": [
        equals("folderName", "Archive"), equals("deleted", "false")]}))
    assert [c["version"] for c in live] == [1]


def test_writes_are_not_served(boomi):
    assert boomi.create("ComponentMetadata", {"componentId": INTAKE}).status_code == 404
    assert boomi.delete("ComponentMetadata", INTAKE).status_code == 404


def test_state_dump_keeps_the_components_key(sim):
    components = {c["id"]: c for c in sim.state()["components"]}
    assert components[INTAKE]["name"] == "Order Intake" and components[INTAKE]["revision"] == 3
