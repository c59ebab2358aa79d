"""Small pieces every area of the window uses: marks and icons, settings, colours, folders,
the parts dialogs are built from, the index type of item models and the pending autosave."""
