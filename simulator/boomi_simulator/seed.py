"""The built-in seed: fixed ids so the demo inventory and the tests can name them.

Real components cannot be created through this API, so a seed provides them (with their
revision and type), along with accounts, users, environments and the primary's account groups
(partner distribution: two managed accounts in "Managed Customers", each with two environments).
Runtimes are installed, not created through the API: one atom per environment, attached to it.
A process component may declare its extensible components (``extensions``: connections and their
fields, process property components and their keys, dynamic process properties, cross-reference
tables); an environment's EnvironmentExtensions list those of the processes deployed there.
"""

PRIMARY = "boomi-demo-A1B2C3"
SUB_ACCOUNT = "boomi-demo-SUB001"
FOREIGN = "boomi-other-Z9Y8X7"
# Partner distribution: two managed accounts of the primary, in the account group "Managed Customers"
MANAGED_ACCOUNTS = {"north": "boomi-demo-MGD001", "south": "boomi-demo-MGD002"}
ACCOUNT_GROUPS = {"all": "4a7b2c10-0000-4f3e-8b6d-00000000a000", "managed": "4a7b2c10-0001-4f3e-8b6d-00000000a001"}

COMPONENTS = {
    "order_intake": "3f1c2a10-0001-4c6e-9d7a-00000000c001",
    "order_fulfilment": "3f1c2a10-0002-4c6e-9d7a-00000000c002",
    "invoice_sync": "3f1c2a10-0003-4c6e-9d7a-00000000c003",
    "orders_api": "3f1c2a10-0004-4c6e-9d7a-00000000c004",
    "partner_cert": "3f1c2a10-0005-4c6e-9d7a-00000000c005",
    "order_router": "3f1c2a10-0006-4c6e-9d7a-00000000c006",
}
ENVIRONMENTS = {
    "dev": "6d3f9a10-0001-4d5e-9a1b-00000000e001",
    "test": "6d3f9a10-0002-4d5e-9a1b-00000000e002",
    "prod": "6d3f9a10-0003-4d5e-9a1b-00000000e003",
    "stage": "6d3f9a10-0004-4d5e-9a1b-00000000e004",
    "dr": "6d3f9a10-0005-4d5e-9a1b-00000000e005",
}
SUB_ENVIRONMENT = "6d3f9a10-0101-4d5e-9a1b-00000000e101"
MANAGED_ENVIRONMENTS = {  # environments of the managed accounts
    "north_test": "6d3f9a10-0201-4d5e-9a1b-00000000e201",
    "north_prod": "6d3f9a10-0202-4d5e-9a1b-00000000e202",
    "south_test": "6d3f9a10-0301-4d5e-9a1b-00000000e301",
    "south_prod": "6d3f9a10-0302-4d5e-9a1b-00000000e302",
}

# Extensible components the seed's processes declare (EnvironmentExtensions), and one runtime per environment
CONNECTIONS = {"orders_db": "5b2e7c10-0001-4a1f-8c3d-00000000d001", "warehouse_sftp": "5b2e7c10-0002-4a1f-8c3d-00000000d002"}
PROCESS_PROPERTIES = {"order_settings": "5b2e7c10-0101-4a1f-8c3d-00000000d101"}
PROCESS_PROPERTY_KEYS = {"batch_size": "8e5d2a10-0001-4c7b-9f3e-00000000f001",
                         "region": "8e5d2a10-0002-4c7b-9f3e-00000000f002",
                         "api_key": "8e5d2a10-0003-4c7b-9f3e-00000000f003"}
CROSS_REFERENCES = {"country_codes": "5b2e7c10-0201-4a1f-8c3d-00000000d201"}
ATOMS = {  # environment name -> its runtime
    "dev": "7c4e1a10-0001-4b2d-8e6f-00000000b001",
    "test": "7c4e1a10-0002-4b2d-8e6f-00000000b002",
    "prod": "7c4e1a10-0003-4b2d-8e6f-00000000b003",
    "stage": "7c4e1a10-0004-4b2d-8e6f-00000000b004",
    "dr": "7c4e1a10-0005-4b2d-8e6f-00000000b005",
    "customer_prod": "7c4e1a10-0101-4b2d-8e6f-00000000b101",
    "north_test": "7c4e1a10-0201-4b2d-8e6f-00000000b201",
    "north_prod": "7c4e1a10-0202-4b2d-8e6f-00000000b202",
    "south_test": "7c4e1a10-0301-4b2d-8e6f-00000000b301",
    "south_prod": "7c4e1a10-0302-4b2d-8e6f-00000000b302",
}
ORDERS_DB = {"id": CONNECTIONS["orders_db"], "name": "Orders DB", "fields": [
    {"id": "url", "value": "jdbc:postgresql://orders-db.test.example.com:5432/orders"},
    {"id": "user", "value": "orders_app"},
    {"id": "password", "usesEncryption": True},
]}
ORDER_INTAKE_EXTENSIONS = {
    "connections": [ORDERS_DB],
    "processProperties": [{"id": PROCESS_PROPERTIES["order_settings"], "name": "Order Settings", "values": [
        {"key": PROCESS_PROPERTY_KEYS["batch_size"], "label": "Batch Size", "value": "50"},
        {"key": PROCESS_PROPERTY_KEYS["region"], "label": "Region", "value": "eu-west"},
        {"key": PROCESS_PROPERTY_KEYS["api_key"], "label": "API Key", "usesEncryption": True},
    ]}],
    "properties": [{"name": "orderMode", "value": "batch"}, {"name": "notifyEmail", "value": ""}],
    "crossReferences": [{"id": CROSS_REFERENCES["country_codes"], "name": "Country Codes", "columns": 2,
                         "rows": [["DE", "Germany"], ["FR", "France"]]}],
}
ORDER_FULFILMENT_EXTENSIONS = {
    "connections": [ORDERS_DB, {"id": CONNECTIONS["warehouse_sftp"], "name": "Warehouse SFTP", "fields": [
        {"id": "host", "value": "sftp.test.example.com"}, {"id": "port", "value": "22"}, {"id": "user", "value": "wms"},
    ]}],
}

BUILTIN_SEED = {
    "accounts": [
        {"id": PRIMARY, "name": "Demo Publisher"},
        {"id": SUB_ACCOUNT, "name": "Demo Managed Customer", "parent": PRIMARY},
        {"id": FOREIGN, "name": "Somebody Else"},
        {"id": MANAGED_ACCOUNTS["north"], "name": "Managed Customer North", "parent": PRIMARY},
        {"id": MANAGED_ACCOUNTS["south"], "name": "Managed Customer South", "parent": PRIMARY},
    ],
    "users": [
        {"username": "ops@example.com", "token": "demo-token-0000-0000", "password": "demo-password",
         "accounts": [PRIMARY]},
        {"username": "other@example.com", "token": "other-token-1111-1111", "password": "other-password",
         "accounts": [FOREIGN]},
    ],
    "components": [
        {"account": PRIMARY, "id": COMPONENTS["order_intake"], "name": "Order Intake", "type": "process", "revision": 3,
         "extensions": ORDER_INTAKE_EXTENSIONS},
        {"account": PRIMARY, "id": COMPONENTS["order_fulfilment"], "name": "Order Fulfilment", "type": "process", "revision": 5,
         "extensions": ORDER_FULFILMENT_EXTENSIONS},
        {"account": PRIMARY, "id": COMPONENTS["invoice_sync"], "name": "Invoice Sync", "type": "process", "revision": 2},
        {"account": PRIMARY, "id": COMPONENTS["orders_api"], "name": "Orders API", "type": "webservice", "revision": 1},
        {"account": PRIMARY, "id": COMPONENTS["partner_cert"], "name": "Partner Certificate", "type": "certificate", "revision": 1},
        {"account": PRIMARY, "id": COMPONENTS["order_router"], "name": "Order Router", "type": "processroute", "revision": 1},
        {"account": SUB_ACCOUNT, "id": "3f1c2a10-0101-4c6e-9d7a-00000000c101", "name": "Customer Process", "type": "process", "revision": 1},
        {"account": FOREIGN, "id": "3f1c2a10-0201-4c6e-9d7a-00000000c201", "name": "Foreign Process", "type": "process", "revision": 1},
    ],
    "environments": [
        {"account": PRIMARY, "id": ENVIRONMENTS["dev"], "name": "Development", "classification": "TEST"},
        {"account": PRIMARY, "id": ENVIRONMENTS["test"], "name": "Test", "classification": "TEST"},
        {"account": PRIMARY, "id": ENVIRONMENTS["prod"], "name": "Production", "classification": "PROD"},
        {"account": PRIMARY, "id": ENVIRONMENTS["stage"], "name": "Staging", "classification": "TEST"},
        {"account": PRIMARY, "id": ENVIRONMENTS["dr"], "name": "Disaster Recovery", "classification": "PROD"},
        {"account": SUB_ACCOUNT, "id": SUB_ENVIRONMENT, "name": "Customer Production",
         "classification": "PROD"},
        {"account": MANAGED_ACCOUNTS["north"], "id": MANAGED_ENVIRONMENTS["north_test"], "name": "North Test",
         "classification": "TEST"},
        {"account": MANAGED_ACCOUNTS["north"], "id": MANAGED_ENVIRONMENTS["north_prod"], "name": "North Production",
         "classification": "PROD"},
        {"account": MANAGED_ACCOUNTS["south"], "id": MANAGED_ENVIRONMENTS["south_test"], "name": "South Test",
         "classification": "TEST"},
        {"account": MANAGED_ACCOUNTS["south"], "id": MANAGED_ENVIRONMENTS["south_prod"], "name": "South Production",
         "classification": "PROD"},
    ],
    "atoms": [
        {"account": PRIMARY, "id": ATOMS["dev"], "name": "Development Atom", "environment": ENVIRONMENTS["dev"]},
        {"account": PRIMARY, "id": ATOMS["test"], "name": "Test Atom", "environment": ENVIRONMENTS["test"]},
        {"account": PRIMARY, "id": ATOMS["prod"], "name": "Production Atom", "environment": ENVIRONMENTS["prod"]},
        {"account": PRIMARY, "id": ATOMS["stage"], "name": "Staging Atom", "environment": ENVIRONMENTS["stage"]},
        {"account": PRIMARY, "id": ATOMS["dr"], "name": "Disaster Recovery Atom", "environment": ENVIRONMENTS["dr"]},
        {"account": SUB_ACCOUNT, "id": ATOMS["customer_prod"], "name": "Customer Production Atom",
         "environment": SUB_ENVIRONMENT},
        {"account": MANAGED_ACCOUNTS["north"], "id": ATOMS["north_test"], "name": "North Test Atom",
         "environment": MANAGED_ENVIRONMENTS["north_test"]},
        {"account": MANAGED_ACCOUNTS["north"], "id": ATOMS["north_prod"], "name": "North Production Atom",
         "environment": MANAGED_ENVIRONMENTS["north_prod"]},
        {"account": MANAGED_ACCOUNTS["south"], "id": ATOMS["south_test"], "name": "South Test Atom",
         "environment": MANAGED_ENVIRONMENTS["south_test"]},
        {"account": MANAGED_ACCOUNTS["south"], "id": ATOMS["south_prod"], "name": "South Production Atom",
         "environment": MANAGED_ENVIRONMENTS["south_prod"]},
    ],
    "account_groups": [
        # Boomi creates "All Accounts" itself; [I] it holds every account of the primary's hierarchy
        {"account": PRIMARY, "id": ACCOUNT_GROUPS["all"], "name": "All Accounts", "defaultGroup": True,
         "accounts": [PRIMARY, SUB_ACCOUNT, MANAGED_ACCOUNTS["north"], MANAGED_ACCOUNTS["south"]]},
        {"account": PRIMARY, "id": ACCOUNT_GROUPS["managed"], "name": "Managed Customers",
         "accounts": [MANAGED_ACCOUNTS["north"], MANAGED_ACCOUNTS["south"]]},
    ],
}
