"""``python -m smmplan.locale update|compile|check``: see :mod:`smmplan.locale.catalogues`."""

import sys

from smmplan.locale.catalogues import main

sys.exit(main(sys.argv[1:]))
