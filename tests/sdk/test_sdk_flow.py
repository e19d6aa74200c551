"""A third party's view of the simulator: Boomi's SDK generated from Boomi's own OpenAPI document (the `boomi`
package on PyPI, pinned in requirements-dev.txt) drives the integration-pack flow, and every answer must
hydrate into the SDK's typed model. The fixtures (the SDK and the wire it talks over) are in conftest.py.

The SDK never raises on a 2xx answer it cannot read: it quietly returns the raw dict or text instead
(BaseService._deserialize_or_raw). So each answer is checked with isinstance(), and on a miss the model's
own _unmap() is run on the raw body to show why.
"""

import time

import pytest
from boomi.models import (
    DeployedPackage,
    Environment,
    PackagedComponent,
    PackagedComponentQueryConfig,
    PackagedComponentQueryConfigQueryFilter,
    PackagedComponentQueryResponse,
    PackagedComponentSimpleExpression,
    PublisherIntegrationPack,
    PublisherIntegrationPackQueryConfig,
    PublisherIntegrationPackQueryConfigQueryFilter,
    PublisherIntegrationPackQueryResponse,
    PublisherIntegrationPackSimpleExpression,
    PublisherPackagedComponent,
    PublisherPackagedComponents,
    ReleaseIntegrationPack,
    ReleaseIntegrationPackStatus,
    ReleasePackagedComponent,
    ReleasePackagedComponents,
)
from boomi.net.transport.api_error import ApiError

from ..conftest import COMPONENTS, ENVIRONMENTS

COMPONENT = COMPONENTS["order_intake"]
ENVIRONMENT = ENVIRONMENTS["dev"]


def typed(wire, call, model, item_model=None):
    """Run one SDK call; its answer must be a ``model`` (and its result items ``item_model``)."""
    try:
        answer = call()
    except ApiError as exc:
        pytest.fail("the SDK raised %s (status %s)\n%s" % (exc.message, exc.status, wire.describe()))
    if not isinstance(answer, model):
        try:
            model._unmap(wire.last["answer"])
            why = "no error from %s._unmap()" % model.__name__
        except Exception as exc:  # noqa: BLE001 - whatever the model raised is the reason
            why = "%s._unmap(): %s: %s" % (model.__name__, type(exc).__name__, exc)
        pytest.fail("got %s, not %s (%s)\n%s" % (type(answer).__name__, model.__name__, why, wire.describe()))
    for item in getattr(answer, "result", None) or [] if item_model else []:
        assert isinstance(item, item_model), "a result item is %s, not %s\n%s" % (
            type(item).__name__, item_model.__name__, wire.describe())
    return answer


def value(field):
    return getattr(field, "value", field)  # the SDK keeps enums as it got them: an Enum or a str


def packaged_component_query(component_id):
    return PackagedComponentQueryConfig(query_filter=PackagedComponentQueryConfigQueryFilter(
        expression=PackagedComponentSimpleExpression(operator="EQUALS", property="componentId",
                                                     argument=[component_id])))


def pack_query(pack_id):
    return PublisherIntegrationPackQueryConfig(query_filter=PublisherIntegrationPackQueryConfigQueryFilter(
        expression=PublisherIntegrationPackSimpleExpression(operator="EQUALS", property="id", argument=[pack_id])))


def create_member_pack(sdk, wire, version):
    package = typed(wire, lambda: sdk.packaged_component.create_packaged_component(PackagedComponent(
        component_id=COMPONENT, component_type="process", package_version=version, shareable=True,
        notes="sdk flow")), PackagedComponent)
    pack = typed(wire, lambda: sdk.publisher_integration_pack.create_publisher_integration_pack(
        PublisherIntegrationPack(description="SDK flow", name="SDK pack", installation_type="MULTI")),
        PublisherIntegrationPack)
    members = PublisherPackagedComponents(publisher_packaged_component=[PublisherPackagedComponent(component_id=COMPONENT)])
    update = PublisherIntegrationPack(description="SDK flow", id_=pack.id_, operation_type="ADD",
                                      publisher_packaged_components=members)
    typed(wire, lambda: sdk.publisher_integration_pack.update_publisher_integration_pack(pack.id_, update),
          PublisherIntegrationPack)
    return package, pack


def poll_until(sdk, wire, request_id, wanted, polls=20):
    status = None
    for dummy in range(polls):
        answer = typed(wire, lambda: sdk.release_integration_pack_status.get_release_integration_pack_status(
            request_id), ReleaseIntegrationPackStatus)
        status = value(answer.release_status)
        if status == wanted:
            return answer
        time.sleep(0.2)
    pytest.fail("release %s never reached %s (last releaseStatus %r)" % (request_id, wanted, status))


def test_integration_pack_flow_hydrates_into_the_sdk_models(sim, sdk, wire):
    package, pack = create_member_pack(sdk, wire, "1.0.0")
    assert package.package_version == "1.0.0" and package.shareable is True

    found = typed(wire, lambda: sdk.packaged_component.query_packaged_component(packaged_component_query(COMPONENT)),
                  PackagedComponentQueryResponse, item_model=PackagedComponent)
    assert "@type" in wire.last["sent"] and "@type" in wire.last["sent"]["QueryFilter"]  # what a generated client sends
    assert [p.package_id for p in found.result] == [package.package_id]

    packs = typed(wire, lambda: sdk.publisher_integration_pack.query_publisher_integration_pack(pack_query(pack.id_)),
                  PublisherIntegrationPackQueryResponse, item_model=PublisherIntegrationPack)
    member, = packs.result[0].publisher_packaged_components.publisher_packaged_component
    assert (member.component_id, member.pending_version, member.latest_version) == (COMPONENT, "1.0.0", "")

    release = typed(wire, lambda: sdk.release_integration_pack.create_release_integration_pack(ReleaseIntegrationPack(
        id_=pack.id_, release_schedule="IMMEDIATELY", release_packaged_components=ReleasePackagedComponents(
            release_packaged_component=[ReleasePackagedComponent(component_id=COMPONENT, version="1.0.0")]))),
        ReleaseIntegrationPack)
    assert release.request_id.startswith("release-") and release.release_on_date
    done = poll_until(sdk, wire, release.request_id, "SUCCESS")
    released, = done.release_packaged_components.release_packaged_component
    assert (released.component_id, released.released_version) == (COMPONENT, "1.0.0")

    deployed = typed(wire, lambda: sdk.deployed_package.create_deployed_package(DeployedPackage(
        environment_id=ENVIRONMENT, package_id=package.package_id, notes="sdk flow")), DeployedPackage)
    assert deployed.active is True and value(deployed.listener_status) == "RUNNING"

    environment = typed(wire, lambda: sdk.environment.get_environment(ENVIRONMENT), Environment)
    assert environment.id_ == ENVIRONMENT
    assert [s["status"] for s in wire.sent if s["status"] >= 300 and s["status"] != 202] == []


def test_a_replaced_scheduled_release_hydrates(sim, sdk, wire):
    package, pack = create_member_pack(sdk, wire, "2.0.0")
    body = ReleaseIntegrationPack(id_=pack.id_, release_schedule="RELEASE_ON_SPECIFIED_DATE",
                                  release_on_date="2099-01-31")
    first = typed(wire, lambda: sdk.release_integration_pack.create_release_integration_pack(body),
                  ReleaseIntegrationPack)
    body.release_on_date = "2099-02-28"
    second = typed(wire, lambda: sdk.release_integration_pack.update_release_integration_pack(pack.id_, body),
                   ReleaseIntegrationPack)
    assert second.release_on_date == "2099-02-28"
    for request_id in (first.request_id, second.request_id):
        status = poll_until(sdk, wire, request_id, "SCHEDULED", polls=1)
        assert status.release_on_date == "2099-02-28"
