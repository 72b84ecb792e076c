"""Reads an article (plain text, Markdown or HTML) into headings, paragraphs and numbered sentences.

HTML is reduced to its text by the standard library's HTML parser, never by pattern matching;
script and style are dropped. The text is data throughout: nothing in it is run or interpreted.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

from paincompare import catalogue as catalogue_file
from paincompare.errors import ArticleError


class Sentence(NamedTuple):
    line: int  # 1-based line of the source where the sentence starts
    text: str


class Paragraph(NamedTuple):
    heading: str  # the nearest heading above, or "" (articles say "it" under a heading that names it)
    sentences: tuple[Sentence, ...]
    is_heading: bool = False


class Article(NamedTuple):
    path: str
    paragraphs: tuple[Paragraph, ...]

    def sentence_count(self) -> int:
        return sum(len(p.sentences) for p in self.paragraphs)


# A sentence ends at . ! or ? (and any closing quote or bracket) followed by white space, unless
# the next word starts in lower case ("the U.S. government") or the stop ends a title or an
# abbreviation that never ends a sentence ("Dr. Lee", "e.g. ibuprofen", "vs. opioids", "J. Smith").
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'\u201d\u2019)\]]*\s+")
_NEVER_LAST = re.compile(
    r"(?:\b(?:e\.g|i\.e|vs|dr|mr|mrs|ms|prof|st|approx|cf|fig|no)|(?<![\w.])[A-Z])\.$", re.IGNORECASE
)
_BULLET = re.compile(r"^\s*(?:[-*+\u2022\u25aa\u25cf]|\d+[.)])\s+")
_MARKDOWN_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_MARKDOWN_INLINE = re.compile(r"!\[([^\]]*)\]\([^)]*\)|\[([^\]]*)\]\([^)]*\)|[*_`]+")


def read(path: Path) -> Article:
    """The article at `path` ('-' is stdin), or an ArticleError with one clear line."""
    name = catalogue_file.display_name(path)
    data = catalogue_file.read_bytes(path, what="article", error=ArticleError)
    if b"\x00" in data:
        raise ArticleError(f"{name}: is not text (it holds NUL bytes); give an article in plain text, Markdown or HTML")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise ArticleError(f"{name}:{line}: the article is not UTF-8 text; save it as UTF-8") from None
    if not text.strip():
        raise ArticleError(f"{name}: the article is empty")
    return Article(name, tuple(parse(text, kind_of(name, text))))


def kind_of(name: str, text: str) -> str:
    """html, markdown or text: from the file name's extension, else from how the text starts."""
    suffix = Path(name).suffix.lower()
    if suffix in (".html", ".htm", ".xhtml"):
        return "html"
    if suffix in (".md", ".markdown"):
        return "markdown"
    start = text.lstrip()[:200].lower()
    if start.startswith(("<!doctype html", "<html")) or re.search(r"<(p|div|h[1-6]|body)\b", start):
        return "html"
    return "text"


def parse(text: str, kind: str) -> list[Paragraph]:
    blocks = _html_blocks(text) if kind == "html" else _text_blocks(text, markdown=kind == "markdown")
    paragraphs: list[Paragraph] = []
    heading = ""
    for line, block, is_heading in blocks:
        sentences = tuple(split_sentences(block, line))
        if not sentences:
            continue
        if is_heading:
            heading = block
        paragraphs.append(Paragraph(heading, sentences, is_heading))
    return paragraphs


def split_sentences(block: str, line: int) -> list[Sentence]:
    """The sentences of one block, each with the source line it starts on."""
    sentences = []
    start = 0
    for end in _ends(block):
        piece = block[start:end]
        if piece.strip():
            first = start + len(piece) - len(piece.lstrip())
            sentences.append(Sentence(line + block.count("\n", 0, first), " ".join(piece.split())))
        start = end
    return sentences


def _ends(block: str) -> list[int]:
    """Where each sentence of a block ends: after each sentence end no abbreviation explains, and at the end."""
    ends = [
        found.end()
        for found in _SENTENCE_END.finditer(block)
        if not block[found.end() : found.end() + 1].islower()
        and not _NEVER_LAST.search(block[max(0, found.start() - 8) : found.start()])
    ]
    return [*ends, len(block)]


def _text_blocks(text: str, markdown: bool) -> list[tuple[int, str, bool]]:
    """Paragraphs split at blank lines and bullets; a short line on its own without a full stop is a heading."""
    blocks: list[tuple[int, str, bool]] = []
    current: list[str] = []
    start = 0
    item = False  # a list item is never a heading, however short

    def close() -> None:
        if current:
            joined = "\n".join(current)
            blocks.append((start, joined, _looks_like_heading(current) and not item))
            current.clear()

    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip()
        if markdown:
            if _MARKDOWN_HEADING.match(line):
                close()
                blocks.append(
                    (
                        number,
                        _MARKDOWN_INLINE.sub(lambda m: m.group(1) or m.group(2) or "", _MARKDOWN_HEADING.sub("", line)),
                        True,
                    )
                )
                continue
            line = _MARKDOWN_INLINE.sub(lambda m: m.group(1) or m.group(2) or "", line)
        if not line.strip():
            close()
            continue
        if _BULLET.match(line):
            close()
            line = _BULLET.sub("", line)
            item = True
        elif not current:
            item = False
        if not current:
            start = number
        current.append(line.strip())
    close()
    return blocks


def _looks_like_heading(lines: list[str]) -> bool:
    only = lines[0] if len(lines) == 1 else ""
    return bool(only) and len(only.split()) <= 8 and not only.endswith((".", "?", "!", ":", ";", ","))


def _html_blocks(text: str) -> list[tuple[int, str, bool]]:
    from paincompare.check.html_text import text_blocks  # html.parser costs 3 ms; only HTML needs it

    return text_blocks(text)
