"""``python -m concert``: the same as the ``concert`` command."""

from concert.cli import main

main()
