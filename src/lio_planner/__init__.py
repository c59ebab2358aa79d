"""LIO Planner: plan a local infrastructure organisation's response to the strategy."""

__version__ = "0.1.0"
APP_NAME = "LIO Planner"
