"""ModernGov HTML pages as a tree: selectolax's lexbor parser, plus readable text.

Lexbor follows the HTML standard's parsing rules, as browsers do, so a page with unclosed
<p>, <li> and <td>, a stray </div> inside a table cell, or a cut-off ending gives the tree
a browser shows (our own html.parser tree got stray end tags and table text wrong, and
was 15-40 times slower to parse). Callers use selectolax's API directly (`css`,
`css_first`, `attributes`, `iter`); this module adds what it lacks: `text()` with line
breaks between blocks, and two small attribute helpers.

Mind one trap: selectolax's `==` compares two nodes' HTML (and is slow); whether two
nodes are the same node is `a.mem_id == b.mem_id`.
"""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser, LexborNode

Node = LexborNode

_BLOCK = frozenset(
    {
        "p",
        "div",
        "li",
        "tr",
        "td",
        "th",
        "table",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "br",
        "section",
        "caption",
    }
)
_SKIP = frozenset({"script", "style", "-comment"})


def parse_html(markup: str) -> LexborNode:
    """The page's <html> element (missing html/head/body are added, as browsers do)."""
    root = LexborHTMLParser(markup).root
    if root is None:  # lexbor always builds <html>; this only satisfies the type
        return LexborHTMLParser("<html></html>").root  # type: ignore[return-value]
    return root


def attr(node: LexborNode, name: str) -> str:
    """An attribute's value; "" when it is missing or has no value (<td nowrap>)."""
    return node.attributes.get(name) or ""


def classes(node: LexborNode) -> list[str]:
    return attr(node, "class").split()


def text(node: LexborNode) -> str:
    """The visible text, with line breaks between blocks and spaces collapsed per line;
    a list item's line starts "- "."""
    parts: list[str] = []
    _collect(node, parts)
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _collect(node: LexborNode, parts: list[str]) -> None:
    tag = node.tag
    if tag in _SKIP:
        return
    block = tag in _BLOCK
    if block:
        parts.append("\n- " if tag == "li" else "\n")
    for child in node.iter(include_text=True):
        if child.is_text_node:
            parts.append(child.text_content or "")
        else:
            _collect(child, parts)
    if block:
        parts.append("\n")
