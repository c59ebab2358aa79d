"""Everything that uses Qt: the window, its item models, dialogs and undo commands."""
