"""evidence-review: from raw documents to pooled estimates and a narrative report."""
__version__ = "0.1.0"  # the one place the version is written; pyproject.toml reads it from here
