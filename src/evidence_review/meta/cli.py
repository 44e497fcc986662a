"""`evidence-review pool FILE.csv --measure M ...` (PLACEHOLDER until the engine issue lands)."""
from ..errors import ConfigError


def add_arguments(parser) -> None:
    parser.add_argument("csv")
    parser.add_argument("--measure", required=True)


def main(args) -> int:
    raise ConfigError("pool is not implemented yet")
