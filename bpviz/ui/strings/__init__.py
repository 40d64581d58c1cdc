"""The string catalogues, one module per language (en, zh), each in sections per page."""
