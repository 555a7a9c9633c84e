"""Allows `python -m ot62443_desktop`."""

import sys

from ot62443_desktop.cli import main

if __name__ == "__main__":  # export jobs re-import this module in their child process
    sys.exit(main())
