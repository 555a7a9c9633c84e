"""Allows `python -m ot62443_desktop`."""

import sys

from ot62443_desktop.cli import main

sys.exit(main())
