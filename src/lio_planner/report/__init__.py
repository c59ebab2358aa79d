"""The action plan as a document: a pure model plus renderers (CSV, Word, PDF and print)."""
