"""Sharing a plan: who has it open, watching the file, save problems, copies, merges, backups and
history."""
