"""boomi-simulator: a stateful local Boomi Platform API for tests, molecule and dry runs."""

__version__ = "0.1.0"
