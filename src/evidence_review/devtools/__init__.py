"""Tools for developing the package (not used by the pipeline)."""
