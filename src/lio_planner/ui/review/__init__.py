"""The review meeting: "What changed since…" and "Mark as reviewed today"."""
