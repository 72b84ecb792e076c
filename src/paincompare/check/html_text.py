"""An HTML page reduced to its text by the standard library's HTML parser, never by pattern matching:
blocks of text, each with the line it starts on and whether it is a heading; script and style dropped."""

from __future__ import annotations

from html.parser import HTMLParser

_BLOCK_TAGS = {"p", "div", "li", "br", "tr", "td", "th", "section", "article", "blockquote", "ul", "ol", "table"}
_HEADING_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6", "title"}
_SKIPPED_TAGS = {"script", "style", "noscript", "template", "svg", "head"}


class _TextOfHtml(HTMLParser):
    """Collects the text of an HTML page as blocks, each with the line it starts on."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[int, str, bool]] = []
        self._parts: list[str] = []
        self._line = 1
        self._skipping = 0
        self._heading = False

    def _close(self) -> None:
        text = " ".join("".join(self._parts).split())
        if text:
            self.blocks.append((self._line, text, self._heading))
        self._parts = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED_TAGS:
            self._skipping += 1
        elif tag in _BLOCK_TAGS or tag in _HEADING_TAGS:
            self._close()
            self._heading = tag in _HEADING_TAGS

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED_TAGS:
            self._skipping = max(0, self._skipping - 1)
        elif tag in _BLOCK_TAGS or tag in _HEADING_TAGS:
            self._close()
            self._heading = False

    def handle_data(self, data: str) -> None:
        if self._skipping:
            return
        if not "".join(self._parts).strip():
            self._line = self.getpos()[0] + data[: len(data) - len(data.lstrip())].count("\n")
        self._parts.append(data)


def text_blocks(text: str) -> list[tuple[int, str, bool]]:
    parser = _TextOfHtml()
    parser.feed(text)
    parser.close()
    parser._close()
    return parser.blocks
