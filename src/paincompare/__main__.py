"""Entry point for `python -m paincompare`."""

from paincompare.entry import main

raise SystemExit(main())
