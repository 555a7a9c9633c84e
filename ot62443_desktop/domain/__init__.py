"""Pure-Python domain: catalogues, project model, scoring and priorities (no Qt, no I/O of the project)."""
