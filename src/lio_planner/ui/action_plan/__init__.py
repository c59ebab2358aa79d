"""The action plan table and the action form: the view, its filter, the form and its fields."""
