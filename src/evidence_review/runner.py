"""`evidence-review run`: papermill over the four notebooks, then nbconvert (PLACEHOLDER)."""
from .errors import ConfigError


def add_arguments(parser) -> None:
    pass


def main(args) -> int:
    raise ConfigError("run is not implemented yet")
