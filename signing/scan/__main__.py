"""``python -m signing.scan``: the same as ``kandidaat-scan``."""

import sys

from signing.scan.cli import main

sys.exit(main())
