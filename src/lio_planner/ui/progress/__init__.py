"""The progress view: the plan's progress at a glance (imported only when first shown)."""
