"""`python -m commarch` runs the same entry point as the `commarch` command."""

import sys

from commarch.main import main

if __name__ == "__main__":  # not when a child process (multiprocessing's spawn) imports it again
    sys.exit(main())
