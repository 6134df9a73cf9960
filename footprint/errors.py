"""The error types a user can cause, each turned into a clear message and exit code by the CLI."""

from __future__ import annotations


class FootprintError(Exception):
    """Base for errors that are the user's input, not a bug: the CLI prints them without a traceback."""


class ProfileError(FootprintError):
    """A profile file that cannot be used. The message names the file, the line where known, and the field."""


class CatalogueError(FootprintError):
    """A catalogue entry that fails validation."""


class StoreError(FootprintError):
    """A database that cannot be opened or migrated."""
