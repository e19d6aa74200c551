"""What runs in an environment, for the objects that hang off it (EnvironmentExtensions, ProcessSchedules).

Not a Boomi object (nothing registers here). A process runs in an environment when its package is
the active deployment there (DeployedPackage), or when an installed integration pack instance holding
it is attached there (IntegrationPackEnvironmentAttachment). A multi-install instance runs each of its
processes under a synthetic id (``wrapperProcessId``), which Boomi also uses as the extension group id
of that process's extensions; a single-install instance runs them under their own ids.

Which extensions a process offers is part of the component, built in Boomi's UI: a seed declares them
on the process component (``extensions`` in the seed's ``components`` entry; see seed.py).
"""


def definition(store, account, component_id):
    """The ``extensions`` a seed declares for a process component of an account ({} when none)."""
    for item in store.seed.get("components", []):
        if item.get("account") == account and item.get("id") == component_id:
            return item.get("extensions") or {}
    return {}


def deployed_processes(ctx, environment_id):
    """[{processId, account, componentId, group}] running in the environment, each once: ``account`` is the
    account whose component it is (the publisher's for a pack instance), ``group`` the extension group id
    ("" outside multi-install packs)."""
    found = {}
    for deployment in ctx.data.deployments.values():
        if deployment["active"] and deployment["environmentId"] == environment_id \
                and deployment["componentType"] == "process":
            found.setdefault(deployment["componentId"], {"processId": deployment["componentId"],
                                                         "account": ctx.data.account_id,
                                                         "componentId": deployment["componentId"], "group": ""})
    for process in _instance_processes(ctx, environment_id):
        found.setdefault(process["processId"], process)
    return list(found.values())


def _instance_processes(ctx, environment_id):
    instances = ctx.handler("IntegrationPackInstance")
    for attachment in ctx.data.attachments.values():
        record = ctx.data.instances.get(attachment["integrationPackInstanceId"])
        if attachment["environmentId"] != environment_id or record is None:
            continue
        for process in instances._processes(ctx, record):  # the instance's own view of its processes
            wrapper = process.get("wrapperProcessId")
            yield {"processId": wrapper or process["originalProcessId"], "account": record["_publisher"],
                   "componentId": process["originalProcessId"], "group": wrapper or ""}
