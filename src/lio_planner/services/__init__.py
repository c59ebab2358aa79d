"""Use cases: the only code that writes to a plan. Each call is one transaction."""
