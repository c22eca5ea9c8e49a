"""Scientific Spaces Explorer: ``python main.py --help``."""

import sys

from explorer.cli import main

if __name__ == "__main__":
    sys.exit(main())
