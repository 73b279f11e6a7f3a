"""PyInstaller entry point: the frozen `commarch` runs the same main() as the installed console script."""

import sys

from commarch.main import main

if __name__ == "__main__":
    sys.exit(main())
