"""The Train page: its data, settings and actions, the live view and its chart."""
