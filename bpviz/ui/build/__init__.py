"""The Build page: presets, files, the architecture form, weight tables, the example."""
