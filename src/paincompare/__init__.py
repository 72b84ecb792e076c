"""paincompare: compare treatments for chronic pain side by side, with every fact cited."""

__version__ = "0.1.0"
