"""``python -m helpers``: see helpers.cli."""
import sys

from .cli import main

sys.exit(main())
