"""`python -m commarch` runs the same entry point as the `commarch` command."""

import sys

from commarch.main import main

sys.exit(main())
