"""Boomi's objects, one module each. Importing this package registers every ObjectType subclass
in it, so adding an object is adding a module here: the store and the app read the registry."""

import importlib
import pkgutil

from .base import REGISTRY, Context, ObjectType, tick_all

for _module in pkgutil.iter_modules(__path__):
    importlib.import_module("%s.%s" % (__name__, _module.name))

OBJECTS = REGISTRY

__all__ = ["OBJECTS", "Context", "ObjectType", "tick_all"]
