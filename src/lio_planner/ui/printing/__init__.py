"""Print preview, Print and Export from the window, and the report's options."""
