"""Plain-Python rules of an action plan: no database, no Qt."""
