"""The reader's country, which decides names, controlled-drug law, guidelines first, availability and prices.

Chosen by --region, else PAINCOMPARE_REGION, else the locale's territory (LC_ALL, then LC_MESSAGES,
then LANG, the first one set, as POSIX reads them: en_GB -> uk, en_US -> us), else the US.
"""

# No "from __future__ import annotations": typing.NamedTuple would compile each string annotation
# (models.py says what it costs).

import re
from collections.abc import Mapping
from typing import NamedTuple

from paincompare.catalogue.scales import READER_REGIONS
from paincompare.errors import UsageError

ENV_VAR = "PAINCOMPARE_REGION"
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")
DEFAULT = "us"
NAMES = {"uk": "UK", "us": "US"}
# A locale's territory, as in en_GB.UTF-8 or en_US@euro; other territories keep the default.
_TERRITORIES = {"GB": "uk", "UK": "uk", "US": "us"}
_LOCALE = re.compile(r"^[a-zA-Z]{2,3}_([a-zA-Z]{2})(?:[.@].*)?$")


class Region(NamedTuple):
    """The region in use and how it was chosen, which every output's footer says."""

    code: str
    reason: str  # "--region", "PAINCOMPARE_REGION", "the locale (LANG=en_GB.UTF-8)", "the default"

    def footer(self) -> str:
        other = next(r for r in READER_REGIONS if r != self.code)
        return (
            f"Region: {NAMES[self.code]} (from {self.reason}); names, controlled-drug law, guidelines first, "
            f"availability and prices are the {NAMES[self.code]}'s. --region {other} gives the {NAMES[other]}'s."
        )


def check(word: str, where: str) -> str:
    folded = word.strip().lower()
    if folded in READER_REGIONS:
        return folded
    raise UsageError(f"{where}: '{word}' is not a region; use one of: {', '.join(READER_REGIONS)}")


def choose(option: str | None, environ: Mapping[str, str]) -> Region:
    """The region from the option, the environment variable, the locale, or the default, in that order."""
    if option:
        return Region(check(option, "--region"), "--region")
    if environ.get(ENV_VAR):
        return Region(check(environ[ENV_VAR], ENV_VAR), ENV_VAR)
    for variable in LOCALE_VARIABLES:
        value = environ.get(variable, "")
        if value:
            found = _LOCALE.match(value)
            territory = _TERRITORIES.get(found.group(1).upper()) if found else None
            if territory:
                return Region(territory, f"the locale ({variable}={value})")
            break  # the first locale variable set decides, as POSIX reads them
    return Region(DEFAULT, "the default")
