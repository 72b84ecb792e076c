"""A cache of checked catalogues, keyed by their content, so repeated runs skip parsing YAML.

Shell completion runs paincompare on every TAB and scripts call it in loops; parsing and checking
the catalogue is most of a run's own work. A catalogue that passed every check is stored, as
plain data in Python's marshal format (builtin, and read in a fraction of a millisecond), under
the hash of its bytes; the next run with the same bytes reads that instead. Any problem with the
cache (missing, unreadable, corrupt, read-only folder) just means a normal parse.
"""

from __future__ import annotations

import marshal
import os
import sys
from pathlib import Path
from typing import Any

from paincompare import __version__
from paincompare.catalogue import convert, shape
from paincompare.catalogue import models as m

try:  # hashlib's own BLAKE2 implementation, without the cost of loading OpenSSL at start-up
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - other Python implementations
    from hashlib import blake2b

FORMAT = 3  # bump when the way entries are stored changes (the record shape itself is in the key)
KEEP = 16  # newest entries kept; older ones are removed when a new one is written
# Every module whose code decides what a catalogue's bytes load into.
_DECIDING_MODULES = (
    "__init__.py",
    "models.py",
    "scales.py",
    "shape.py",
    "convert.py",
    "readability.py",
    "validation/__init__.py",
    "validation/nodes.py",
    "validation/scalars.py",
    "validation/references.py",
    "validation/records.py",
    "validation/rules.py",
)
# What an entry holds, in order: the top-level fields of a catalogue file.
_TOP_KINDS = tuple(field.kind for field in shape.TOP)


def folder() -> Path | None:
    """Where entries live: PAINCOMPARE_CACHE_DIR, else $XDG_CACHE_HOME or ~/.cache; None if turned off."""
    if os.environ.get("PAINCOMPARE_NO_CACHE"):
        return None
    chosen = os.environ.get("PAINCOMPARE_CACHE_DIR")
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "paincompare"


def key(data: bytes) -> str:
    """The entry's name: the catalogue's bytes, and everything that decides what they load into.

    marshal's format belongs to the Python version; the checks and the records' shape belong to
    the modules below, so an edited one (in an editable install) starts afresh.
    """
    here = Path(__file__).parent
    code = [(p.stat().st_mtime_ns, p.stat().st_size) for p in (here / name for name in _DECIDING_MODULES)]
    stamp = f"\0{__version__}\0{FORMAT}\0{sys.version}\0{code}".encode()
    return blake2b(data + stamp, digest_size=20).hexdigest()


def read(digest: str, path: str) -> m.Catalogue | None:
    """The catalogue stored under `digest`, or None (whatever is wrong with the entry)."""
    stored = read_plain(digest)
    if stored is None:
        return None
    try:
        info, sources, conditions, situations, treatments = (
            convert.from_plain(v, k) for v, k in zip(stored, _TOP_KINDS, strict=True)
        )
        return m.Catalogue(info, sources, conditions, situations, treatments, path)
    except Exception:  # noqa: BLE001 - a cache entry is only ever a shortcut: any failure means parse again
        return None


def write(digest: str, catalogue: m.Catalogue) -> None:
    """Stores a checked catalogue; silently does nothing if the cache cannot be written."""
    values = catalogue[: len(_TOP_KINDS)]  # Catalogue's first fields are the file's top level, in order
    write_plain(digest, tuple(convert.to_plain(v, k) for v, k in zip(values, _TOP_KINDS, strict=True)))


def read_plain(digest: str) -> Any:
    """Plain data (dicts, lists, tuples, text, numbers) stored under `digest`, or None."""
    where = folder()
    if where is None:
        return None
    try:
        return marshal.loads((where / f"{digest}.cache").read_bytes())
    except Exception:  # noqa: BLE001 - a missing, truncated or foreign entry: read the source again
        return None


def write_plain(digest: str, value: Any) -> None:
    """Stores plain data atomically; silently does nothing if the cache cannot be written."""
    where = folder()
    if where is None:
        return
    try:
        where.mkdir(parents=True, exist_ok=True, mode=0o700)
        temporary = where / f".{digest}.{os.getpid()}.tmp"
        temporary.write_bytes(marshal.dumps(value))
        os.replace(temporary, where / f"{digest}.cache")
        _prune(where)
    except (OSError, ValueError):  # ValueError: a value marshal cannot store
        return


def _prune(where: Path) -> None:
    entries = sorted(where.glob("*.cache"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in entries[KEEP:]:
        old.unlink(missing_ok=True)
