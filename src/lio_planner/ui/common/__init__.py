"""Small pieces every area of the window uses: marks and icons, settings, colours, folders and
the pending autosave."""
