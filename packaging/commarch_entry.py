"""PyInstaller entry point: the frozen `commarch` runs the same main() as the installed console script."""

import multiprocessing
import sys

from commarch.main import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # the brokerage child process (spawned) runs this executable too
    sys.exit(main())
