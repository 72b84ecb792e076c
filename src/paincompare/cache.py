"""A cache of checked catalogues, keyed by their content, so repeated runs skip parsing YAML.

Shell completion runs paincompare on every TAB and scripts call it in loops; parsing and checking
the catalogue is most of a run's own work. A catalogue that passed every check is stored, as
plain data in Python's marshal format (builtin, and read in a fraction of a millisecond), under
the hash of its bytes; the next run with the same bytes reads that instead. Any problem with the
cache (missing, unreadable, corrupt, read-only folder) just means a normal parse.
"""

from __future__ import annotations

import datetime as dt
import marshal
import os
import sys
from pathlib import Path
from typing import Any

from paincompare import __version__
from paincompare import models as m

try:  # hashlib's own BLAKE2 implementation, without the cost of loading OpenSSL at start-up
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - other Python implementations
    from hashlib import blake2b

FORMAT = 2  # bump when the stored shape changes (a model gains or loses a field)
KEEP = 16  # newest entries kept; older ones are removed when a new one is written


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
    this code, so an edited models.py or validation.py (an editable install) starts afresh.
    """
    here = Path(__file__).parent
    code = [(p.stat().st_mtime_ns, p.stat().st_size) for p in (here / "models.py", here / "validation.py")]
    stamp = f"\0{__version__}\0{FORMAT}\0{sys.version}\0{code}".encode()
    return blake2b(data + stamp, digest_size=20).hexdigest()


def read(digest: str, path: str) -> m.Catalogue | None:
    """The catalogue stored under `digest`, or None."""
    where = folder()
    if where is None:
        return None
    try:
        info, sources, treatments = marshal.loads((where / f"{digest}.cache").read_bytes())
        return m.Catalogue(
            info=m.CatalogueInfo(*info[:2], dt.date.fromisoformat(info[2]), *info[3:]),
            sources={row[0]: m.Source(*row) for row in sources},
            treatments=tuple(_treatment(row) for row in treatments),
            path=path,
        )
    except (OSError, ValueError, EOFError, KeyError, TypeError, AttributeError, IndexError):
        return None


def write(digest: str, catalogue: m.Catalogue) -> None:
    """Stores a checked catalogue; silently does nothing if the cache cannot be written."""
    where = folder()
    if where is None:
        return
    info = catalogue.info
    document = (
        (info.title, info.version, info.reviewed.isoformat(), *info[3:]),
        tuple(tuple(source) for source in catalogue.sources.values()),
        tuple(_row(t) for t in catalogue.treatments),
    )
    try:
        where.mkdir(parents=True, exist_ok=True, mode=0o700)
        temporary = where / f".{digest}.{os.getpid()}.tmp"
        temporary.write_bytes(marshal.dumps(document))
        os.replace(temporary, where / f"{digest}.cache")
        _prune(where)
    except OSError:
        return


# Records are stored as plain tuples in field order (marshal takes only built-in types) and
# rebuilt positionally, which is several times quicker than from mappings.


def _row(t: m.Treatment) -> tuple[Any, ...]:
    return (
        t.id,
        t.name,
        t.aliases,
        t.category,
        tuple(t.how_given),
        tuple(t.addiction_risk),
        tuple(t.onset),
        tuple(t.duration),
        t.invasiveness,
        tuple(map(tuple, t.evidence)),
        tuple(t.side_effects),
        tuple(map(tuple, t.guidelines)),
        tuple(t.cost),
        tuple(map(tuple, t.claims)),
        t.reviewed.isoformat(),
    )


def _treatment(row: tuple[Any, ...]) -> m.Treatment:
    (
        tid,
        name,
        aliases,
        category,
        how_given,
        risk,
        onset,
        duration,
        invasiveness,
        evidence,
        side_effects,
        guidelines,
        cost,
        claims,
        reviewed,
    ) = row
    return m.Treatment(
        tid,
        name,
        aliases,
        category,
        m.HowGiven(*how_given),
        m.AddictionRisk(*risk),
        m.Onset(*onset),
        m.Duration(*duration),
        invasiveness,
        tuple(m.Evidence(*e) for e in evidence),
        m.SideEffects(*side_effects),
        tuple(m.GuidelineStance(*g) for g in guidelines),
        m.Cost(*cost),
        tuple(m.Claim(*c) for c in claims),
        dt.date.fromisoformat(reviewed),
    )


def _prune(where: Path) -> None:
    entries = sorted(where.glob("*.cache"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in entries[KEEP:]:
        old.unlink(missing_ok=True)
