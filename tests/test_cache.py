"""The catalogue cache: used when the bytes match, ignored when anything is off, never for errors."""

from __future__ import annotations

from pathlib import Path

import factory
import pytest

from paincompare import catalogue
from paincompare.catalogue import cache
from paincompare.check import signals
from paincompare.errors import CatalogueError


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("PAINCOMPARE_CACHE_DIR", str(folder))
    monkeypatch.delenv("PAINCOMPARE_NO_CACHE", raising=False)
    return folder


def _refuse_to_parse(*args, **kwargs):
    raise AssertionError("the catalogue was parsed although the cache held it")


def test_a_second_load_comes_from_the_cache_and_equals_the_first(tmp_path, cache_dir, monkeypatch):
    path = factory.write(
        tmp_path, factory.catalogue(factory.treatment("alpha", schedule="II"), factory.treatment("beta"))
    )
    first = catalogue.load(path)
    assert len(list(cache_dir.glob("*.cache"))) == 1
    monkeypatch.setattr(catalogue, "parse", _refuse_to_parse)
    second = catalogue.load(path)
    assert second == first


def test_the_bundled_catalogue_round_trips_through_the_cache(cache_dir, monkeypatch):
    first = catalogue.load(catalogue.bundled_path())
    monkeypatch.setattr(catalogue, "parse", _refuse_to_parse)
    assert catalogue.load(catalogue.bundled_path()) == first


def test_an_edited_file_is_parsed_again(tmp_path, cache_dir):
    path = factory.write(tmp_path, factory.catalogue(factory.treatment("alpha")))
    catalogue.load(path)
    path.write_text(path.read_text().replace("name: Alpha", "name: Alpha edited"))
    assert catalogue.load(path).treatments[0].name == "Alpha edited"


def test_errors_are_never_cached(tmp_path, cache_dir):
    path = tmp_path / "broken.yaml"
    path.write_text("catalogue: [\n")
    for _ in range(2):
        with pytest.raises(CatalogueError):
            catalogue.load(path)
    assert not list(cache_dir.glob("*.cache"))


def test_a_corrupt_entry_falls_back_to_parsing(tmp_path, cache_dir):
    path = factory.write(tmp_path, factory.catalogue(factory.treatment("alpha")))
    catalogue.load(path)
    (entry,) = cache_dir.glob("*.cache")
    entry.write_bytes(entry.read_bytes()[:100])  # cut short, as by a full disk
    assert catalogue.load(path).treatments[0].id == "alpha"


def test_turned_off_or_unwritable_cache_still_loads(tmp_path, cache_dir, monkeypatch):
    path = factory.write(tmp_path, factory.catalogue(factory.treatment("alpha")))
    monkeypatch.setenv("PAINCOMPARE_NO_CACHE", "1")
    assert catalogue.load(path).treatments[0].id == "alpha"
    assert not cache_dir.exists()
    monkeypatch.delenv("PAINCOMPARE_NO_CACHE")
    cache_dir.write_text("a file where the folder should be")
    assert catalogue.load(path).treatments[0].id == "alpha"


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[:100],  # cut short, as by a full disk
        lambda data: __import__("marshal").dumps(("not", "a", "catalogue")),  # the wrong shape
        lambda data: __import__("marshal").dumps((1, 2, 3, 4)),  # right length, wrong contents
        lambda data: b"\x00" * len(data),
    ],
)
def test_any_damaged_entry_falls_back_to_parsing(tmp_path, cache_dir, damage):
    path = factory.write(tmp_path, factory.catalogue(factory.treatment("alpha")))
    first = catalogue.load(path)
    (entry,) = cache_dir.glob("*.cache")
    entry.write_bytes(damage(entry.read_bytes()))
    assert catalogue.load(path) == first


def test_old_entries_are_pruned(tmp_path, cache_dir):
    for n in range(cache.KEEP + 3):
        catalogue.load(factory.write(tmp_path, factory.catalogue(factory.treatment(f"t{n}")), f"c{n}.yaml"))
    assert len(list(cache_dir.glob("*.cache"))) == cache.KEEP


def test_the_key_follows_the_bytes_and_the_checking_code(tmp_path, monkeypatch):
    import os
    import shutil

    for name in cache._DECIDING_MODULES:
        (tmp_path / name).parent.mkdir(exist_ok=True)
        shutil.copy(Path(cache.__file__).parent / name, tmp_path / name)
    monkeypatch.setattr(cache, "__file__", str(tmp_path / "cache.py"))
    first = cache.key(b"catalogue")
    assert cache.key(b"catalogue") == first and cache.key(b"catalogue!") != first
    keys = {first}
    for name in cache._DECIDING_MODULES:  # an edited rule, shape or reading-grade module each starts afresh
        os.utime(tmp_path / name, ns=(1, 1))
        keys.add(cache.key(b"catalogue"))
    assert len(keys) == 1 + len(cache._DECIDING_MODULES)


def test_every_module_that_reads_a_catalogue_is_in_the_cache_key():
    """A new checking module left out of the key would let an old entry skip its new rule."""
    here = Path(cache.__file__).parent
    found = {str(p.relative_to(here)) for p in here.rglob("*.py")} - {"cache.py"}
    assert found == set(cache._DECIDING_MODULES)


def test_check_signal_words_come_from_the_cache_the_second_time_and_survive_a_broken_entry(cache_dir, monkeypatch):
    import yaml

    cat = catalogue.load(catalogue.bundled_path())
    first = signals.load(cat)
    (entry,) = [p for p in cache_dir.glob("*.cache") if p.stat().st_size < 20_000]  # the signals, not the catalogue
    monkeypatch.setattr(yaml, "load", _refuse_to_parse)
    assert signals.load(cat) == first
    entry.write_bytes(b"\x00 not marshal")
    monkeypatch.undo()
    monkeypatch.setenv("PAINCOMPARE_CACHE_DIR", str(cache_dir))
    assert signals.load(cat) == first
