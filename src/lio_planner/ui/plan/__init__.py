"""The open plan in memory: PlanData and the item models it keeps current, and the one way an
edit goes through (operations, editing, the undo commands)."""
