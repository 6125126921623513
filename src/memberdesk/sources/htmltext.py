"""Council HTML to plain text, and titles unescaped until they stop changing.

ModernGov hands agenda text and minutes as escaped HTML inside XML, and sometimes
escapes titles twice ("&amp;amp;", "&amp;#39;"). The reader shows plain text only:
paragraphs as blank-line separated blocks, list items as "- " lines, tables as rows.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

_BLOCKS = {
    "p",
    "div",
    "section",
    "article",
    "table",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "address",
    "hr",
}
_LINES = {"tr", "li", "dt", "dd", "caption"}
_SKIP = {"script", "style", "head", "title", "noscript"}
_SPACES = re.compile(r"[ \t\r\n\f\v\u00a0]+")


def unescape_until_stable(text: str, limit: int = 5) -> str:
    """html.unescape repeatedly (a council may escape two or three times)."""
    for _ in range(limit):
        plain = html.unescape(text)
        if plain == text:
            break
        text = plain
    return text


def clean_title(text: str | None) -> str:
    """A title as people should read it: unescaped, tags dropped, spaces collapsed."""
    if not text:
        return ""
    text = unescape_until_stable(text)
    if "<" in text and ">" in text:
        text = html_to_text(text).replace("\n", " ")
    return _SPACES.sub(" ", text).strip()


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0
        self._cell = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self._skip += 1
        elif tag in _BLOCKS:
            self.parts.append("\n\n")
        elif tag == "br":
            self.parts.append("\n")
        elif tag in _LINES:
            self.parts.append("\n- " if tag == "li" else "\n")
            self._cell = False
        elif tag in ("td", "th"):
            if self._cell:
                self.parts.append(" | ")  # cells of one row on one line, readable aloud
            self._cell = True

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.parts.append("\n")
        elif tag == "hr":
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_to_text(markup: str | None) -> str:
    """Plain text from a fragment of council HTML (already unescaped or still escaped)."""
    if not markup or not markup.strip():
        return ""
    markup = unescape_until_stable(markup) if "&lt;" in markup else markup
    collector = _TextCollector()
    collector.feed(markup)
    collector.close()
    raw = "".join(collector.parts)
    # Double-escaped entities survive one parse ("&amp;amp;" -> "&amp;"): finish the job.
    raw = unescape_until_stable(raw)
    paragraphs: list[str] = []
    for block in re.split(r"\n\s*\n", raw):
        lines = [_SPACES.sub(" ", line).strip() for line in block.split("\n")]
        text = "\n".join(line for line in lines if line)
        if text:
            paragraphs.append(text)
    return "\n\n".join(paragraphs)
