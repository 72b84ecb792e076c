"""check-signals.yaml read by the catalogue's own reader: each section's keys come from the words the
code knows (attributes, claim values, cue kinds, scorecard families), every value is a list of words,
and every problem is reported at its FILE:LINE:COL, as a catalogue's are.

Only a file that is not yet in the cache is read here; signals.py turns the checked data into
phrase pairs.
"""

from __future__ import annotations

from typing import cast

from yaml.nodes import MappingNode, Node, ScalarNode

from paincompare.catalogue import scales
from paincompare.catalogue.validation.nodes import INVALID, Check, Checked, Spec
from paincompare.catalogue.validation.scalars import ScalarReader
from paincompare.check.vocabulary import CUES, SCORECARD, VALUES, SignalsData


class SignalsReader(ScalarReader):
    """Checks the signals file's node tree; `problems` lists everything wrong, in file order."""

    def read(self, root: Node | None) -> SignalsData:
        """The file's data with every optional entry left out that was, or {} with `problems` set."""
        if root is None:
            self.report(None, "the signals file is empty")
            return {}
        values = self.fields(root, "", self._sections())
        self.problems.sort(key=lambda p: (p.line, p.column))
        # the sections' checks give exactly SignalsData's shape, once nulls are left out
        return {} if values is INVALID or self.problems else cast(SignalsData, _without_nulls(values))

    def _sections(self) -> Spec:
        claims = {attribute: (self._keyed_by(values, self.words), False) for attribute, values in VALUES.items()}
        return {
            "attributes": (self._keyed_by(scales.ATTRIBUTES.words, self._attribute), True),
            "claims": (lambda node, where: self.fields(node, where, claims), True),
            "harms": (self._any_keys(self.words), True),
            "cues": (self._keyed_by(CUES, self.words), True),
            "conditions": (self._any_keys(self.words), True),
            "groups": (self._any_keys(self._treatment_ids), True),
            "generic": (self.words, True),
            "scorecard": (self._keyed_by(SCORECARD, self.words, required=True), True),
        }

    def words(self, node: Node, where: str) -> Checked[tuple[str, ...]]:
        return self.items(node, where, self.text, non_empty=True)

    def _treatment_ids(self, node: Node, where: str) -> Checked[tuple[str, ...]]:
        return self.items(node, where, self.slug, non_empty=True)

    def _attribute(self, node: Node, where: str) -> Checked[dict[str, object]]:
        return self.fields(node, where, {"name": (self.text, True), "words": (self.words, True)})

    def _keyed_by(self, keys: tuple[str, ...], item: Check, required: bool = False) -> Check:
        """A mapping whose keys are words the code knows: a typo is an unknown field, with a suggestion."""
        spec = {key: (item, required) for key in keys}
        return lambda node, where: self.fields(node, where, spec)

    def _any_keys(self, item: Check) -> Check:
        """A mapping whose keys are the file's own (harm families, condition ids, group phrases)."""

        def check(node: Node, where: str) -> Checked[dict[str, object]]:
            if not isinstance(node, MappingNode):
                self.report(node, f"{where}: expected a mapping of name -> list of words")
                return INVALID
            keys = [k.value for k, _ in node.value if isinstance(k, ScalarNode) and isinstance(k.value, str)]
            return self.fields(node, where, {key: (item, False) for key in keys})

        return check


def _without_nulls(values: object) -> object:
    if isinstance(values, dict):
        return {key: _without_nulls(value) for key, value in values.items() if value is not None}
    if isinstance(values, tuple):
        return [_without_nulls(value) for value in values]
    return values
