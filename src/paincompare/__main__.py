"""Entry point for `python -m paincompare`."""

from paincompare.cli import main

raise SystemExit(main())
