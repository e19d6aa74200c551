"""The query engine and queryMore paging."""

import pytest

from ..conftest import ACCOUNT, COMPONENTS, equals
from .helpers import package

INTAKE = COMPONENTS["order_intake"]


@pytest.fixture
def three_packages(boomi):
    package(boomi, "order_intake", "1.0.0")
    package(boomi, "order_intake", "1.1.0", shareable=False)
    package(boomi, "invoice_sync", "2.0.0", notes="")
    return boomi


def versions(answer):
    assert answer.status_code == 200, answer.text
    return sorted(r["packageVersion"] for r in answer.json().get("result", []))


@pytest.mark.parametrize("expression, expected", [
    (equals("componentId", INTAKE), ["1.0.0", "1.1.0"]),
    ({"property": "packageVersion", "operator": "NOT_EQUALS", "argument": ["1.0.0"]}, ["1.1.0", "2.0.0"]),
    ({"property": "packageVersion", "operator": "LIKE", "argument": ["1.%"]}, ["1.0.0", "1.1.0"]),
    ({"property": "packageVersion", "operator": "STARTS_WITH", "argument": ["2"]}, ["2.0.0"]),
    ({"property": "packageVersion", "operator": "CONTAINS", "argument": [".1."]}, ["1.1.0"]),
    ({"property": "packageVersion", "operator": "NOT_CONTAINS", "argument": [".1."]}, ["1.0.0", "2.0.0"]),
    ({"property": "packageVersion", "operator": "BETWEEN", "argument": ["1.0.5", "2.0.0"]}, ["1.1.0", "2.0.0"]),
    ({"property": "packageVersion", "operator": "GREATER_THAN", "argument": ["1.0.0"]}, ["1.1.0", "2.0.0"]),
    ({"property": "packageVersion", "operator": "GREATER_THAN_OR_EQUAL", "argument": ["1.1.0"]}, ["1.1.0", "2.0.0"]),
    ({"property": "packageVersion", "operator": "LESS_THAN", "argument": ["1.1.0"]}, ["1.0.0"]),
    ({"property": "packageVersion", "operator": "LESS_THAN_OR_EQUAL", "argument": ["1.1.0"]}, ["1.0.0", "1.1.0"]),
    ({"property": "notes", "operator": "IS_NULL"}, ["2.0.0"]),
    ({"property": "notes", "operator": "IS_NOT_NULL"}, ["1.0.0", "1.1.0"]),
    (equals("shareable", "false"), ["1.1.0"]),
    ({"property": "shareable", "operator": "EQUALS", "argument": [True]}, ["1.0.0", "2.0.0"]),
])
def test_each_operator(three_packages, expression, expected):
    assert versions(three_packages.query("PackagedComponent", expression)) == expected


def test_nested_and_or(three_packages):
    expression = {"operator": "or", "nestedExpression": [
        {"operator": "and", "nestedExpression": [equals("componentId", INTAKE), equals("shareable", "true")]},
        equals("packageVersion", "2.0.0")]}
    assert versions(three_packages.query("PackagedComponent", expression)) == ["1.0.0", "2.0.0"]


def test_empty_body_means_everything(three_packages):
    assert versions(three_packages.query("PackagedComponent")) == ["1.0.0", "1.1.0", "2.0.0"]


@pytest.mark.parametrize("expression, fragment", [
    (equals("colour", "red"), "'colour' does not exist"),
    ({"property": "packageVersion", "operator": "SOUNDS_LIKE", "argument": ["x"]}, "Invalid query operator"),
    ({"property": "packageVersion", "operator": "BETWEEN", "argument": ["x"]}, "takes 2 argument"),
])
def test_bad_queries_are_400(boomi, expression, fragment):
    answer = boomi.query("PackagedComponent", expression)
    assert answer.status_code == 400 and fragment in answer.json()["message"]


def test_nothing_matches(boomi):
    body = boomi.query("PackagedComponent", equals("componentId", "nope")).json()
    assert body == {"@type": "QueryResult", "numberOfResults": 0}


@pytest.mark.parametrize("content_type", ["text/plain", "application/json"])
def test_250_objects_page_100_100_50(sim, boomi, content_type):
    envs = [boomi.create("Environment", {"name": "env-%03d" % i}) for i in range(245)]
    assert all(e.status_code == 200 for e in envs)  # 5 seeded + 245 = 250 environments
    pages = [boomi.query("Environment").json()]
    while "queryToken" in pages[-1]:
        pages.append(boomi.query_more("Environment", pages[-1]["queryToken"], content_type).json())
    assert [p["numberOfResults"] for p in pages] == [100, 100, 50]
    assert [len(p["result"]) for p in pages] == [100, 100, 50]
    names = [r["name"] for p in pages for r in p["result"]]
    assert len(set(names)) == 250
    assert "queryToken" not in pages[-1]


def test_page_size_is_configurable_and_tokens_are_opaque(sim, boomi):
    sim.configure(page_size=2)
    first = boomi.query("Environment").json()
    assert first["numberOfResults"] == 2 and len(first["queryToken"]) > 40


def test_invalid_query_token_is_400(boomi):
    answer = boomi.query_more("Environment", "not-a-token")
    assert answer.status_code == 400 and "queryToken" in answer.json()["message"]


def test_token_of_other_object_is_rejected(sim, boomi):
    sim.configure(page_size=2)
    token = boomi.query("Environment").json()["queryToken"]
    assert boomi.query_more("PackagedComponent", token).status_code == 400


def test_deployed_package_query_properties(boomi):
    from ..conftest import ENVIRONMENTS
    package_id = package(boomi).json()["packageId"]
    boomi.create("DeployedPackage", {"environmentId": ENVIRONMENTS["dev"], "packageId": package_id})
    expression = {"operator": "and", "nestedExpression": [
        equals("environmentId", ENVIRONMENTS["dev"]), equals("current", "true"),
        equals("componentName", "Order Intake"), equals("accountId", ACCOUNT)]}
    body = boomi.query("DeployedPackage", expression).json()
    assert body["numberOfResults"] == 1 and body["result"][0]["packageId"] == package_id
    assert "_componentName" not in body["result"][0]
