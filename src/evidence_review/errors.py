"""Errors a user can fix: the command line prints them as one line, never as a traceback."""


class ConfigError(Exception):
    """A problem with how the tool was called or configured (missing folder, unknown parameter, ...)."""
