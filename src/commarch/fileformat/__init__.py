"""The `.comm` file format: staged, strict loading and atomic, canonical saving."""

from .errors import CommFileError
from .migrations import MIGRATIONS, Migration, migrate
from .reader import load, loads
from .writer import dumps, save, to_dict, write_atomic

__all__ = ["CommFileError", "MIGRATIONS", "Migration", "migrate", "load", "loads", "dumps", "save",
           "to_dict", "write_atomic"]
