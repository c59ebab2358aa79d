"""The main window and what runs it: start-up, menus, the open plan's life (opening, switching,
saving), the file commands and the Help menu."""
