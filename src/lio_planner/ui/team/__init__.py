"""The window's part for a team plan on a PostgreSQL server: asking where it is, showing who
else has it open, and applying colleagues' changes as they commit."""
