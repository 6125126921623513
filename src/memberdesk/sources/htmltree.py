"""A small, forgiving HTML tree built with the standard library's html.parser.

ModernGov pages are ASP.NET output: mostly well formed, but with unclosed <p> and <li>
now and then. This is just enough structure to ask "the rows of table.mgItemTable" and
"the links in this cell" without a new dependency.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser

_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
         "source", "track", "wbr"}
# Opening one of these closes an open element of the given kinds (HTML's implied ends).
_IMPLIED_END = {
    "p": {"p"}, "div": {"p"}, "table": {"p"}, "ul": {"p"}, "ol": {"p"}, "h1": {"p"},
    "h2": {"p"}, "h3": {"p"}, "h4": {"p"}, "li": {"li", "p"}, "tr": {"tr", "td", "th", "p"},
    "td": {"td", "th", "p"}, "th": {"td", "th", "p"},
}
_INLINE = {"span", "a", "b", "i", "em", "strong", "font", "u", "small", "abbr"}
_BLOCK = {"p", "div", "li", "tr", "td", "th", "table", "ul", "ol", "h1", "h2", "h3", "h4",
          "h5", "h6", "br", "section", "caption"}


@dataclass
class Node:
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[Node | str] = field(default_factory=list)

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def iter(self, tag: str | None = None, cls: str | None = None) -> Iterator[Node]:
        """This node and every descendant, in document order, filtered by tag/class."""
        if (tag is None or self.tag == tag) and (cls is None or cls in self.classes):
            yield self
        for child in self.children:
            if isinstance(child, Node):
                yield from child.iter(tag, cls)

    def find(self, tag: str | None = None, cls: str | None = None) -> Node | None:
        return next(self.iter(tag, cls), None)

    def text(self) -> str:
        """The visible text, with line breaks between blocks and spaces collapsed per line."""
        parts: list[str] = []
        self._collect(parts)
        lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
        return "\n".join(line for line in lines if line)

    def _collect(self, parts: list[str]) -> None:
        if self.tag in ("script", "style"):
            return
        if self.tag in _BLOCK:
            parts.append("\n- " if self.tag == "li" else "\n")
        for child in self.children:
            if isinstance(child, Node):
                child._collect(parts)
            else:
                parts.append(child)
        if self.tag in _BLOCK:
            parts.append("\n")


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document")
        self.stack: list[Node] = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        closes = _IMPLIED_END.get(tag, set())
        depth = len(self.stack) - 1
        while depth > 0:  # close what this tag implicitly ends, looking through inline tags
            open_tag = self.stack[depth].tag
            if open_tag in closes:
                del self.stack[depth:]
                depth = len(self.stack) - 1
            elif open_tag in _INLINE:
                depth -= 1
            else:
                break
        node = Node(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(node)
        if tag not in _VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(Node(tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return
        # A stray end tag: ignore it, as browsers do.

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse_html(markup: str) -> Node:
    builder = _Builder()
    builder.feed(markup)
    builder.close()
    return builder.root
