"""The `.comm` file format: staged, strict loading and atomic, canonical saving."""

from .errors import CommFileError
from .migrations import MIGRATIONS, Migration, migrate
from .reader import load, load_indexed, loads, loads_indexed
from .writer import dumps, save, to_dict, write_atomic

__all__ = ["CommFileError", "MIGRATIONS", "Migration", "migrate", "load", "load_indexed", "loads", "loads_indexed",
           "dumps", "save", "to_dict", "write_atomic"]
