"""evidence-review: from raw documents to pooled estimates and a narrative report."""
__version__ = "0.1.0"
